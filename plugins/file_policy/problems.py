"""Problems met while building (when the checks were skipped or missed one): logged as errors with
the content file and line, so that `make html` (--fatal errors) fails and says where."""

from __future__ import annotations

import logging
import os

from content_schema import Problem, ProblemList
from content_schema.report import format_line

log = logging.getLogger("file_policy")


def line_of(source_path: str, needle: str) -> int:
    """The first line of ``source_path`` that mentions ``needle`` or its last part; 0 if none."""
    names = [n for n in (needle, os.path.basename(needle.rstrip("/"))) if n]
    try:
        with open(source_path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if any(name in line for name in names):
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 0


def build_error(settings: dict, source_path: str | None, line: int, message: str, fix: str) -> None:
    root = settings.get("KIT_ROOT") or settings["PATH"]
    where = ProblemList(root=root).display_path(source_path or settings["PATH"])
    log.error("file_policy: %s", format_line(Problem(where, line, message, fix)))  # no `:0` for a whole file
