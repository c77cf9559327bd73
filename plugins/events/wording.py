"""Dates and times as people in the UK say them: "Tuesday 12 January 2027, 7pm to 9pm GMT"."""

from __future__ import annotations

import datetime as dt


def clock(when: dt.datetime) -> str:
    hour = when.hour % 12 or 12
    suffix = "am" if when.hour < 12 else "pm"
    if when.minute:
        return f"{hour}:{when.minute:02d}{suffix}"
    if when.hour == 12:
        return "midday"
    return f"{hour}{suffix}"


def day(when: dt.date) -> str:
    return f"{when:%A} {when.day} {when:%B %Y}"


def describe_when(occurrence) -> str:
    series = occurrence.series
    if series.all_day:
        first, last = occurrence.start, occurrence.end
        if first == last:
            return f"{day(first)}, all day"
        return f"{day(first)} to {day(last)}"
    start = occurrence.start
    end = occurrence.end
    zone = start.tzname()
    if start.date() == end.date() and end.tzname() == zone:
        return f"{day(start)}, {clock(start)} to {clock(end)} {zone}"
    return f"{day(start)}, {clock(start)} {zone} to {day(end)}, {clock(end)} {end.tzname()}"


def listed_when(occurrence) -> str:
    """For a list of one event's dates: "Tuesday 9 February 2027, 7pm"."""
    if occurrence.series.all_day:
        first, last = occurrence.start, occurrence.end
        return day(first) if first == last else f"{day(first)} to {day(last)}"
    return f"{day(occurrence.start)}, {clock(occurrence.start)}"


def short_when(occurrence) -> str:
    """For lists: "Tue 12 Jan, 7pm"."""
    series = occurrence.series
    if series.all_day:
        first, last = occurrence.start, occurrence.end
        text = f"{first:%a} {first.day} {first:%b}"
        return text if first == last else f"{text} to {last:%a} {last.day} {last:%b}"
    return f"{occurrence.start:%a} {occurrence.start.day} {occurrence.start:%b}, {clock(occurrence.start)}"


def event_date(starts_at: dt.datetime, timezone: str, all_day: bool, with_year: bool = False) -> str:
    """An aggregated event's start in its own time zone, for lists: "Tue 12 Jan, 7pm" (or "Tue 12 Jan 2027, 7pm")."""
    import zoneinfo

    local = starts_at.astimezone(zoneinfo.ZoneInfo(timezone))
    text = f"{local:%a} {local.day} {local:%b}" + (f" {local.year}" if with_year else "")
    return text if all_day else f"{text}, {clock(local)}"
