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
