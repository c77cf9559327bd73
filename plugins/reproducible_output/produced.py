"""Which files this build produced, so that files it no longer produces can be removed.

Every writer of the kit records here: the Pelican writer (writer.py), write_output_file, and the
static files. One set per output folder, reset when a Pelican run starts (each branch build runs in
its own process or after a reset).
"""

from __future__ import annotations

import os

_produced: dict[str, set[str]] = {}


def start(output_path: str) -> None:
    _produced[os.path.abspath(output_path)] = set()


def record(path: str) -> None:
    path = os.path.abspath(path)
    files = _files_of(path)
    if files is not None:
        files.add(path)


def was_produced(path: str) -> bool:
    """Whether this build made ``path`` (True when nothing is being recorded, as in a bare run)."""
    path = os.path.abspath(path)
    files = _files_of(path)
    return files is None or path in files


def _files_of(path: str) -> set[str] | None:
    """The record of the innermost output folder holding ``path`` (a branch's output/branches/x/ lies
    inside the main output/), or None when no build records that folder."""
    roots = [root for root in _produced if path.startswith(root + os.sep)]
    return _produced[max(roots, key=len)] if roots else None


def produced(output_path: str) -> set[str]:
    return _produced.get(os.path.abspath(output_path), set())


class UnsafeOutputFolder(Exception):
    exitcode = 1


def prune(output_path: str, keep_under: list[str], retain: list[str] = (), sources: list[str] = ()) -> list[str]:
    """Delete files under ``output_path`` this build did not produce, except below ``keep_under``
    (folders other builds own, such as each branch's) and names in ``retain`` (OUTPUT_RETENTION,
    such as .git). Refuses when the output folder holds any of ``sources``. Returns what was removed."""
    root = os.path.abspath(output_path)
    for source in sources:
        source = os.path.abspath(source)
        if source == root or source.startswith(root + os.sep):
            raise UnsafeOutputFolder(
                f"the output folder {root} contains {source}: removing stale files there could delete "
                "content. Build into a folder of its own (OUTPUT_PATH)."
            )
    made = produced(root)
    keep = tuple(os.path.abspath(k) + os.sep for k in keep_under)
    retained = set(retain)
    removed, visited = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [
            d for d in dirnames if d not in retained and not (os.path.join(dirpath, d) + os.sep).startswith(keep)
        ]
        visited.append(dirpath)
        for name in filenames:
            path = os.path.join(dirpath, name)
            if path not in made and name not in retained:
                os.remove(path)
                removed.append(path)
    for dirpath in reversed(visited):  # deepest first: folders left empty go too
        if dirpath != root and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return sorted(removed)
