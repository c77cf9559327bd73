"""An importer's input file (an export, a calendar): its bytes, at most so many, or the importer's own
failure saying why in a sentence."""

from __future__ import annotations

from collections.abc import Callable

MB = 1024 * 1024


def within_limit(data: bytes, name: str, limit: int, error: Callable[[str], Exception], too_large: str = "") -> bytes:
    """``data`` (read as ``limit`` + 1 bytes at most) if it is no larger than ``limit``; else
    ``error(message)``, the message ending with ``too_large``."""
    if len(data) > limit:
        raise error(f"{name} is larger than {limit // MB} MB{too_large}")
    return data


def read_input(path: str, limit: int, error: Callable[[str], Exception], too_large: str = "") -> bytes:
    """The bytes of the file at ``path``, at most ``limit``; ``error(message)`` (the importer's
    exception) when it cannot be read or is larger."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"{path} cannot be read ({exc.strerror or exc})") from None
    return within_limit(data, path, limit, error, too_large)
