"""Dates and times in the interface's language, as its readers write them.

English is the kit's own wording, unchanged: "Tuesday 12 January 2027", "Tue 12 Jan", "7pm",
"7:30pm", "midday". Welsh follows the Welsh Government's and the BBC's style: "Dydd Mawrth 12
Ionawr 2027", "Maw 12 Ion", "7yh" (yr hwyr), "10yb" (y bore), "7.30yh", "12 canol dydd". Other
languages take Babel's (CLDR's) names and formats. ``style`` names one of STYLES.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_time

from .catalogs import formatting_language

# The English wording, as strftime patterns (what the kit's pages said before they were translated).
ENGLISH = {
    "day": "%A %-d %B %Y",  # Tuesday 12 January 2027
    "day_month_year": "%-d %B %Y",  # 12 January 2027
    "day_month": "%-d %B",  # 12 January
    "month_year": "%B %Y",  # January 2027
    "month": "%B",  # January
    "weekday": "%A",  # Tuesday
    "short_weekday": "%a",  # Tue
    "short": "%a %-d %b",  # Tue 12 Jan
    "short_year": "%a %-d %b %Y",  # Tue 12 Jan 2027
}
# The same, as CLDR patterns for Babel, for every other language. Welsh writes its days with
# "Dydd": Babel's full weekday names ("Dydd Mawrth") are what Welsh readers write.
CLDR = {
    "day": "EEEE d MMMM y",
    "day_month_year": "d MMMM y",
    "day_month": "d MMMM",
    "month_year": "LLLL y",
    "month": "LLLL",
    "weekday": "EEEE",
    "short_weekday": "EEE",
    "short": "EEE d MMM",
    "short_year": "EEE d MMM y",
}
# Languages whose long dates are best in CLDR's own full format (Gaelic: "DiCiadain, 13mh dhen Fhaoilleach 2027").
CLDR_FULL_DAY = {"gd"}
STYLES = tuple(ENGLISH)


def date_words(when: dt.date, style: str, lang: str | None) -> str:
    """``when`` (a date or datetime) as ``style`` says, in ``lang``."""
    primary = formatting_language(lang)
    if primary == "en":
        return when.strftime(ENGLISH[style])
    if style == "day" and primary in CLDR_FULL_DAY:
        return format_date(when, "full", locale=primary)
    return format_date(when, CLDR[style], locale=primary)


def _english_clock(when: dt.datetime | dt.time) -> str:
    hour = when.hour % 12 or 12
    suffix = "am" if when.hour < 12 else "pm"
    if when.minute:
        return f"{hour}:{when.minute:02d}{suffix}"
    if when.hour == 12:
        return "midday"
    return f"{hour}{suffix}"


def _welsh_clock(when: dt.datetime | dt.time) -> str:
    hour = when.hour % 12 or 12
    if when.hour == 12 and not when.minute:
        return "12 canol dydd"
    if when.hour == 0 and not when.minute:
        return "12 hanner nos"
    suffix = "yb" if when.hour < 12 else "yh"  # y bore, yr hwyr
    if when.minute:
        return f"{hour}.{when.minute:02d}{suffix}"
    return f"{hour}{suffix}"


def clock(when: dt.datetime | dt.time, lang: str | None = None) -> str:
    """A time of day: "7pm" / "7yh" / Babel's short time in other languages ("19:00")."""
    primary = formatting_language(lang)
    if primary == "en":
        return _english_clock(when)
    if primary == "cy":
        return _welsh_clock(when)
    return format_time(when, "short", locale=primary)
