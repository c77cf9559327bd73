"""Writing generated files (feeds, JSON, calendars) that are not Jinja pages."""

from __future__ import annotations

import os

from .writer import write_if_changed


def write_output_file(output_path: str, relative: str, data: bytes) -> bool:
    """Write ``data`` to ``output_path/relative`` unless the file already holds exactly that.

    An unchanged file keeps its modification time, so rsync and caches see nothing new.
    Returns whether the file was written.
    """
    return write_if_changed(os.path.join(output_path, relative), data)
