"""Removing what the kit wrote before and no longer makes, and nothing else.

The output folder is shared: an ordinary Pelican plugin writes its own files there with ``open()``
(pelican-sitemap's sitemap.txt), a party may keep a file of its own in it, and Pelican's
OUTPUT_RETENTION names folders such as .git. So pruning never removes a file merely because this
build did not make it: it removes exactly the files the last kit build into this folder recorded
as written (kept in CACHE_PATH) that this build did not write again. A file of any other origin is
left where it is, build after build.

The record holds names relative to the output folder: `make publish` builds into a fresh
output.new/ and then puts it in place of output/, and the next build into output/ reads the same
cache and prunes what that publish wrote.
"""

from __future__ import annotations

import contextlib
import json
import os

from .atomic import is_temporary, write_atomic
from .containment import is_within
from .produced import produced

RECORD_FILE = "written-files.json"


class UnsafeOutputFolder(Exception):
    exitcode = 1


def record_path(cache_path: str) -> str:
    return os.path.join(cache_path, RECORD_FILE)


def last_written(cache_path: str) -> set[str]:
    """The names (relative to the output folder, with "/") the last kit build recorded as written;
    empty when there is no record, or a damaged one: then nothing is removed."""
    try:
        with open(record_path(cache_path), encoding="utf-8") as handle:
            names = json.load(handle)
    except (OSError, ValueError):
        return set()
    return {name for name in names if isinstance(name, str)} if isinstance(names, list) else set()


def written_now(output_path: str, keep_under: list[str] = ()) -> set[str]:
    """What this build wrote into ``output_path``, outside the folders in ``keep_under``."""
    root = os.path.join(os.path.abspath(output_path), "")
    keep = tuple(os.path.join(os.path.abspath(k), "") for k in keep_under)
    return {
        path[len(root) :].replace(os.sep, "/")
        for path in produced(output_path)
        if path.startswith(root) and not path.startswith(keep)
    }


def save_written(cache_path: str, names: set[str]) -> None:
    write_atomic(record_path(cache_path), json.dumps(sorted(names), indent=0).encode("utf-8"))


def check_output_folder(output_path: str, sources: list[str]) -> None:
    """UnsafeOutputFolder when the output folder holds any of ``sources`` (the content's folders)."""
    root = os.path.abspath(output_path)
    for source in sources:
        source = os.path.abspath(source)
        if source == root or source.startswith(root + os.sep):
            raise UnsafeOutputFolder(
                f"the output folder {root} contains {source}: removing stale files there could delete "
                "content. Build into a folder of its own (OUTPUT_PATH)."
            )


def prune(
    output_path: str,
    cache_path: str,
    keep_under: list[str] = (),
    retain: list[str] = (),
    sources: list[str] = (),
) -> list[str]:
    """Delete the files the last kit build wrote into ``output_path`` that this one did not, except
    below ``keep_under`` (folders other builds own, such as each branch's) and names in ``retain``
    (OUTPUT_RETENTION, such as .git); folders left empty by that go too. Then record what this
    build wrote, for the next one. Refuses when the output folder holds any of ``sources``.
    Returns the paths removed."""
    check_output_folder(output_path, sources)
    root = os.path.abspath(output_path)
    keep = tuple(os.path.join(os.path.abspath(k), "") for k in keep_under)
    retained = set(retain)
    now = written_now(root, keep_under)
    removed = []
    last = last_written(cache_path)
    for name in sorted(last - now):
        path = os.path.join(root, *name.split("/"))
        parts = name.split("/")
        if retained.intersection(parts) or ".." in parts or path.startswith(keep):
            continue
        # the parent folder, links resolved, must be inside the output folder: a record edited by
        # hand, or a folder replaced by a link since, never leads a removal elsewhere
        if not is_within(root, os.path.dirname(path)) and os.path.dirname(path) != root:
            continue
        if os.path.isfile(path) or os.path.islink(path):
            os.remove(path)
            removed.append(path)
    removed += _remove_temporaries(root, last | now)
    for folder in sorted({os.path.dirname(path) for path in removed}, key=len, reverse=True):
        while folder.startswith(root + os.sep):  # deepest first: the folders it emptied go too
            try:
                os.rmdir(folder)
            except OSError:  # not empty (it holds another file, of any origin): kept, with its parents
                break
            folder = os.path.dirname(folder)
    save_written(cache_path, now)
    return sorted(removed)


def _remove_temporaries(root: str, names: set[str]) -> list[str]:
    """The kit's temporary files (atomic.TEMPORARY_PREFIX) that a build killed while writing left in
    the folders the kit writes: never a name of anyone else's."""
    removed = []
    for folder in sorted({os.path.join(root, *name.split("/")[:-1]) for name in names}):
        with contextlib.suppress(OSError):  # a folder no longer there
            for entry in os.scandir(folder):
                if is_temporary(entry.name) and entry.is_file(follow_symlinks=False):
                    os.remove(entry.path)
                    removed.append(entry.path)
    return removed


def keep_recording(output_path: str, cache_path: str, keep_under: list[str] = ()) -> None:
    """What this build wrote joins the record, nothing being removed: with pruning turned off
    (OUTPUT_PRUNE = False), or after a run that failed before its end, so that a later build that
    prunes removes what the kit wrote meanwhile and no longer makes."""
    last = last_written(cache_path)
    names = last | written_now(output_path, keep_under)
    if names != last:
        save_written(cache_path, names)
