"""Writing generated files (feeds, JSON, calendars) that are not Jinja pages."""

from __future__ import annotations

import os


def write_output_file(output_path: str, relative: str, data: bytes) -> bool:
    """Write ``data`` to ``output_path/relative`` unless the file already holds exactly that.

    An unchanged file keeps its modification time, so rsync and caches see nothing new.
    Returns whether the file was written.
    """
    path = os.path.join(output_path, relative)
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                return False
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    return True
