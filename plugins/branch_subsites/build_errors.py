"""Every error one branch's build meets, gathered with its file and line for the report.

A branch is built in a worker whose console is quiet (the full build) or on its own
(`make publish BRANCH=slug`); either way an error Pelican logs while building it (a page it
could not read and skipped) must fail that branch and be shown with where it is, not as
Pelican's bare "Warning or error encountered" from --fatal, nor be lost.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from pelican.log import FatalLogger

from content_schema import ContentProblems
from content_schema.report import format_line


def _problems_behind(exc: BaseException | None) -> ContentProblems | None:
    """The ContentProblems ``exc`` is, or was raised from or while handling; None if none."""
    seen = set()
    while exc is not None and id(exc) not in seen and not isinstance(exc, ContentProblems):
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return exc


def error_lines(exc: BaseException) -> list[str]:
    """What a build stopped by ``exc`` reports: each content error as `file:line: message. Fix: fix`,
    or the exception's own one line."""
    problems = _problems_behind(exc)
    if problems is not None:
        return [format_line(p) for p in problems.problems if p.is_error]
    return ["".join(traceback.format_exception_only(type(exc), exc)).strip()]


class ErrorCollector(logging.Handler):
    """Every record at ``level`` or above, once each, as `file:line: message` where it is known."""

    def __init__(self, level: int = logging.ERROR):
        super().__init__(level)
        self.lines: list[str] = []

    def add(self, lines: list[str]) -> None:
        """Each line once, also when a plugin logged it already with its name in front."""
        for line in lines:
            if not any(seen.endswith(line) for seen in self.lines):
                self.lines.append(line)

    def emit(self, record: logging.LogRecord) -> None:
        exc = record.exc_info[1] if record.exc_info else sys.exc_info()[1]  # "Could not process": no exc_info
        self.add(error_lines(exc) if _problems_behind(exc) is not None else [record.getMessage()])


@contextmanager
def collected_errors() -> Iterator[list[str]]:
    """Gather the errors logged while the block runs, and the one it ends with, into the list it gives.

    Under --fatal (errors, or warnings) Pelican stops at the first such record with a bare
    "Warning or error encountered"; here the build goes on, so that every one is gathered, and the
    list holds what --fatal would have stopped on: the caller fails the build if it is not empty."""
    fatal = FatalLogger.fatal_lvl
    collector = ErrorCollector(min(fatal, logging.ERROR))
    root = logging.getLogger()
    FatalLogger.fatal_lvl = logging.CRITICAL + 1  # as without --fatal: nothing raised while logging
    root.addHandler(collector)
    try:
        yield collector.lines
    except Exception as exc:  # reported with the others
        collector.add(error_lines(exc))
    finally:
        root.removeHandler(collector)
        FatalLogger.fatal_lvl = fatal
