"""Output files outside Pelican's writer: writing generated files (feeds, JSON, calendars) that are not
Jinja pages, and checking that what a build wrote is still there."""

from __future__ import annotations

import hashlib
import os

from .containment import output_destination
from .writer import write_if_changed


def write_output_file(output_path: str, relative: str, data: bytes) -> bool:
    """Write ``data`` to ``output_path/relative`` unless the file already holds exactly that.

    An unchanged file keeps its modification time, so rsync and caches see nothing new.
    Returns whether the file was written; OutsideItsFolder if ``relative`` leads out of ``output_path``.
    """
    return write_if_changed(output_destination(output_path, relative), data)


def _digest(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "blake2b").hexdigest()[:32]


def _signature(stat: os.stat_result) -> list[int]:
    """What changes whenever a file's bytes are changed or replaced: its size, its inode (a rename
    over it gives a new one), its modification time, and its change time (which, unlike the
    modification time, no program can set back)."""
    return [stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns]


def output_states(output_root: str, files: list[str]) -> dict[str, list]:
    """{name: [size, inode, mtime, ctime, digest]} of each of ``files`` (relative to ``output_root``)
    as it is now, for outputs_intact to compare with later. The digest is of the bytes."""
    prefix = os.path.join(output_root, "")
    return {name: [*_signature(os.stat(prefix + name)), _digest(prefix + name)] for name in files}


def outputs_intact(output_root: str, states: dict[str, list]) -> bool:
    """Is every file of ``states`` (output_states) still there, holding the bytes it was recorded
    with? A file whose signature is unchanged is taken as it was, with one bare stat (160,000 files
    at 650 branches); any other is read, and must have the same digest: a page written over by
    another site or by hand since is found, whatever time it was given."""
    if not states:
        return False  # nothing recorded (a record from an older kit): it cannot be vouched for
    prefix = os.path.join(output_root, "")
    try:
        for name, state in states.items():
            path = prefix + name
            signature = _signature(os.stat(path))
            if signature != state[:4] and (signature[0] != state[0] or _digest(path) != state[4]):
                return False
    except OSError:
        return False
    return True


def states_by_content(output_root: str, states: dict[str, list]) -> tuple[dict[str, list], list[str]]:
    """Check each file of ``states`` (output_states, perhaps taken on another machine) by its size
    and the digest of its bytes alone: a copy (a CI artifact) keeps no inode and no times. Returns
    the states as the files are here (for outputs_intact to compare with later) and the names of
    those missing or holding other bytes."""
    prefix = os.path.join(output_root, "")
    here, differing = {}, []
    for name, state in sorted(states.items()):
        path = prefix + name
        try:
            signature = _signature(os.stat(path))
            digest = _digest(path) if signature[0] == state[0] else None
        except OSError:
            digest = None
        if digest is None or digest != state[4]:
            differing.append(name)
        else:
            here[name] = [*signature, digest]
    return here, differing
