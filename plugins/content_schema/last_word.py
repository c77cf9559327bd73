"""How a build stopped by an error the kit explains ends: with its message, not a traceback.

Pelican's command logs whatever stopped the build as CRITICAL with its traceback. The kit's own
errors (ContentProblems, a branch that failed to build, a build lock held...) say what is wrong
and where, and carry the `exitcode` Pelican exits with: for them the traceback is only noise
that buries the list of files and lines. So does Pelican's own "Warning or error encountered"
(--fatal), which stands for the record logged just above it. Any other exception, a fault in the
code, keeps it.
"""

from __future__ import annotations

import logging

FATAL_MESSAGE = "Warning or error encountered"  # pelican.log.FatalLogger's, under --fatal


def explained(exc: BaseException | None) -> bool:
    return hasattr(exc, "exitcode") or (type(exc) is RuntimeError and str(exc) == FATAL_MESSAGE)


class ExplainedErrorsWithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if record.levelno >= logging.CRITICAL and explained(exc):
            record.exc_info = record.exc_text = None
        return True


_filter = ExplainedErrorsWithoutTraceback()


def end_without_traceback(pelican) -> None:
    """On Pelican's own logger, the one its command reports a stopped build with."""
    logger = logging.getLogger("pelican")
    if _filter not in logger.filters:
        logger.addFilter(_filter)
