"""Dates and times as people in the UK say them: "Tuesday 12 January 2027, 7pm to 9pm GMT".

In another language (``lang``, an event's own), as its readers write them: "Dydd Mawrth 12 Ionawr
2027, 7yh i 9yh GMT" (interface_language.local_dates, and the catalog's words around them).
"""

from __future__ import annotations

import datetime as dt

from interface_language import ENGLISH, primary_language, translations
from interface_language.local_dates import clock as local_clock
from interface_language.local_dates import date_words


def event_words(lang: str | None, catalogs: tuple[str, ...] = ()):
    """The words of ``lang`` in the site's catalogs (``catalogs``: interface_language.catalog_folders of
    its settings, whose entries win over the kit's), or the kit's alone where none are given."""
    if catalogs:
        return translations({"INTERFACE_LANGUAGE_CATALOGS": list(catalogs)}, lang)
    return ENGLISH if primary_language(lang) == "en" else translations({}, lang)


def clock(when: dt.datetime, lang: str | None = None) -> str:
    return local_clock(when, lang)


def day(when: dt.date, lang: str | None = None) -> str:
    return date_words(when, "day", lang)


def _short_day(when: dt.date, lang: str | None) -> str:
    return date_words(when, "short", lang)


def describe_when(occurrence, lang: str | None = None, catalogs: tuple[str, ...] = ()) -> str:
    words = event_words(lang, catalogs)
    series = occurrence.series
    if series.all_day:
        first, last = occurrence.start, occurrence.end
        if first == last:
            return words.gettext("%(day)s, all day") % {"day": day(first, lang)}
        return words.gettext("%(first)s to %(last)s") % {"first": day(first, lang), "last": day(last, lang)}
    start = occurrence.start
    end = occurrence.end
    zone = start.tzname()
    if start.date() == end.date() and end.tzname() == zone:
        return words.gettext("%(day)s, %(start)s to %(end)s %(zone)s") % {
            "day": day(start, lang),
            "start": clock(start, lang),
            "end": clock(end, lang),
            "zone": zone,
        }
    return words.gettext("%(start_day)s, %(start)s %(zone)s to %(end_day)s, %(end)s %(end_zone)s") % {
        "start_day": day(start, lang),
        "start": clock(start, lang),
        "zone": zone,
        "end_day": day(end, lang),
        "end": clock(end, lang),
        "end_zone": end.tzname(),
    }


def listed_when(occurrence, lang: str | None = None, catalogs: tuple[str, ...] = ()) -> str:
    """For a list of one event's dates: "Tuesday 9 February 2027, 7pm"."""
    words = event_words(lang, catalogs)
    if occurrence.series.all_day:
        first, last = occurrence.start, occurrence.end
        if first == last:
            return day(first, lang)
        return words.gettext("%(first)s to %(last)s") % {"first": day(first, lang), "last": day(last, lang)}
    return words.gettext("%(day)s, %(time)s") % {
        "day": day(occurrence.start, lang),
        "time": clock(occurrence.start, lang),
    }


def short_when(occurrence, lang: str | None = None, catalogs: tuple[str, ...] = ()) -> str:
    """For lists: "Tue 12 Jan, 7pm"."""
    words = event_words(lang, catalogs)
    series = occurrence.series
    if series.all_day:
        first, last = occurrence.start, occurrence.end
        text = _short_day(first, lang)
        if first == last:
            return text
        return words.gettext("%(first)s to %(last)s") % {"first": text, "last": _short_day(last, lang)}
    start = occurrence.start
    return words.gettext("%(day)s, %(time)s") % {"day": _short_day(start, lang), "time": clock(start, lang)}


def event_date(
    starts_at: dt.datetime,
    timezone: str,
    all_day: bool,
    with_year: bool = False,
    lang: str | None = None,
    catalogs: tuple[str, ...] = (),
) -> str:
    """An aggregated event's start in its own time zone, for lists: "Tue 12 Jan, 7pm" (or "Tue 12 Jan 2027, 7pm")."""
    import zoneinfo

    local = starts_at.astimezone(zoneinfo.ZoneInfo(timezone))
    text = date_words(local, "short_year" if with_year else "short", lang)
    return (
        text
        if all_day
        else event_words(lang, catalogs).gettext("%(day)s, %(time)s")
        % {
            "day": text,
            "time": clock(local, lang),
        }
    )
