"""The settings accessibility_statement owns, with their defaults (kit_settings.declared_settings)."""

from __future__ import annotations

import datetime as dt

from content_schema.fields import email
from kit_settings.declared_settings import Setting, address, field_kind, list_of, whole

STATUSES = ("full", "partial", "not")
ENFORCEMENT_BODIES = ("ehrc", "ecni")


def _date(value) -> str | None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "it must be a date written as YYYY-MM-DD"
    return None


def _one_of(choices: tuple[str, ...]):
    def check(value) -> str | None:
        return None if value in choices else f"it must be one of {', '.join(repr(c) for c in choices)}"

    return check


def _bodies(value) -> str | None:
    wrong = [body for body in value if body not in ENFORCEMENT_BODIES]
    return f"every item must be one of {ENFORCEMENT_BODIES!r}, not {wrong[0]!r}" if wrong else None


SETTINGS = [
    Setting("ACCESSIBILITY_URL", "accessibility/", str, "Every site's accessibility statement.", address),
    Setting("ACCESSIBILITY_SAVE_AS", "accessibility/index.html", str, "Where that page is written.", address),
    Setting(
        "ACCESSIBILITY_CONTACT_EMAIL",
        None,
        str,
        "Where readers ask for another format or report an accessibility problem.",
        field_kind(email),
    ),
    Setting(
        "ACCESSIBILITY_RESPONSE_DAYS",
        10,
        int,
        "Within how many working days the party answers such a request.",
        whole(1, 60),
    ),
    Setting(
        "ACCESSIBILITY_STATUS",
        "partial",
        str,
        "WCAG 2.2 AA: 'full', 'partial' or 'not' compliant. The kit's checks are automated, so "
        "'full' needs a test by hand as well (ACCESSIBILITY_MANUAL_TEST).",
        _one_of(STATUSES),
    ),
    Setting(
        "ACCESSIBILITY_KNOWN_ISSUES",
        [],
        list,
        "What the party knows does not meet WCAG 2.2 AA, one sentence each, with the criterion.",
        list_of(str),
    ),
    Setting(
        "ACCESSIBILITY_MANUAL_TEST",
        None,
        (str, type(None)),
        "Who last tested the site by hand, how and when, in one sentence (say so only if it happened).",
    ),
    Setting(
        "ACCESSIBILITY_ENFORCEMENT",
        [],
        list,
        "The enforcement bodies the statement names: 'ehrc' (Great Britain), 'ecni' (Northern Ireland).",
        _bodies,
    ),
    Setting(
        "ACCESSIBILITY_PREPARED_ON",
        None,
        str,
        "The day the party first prepared its statement, YYYY-MM-DD.",
        _date,
    ),
    Setting(
        "ACCESSIBILITY_REVIEWED_ON",
        None,
        (str, type(None)),
        "The day the party last reviewed it, YYYY-MM-DD (default: the day it was prepared).",
        _date,
    ),
]
