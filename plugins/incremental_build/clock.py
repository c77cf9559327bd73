"""The build's "now", from SOURCE_DATE_EPOCH when set."""

from __future__ import annotations

import datetime as dt
import os


class BadSourceDateEpoch(ValueError):
    exitcode = 1


def build_now(environ=os.environ) -> dt.datetime:
    """An aware UTC datetime: SOURCE_DATE_EPOCH if set, else the current time."""
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    try:
        return dt.datetime.fromtimestamp(int(raw), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise BadSourceDateEpoch(
            f"SOURCE_DATE_EPOCH is {raw!r}; it must be a whole number of seconds since 1970, "
            "e.g. $(git log -1 --format=%ct)"
        ) from None


def set_build_now(settings: dict) -> None:
    """Fix BUILD_NOW once, in the main build; branch builds inherit the same value."""
    if "BUILD_NOW" not in settings or settings["BUILD_NOW"] is None:
        settings["BUILD_NOW"] = build_now()
