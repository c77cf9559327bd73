"""Which files this build produced, so that files it no longer produces can be removed (pruning).

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
