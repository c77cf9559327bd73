"""Deterministic gzip and brotli siblings for the text files of a folder."""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass

import brotli

from incremental_build.atomic import write_atomic
from incremental_build.produced import record, was_produced

ENCODINGS = (".gz", ".br")


def gzip_bytes(data: bytes, level: int) -> bytes:
    return gzip.compress(data, compresslevel=level, mtime=0)  # no file name, no time: same bytes every build


def brotli_bytes(data: bytes, quality: int) -> bytes:
    return brotli.compress(data, mode=brotli.MODE_TEXT, quality=quality, lgwin=22)


@dataclass
class Totals:
    files: int = 0
    raw: int = 0
    gz: int = 0
    br: int = 0


def _replace(path: str, data: bytes, mtime_ns: int) -> None:
    """Write ``path`` unless it already holds ``data``; always by rename, never in place, so a
    file hard-linked elsewhere (an rsync --link-dest release) is never changed under it."""
    record(path)  # this build made it: incremental_build's pruning keeps it
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return
    except FileNotFoundError:
        pass
    write_atomic(path, data, mtime_ns)  # nginx sends the .gz file's time as Last-Modified


def precompress_folder(root: str, settings: dict, skip_folders: list[str] = ()) -> Totals:
    """Compress every file under ``root`` whose suffix is listed, except in ``skip_folders``.

    A file too small to gain, or one that does not shrink, gets no sibling (and loses a stale one).
    """
    suffixes = tuple(settings["PRECOMPRESSED_FILES_SUFFIXES"])
    min_size = settings["PRECOMPRESSED_FILES_MIN_SIZE"]
    coders = (
        (".gz", lambda d: gzip_bytes(d, settings["PRECOMPRESSED_FILES_GZIP_LEVEL"])),
        (".br", lambda d: brotli_bytes(d, settings["PRECOMPRESSED_FILES_BROTLI_QUALITY"])),
    )
    skip = {os.path.normpath(os.path.join(root, folder)) for folder in skip_folders}
    totals = Totals()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if os.path.join(dirpath, d) not in skip)
        for name in sorted(filenames):
            if not name.endswith(suffixes):
                continue
            path = os.path.join(dirpath, name)
            if not was_produced(path):
                continue  # left over from an earlier build: pruned when this one ends
            with open(path, "rb") as handle:
                data = handle.read()
            mtime_ns = os.stat(path).st_mtime_ns
            totals.files += 1
            totals.raw += len(data)
            for encoding, coder in coders:
                sibling = path + encoding
                packed = coder(data) if len(data) >= min_size else None
                if packed is None or len(packed) >= len(data):
                    if os.path.exists(sibling):
                        os.remove(sibling)
                    packed = data
                else:
                    _replace(sibling, packed, mtime_ns)
                setattr(totals, encoding[1:], getattr(totals, encoding[1:]) + len(packed))
    return totals
