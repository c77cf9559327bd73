"""Every file a build reads into its output comes from inside its site's folder, and every file it
writes lands inside its output folder: checked on the resolved path (symbolic links followed to
where they really lead) at the moment of reading or writing, whatever made the path.

A path is made from what editors write ({static}../../x, a slug, a region), so no check of their
text can be the last word: this is.
"""

from __future__ import annotations

import os
import stat

from . import site_folders


class OutsideItsFolder(Exception):
    """A path that leaves the folder it must stay in; the message says which, in plain words."""

    exitcode = 1


def _real_folder(root: str) -> str:
    return os.path.join(os.path.realpath(root), "")


def is_within(root: str, path: str) -> bool:
    """Whether ``path``, every symbolic link on the way resolved, lies below ``root``."""
    return os.path.realpath(path).startswith(_real_folder(root))


def output_destination(output_path: str, relative: str) -> str:
    """``output_path/relative``, if it stays in the output folder once resolved and is not in the
    folder of another site (site_folders: a branch's, for the main site); else OutsideItsFolder.

    The output folder's own links (none, unless someone made one) are resolved too: a file is never
    written through a link to somewhere else."""
    path = os.path.join(output_path, relative)
    if not is_within(output_path, path):
        raise OutsideItsFolder(
            f"refused to write {path}: it is outside the output folder {output_path}, and a build writes only there"
        )
    trespass = site_folders.trespass(output_path, path)
    if trespass is not None:
        raise OutsideItsFolder(f"refused to write {path}: {trespass}")
    return path


def site_source(site_root: str, relative: str) -> str:
    """The file ``relative`` names in ``site_root``, if it is a plain file inside that folder reached
    without any symbolic link; else OutsideItsFolder. Git carries symbolic links in a pull request,
    and one inside a site's folder can point anywhere on the machine that builds it."""
    root = os.path.abspath(site_root)
    if os.path.islink(root):
        raise OutsideItsFolder(f"the site's folder {root} is itself a symbolic link, which is never followed")
    path = os.path.normpath(os.path.join(root, relative))
    if not path.startswith(os.path.join(root, "")):
        raise OutsideItsFolder(f"{relative} is outside the site's folder {root}")
    current = root
    for part in os.path.relpath(path, root).split(os.sep):
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except OSError:
            raise OutsideItsFolder(f"{relative} is not in the site's folder {root}") from None
        if stat.S_ISLNK(mode):
            raise OutsideItsFolder(f"{relative} goes through a symbolic link ({current}), which is never followed")
    if not stat.S_ISREG(mode):
        raise OutsideItsFolder(f"{relative} is not a plain file")
    return path


def read_site_file(site_root: str, relative: str) -> bytes:
    """The bytes of site_source(site_root, relative), opened without following a link (so a link put
    in its place after the check is not followed either)."""
    path = site_source(site_root, relative)
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(handle, "rb") as source:
        return source.read()


class RecordedNames:
    """Names that a record made elsewhere (a CI artifact) gives relative to ``folder``: each must be a
    relative name that, every symbolic link on the way and the file's own resolved, lies below it.
    The folder itself is taken as named (a folder that is a link to elsewhere holds nothing), and
    each folder on the way is resolved once, however many files a record names in it."""

    def __init__(self, folder: str):
        parent, name = os.path.split(os.path.abspath(folder))
        self.folder = os.path.join(os.path.realpath(parent), name)
        self._real = os.path.join(self.folder, "")
        self._resolved: dict[str, str] = {}

    def path(self, name) -> str | None:
        """The whole path of ``name`` in the folder, or None when it is not a relative name below it."""
        if not isinstance(name, str) or not name or os.path.isabs(name) or "\0" in name:
            return None
        directory, base = os.path.split(os.path.join(self.folder, *name.split("/")))
        if base in ("", ".", ".."):
            return None
        real = self._resolved.get(directory)
        if real is None:
            real = self._resolved[directory] = os.path.realpath(directory)
        path = os.path.join(real, base)
        if os.path.islink(path):
            path = os.path.realpath(path)
        return path if path.startswith(self._real) else None
