"""iCalendar feeds written with the icalendar library, from series records (export.py)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from icalendar import Calendar, Event, vRecur

from .event_source import parse_rrule, rule_from_near
from .time_zones import vtimezone
from .vevent_texts import VeventTexts

ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "rescheduled": "CONFIRMED",
    "moved-online": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def _local(value: str, timezone: str):
    parsed = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
    if isinstance(parsed, dt.datetime):
        return parsed.replace(tzinfo=zoneinfo.ZoneInfo(timezone))
    return parsed


def _times_on(repeat: str, start: dt.datetime, day: dt.date) -> list[dt.datetime]:
    """Every time the rule gives on ``day``: an `except` day skips all its sessions, not only the
    one at the time of the first date."""
    naive_start = start.replace(tzinfo=None)
    day_start = dt.datetime.combine(day, dt.time())
    rule = rule_from_near(parse_rrule(repeat, naive_start), day_start)
    times = rule.between(day_start, day_start + dt.timedelta(days=1), inc=False) or [
        dt.datetime.combine(day, naive_start.time())
    ]
    return [when.replace(tzinfo=start.tzinfo) for when in times]


def vevent(record: dict, summary_prefix: str | None = None) -> Event:
    event = Event()
    event.add("uid", record["uid"])
    event.add("dtstamp", dt.datetime.fromisoformat(record["stamp"]).astimezone(dt.UTC))  # its last change
    title = record["title"]
    if record["status"] == "cancelled":
        title = f"Cancelled: {title}"
    event.add("summary", f"{summary_prefix}: {title}" if summary_prefix else title)
    start = _local(record["start"], record["timezone"])
    end = _local(record["end"], record["timezone"])
    if record["all_day"]:
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))  # RFC 5545: DTEND of a DATE event is exclusive
    else:
        event.add("dtstart", start)
        event.add("dtend", end)
    if record["repeat"]:
        event.add("rrule", vRecur.from_ical(record["repeat"].removeprefix("RRULE:")))
        for skipped in record["exdates"]:
            day = dt.date.fromisoformat(skipped)
            if record["all_day"]:
                event.add("exdate", day)
            else:
                for when in _times_on(record["repeat"], start, day):
                    event.add("exdate", when)
    event.add("status", ICAL_STATUS[record["status"]])
    event.add("sequence", record["sequence"])
    location = record["location"] or ("Address on request" if record["address_on_request"] else None)
    if record["online"] and not location:
        location = record["online"]
    if location:
        event.add("location", location)
    if record["geo"]:
        event.add("geo", tuple(record["geo"]))
    event.add("url", record["url"])
    if record["description"]:
        event.add("description", record["description"])
    categories = list(record["categories"])
    if summary_prefix:
        categories.insert(0, summary_prefix)
    if categories:
        event.add("categories", categories)
    return event


def calendar_bytes(
    records: list[dict],
    *,
    name: str,
    zones: dt.date | None,
    events: VeventTexts,
    prefixes: dict | None = None,
) -> bytes:
    """A VCALENDAR of ``records`` sorted by UID, with the VTIMEZONEs they need from the date ``zones``
    on (timezone_range), in TZID order. Each VEVENT comes from ``events``: serialised once per build
    (and on the main site once per change), as icalendar would write it inside the calendar."""
    head = Calendar()
    head.add("prodid", "-//Hedgerow site kit//Events//EN")
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("method", "PUBLISH")
    head.add("x-wr-calname", name)
    head_text = head.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head_text.endswith(end)
    parts, tzids = [head_text[: -len(end)]], set()
    texts = []
    for record in sorted(records, key=lambda r: r["uid"]):
        text, used = events.get(record, (prefixes or {}).get(record["uid"]), vevent)
        texts.append(text)
        tzids.update(used)
    for tzid in sorted(tzids):
        try:
            parts.append(vtimezone(tzid, zones).to_ical())
        except ValueError:
            continue  # a zone tzdata does not know: calendar programs fall back on the TZID
    return b"".join([*parts, *texts, end])


def timezone_range(records: list[dict]) -> dt.date:
    """The date the VTIMEZONE blocks must hold from: the day before the first event's start. They
    hold for ever after (time_zones), so a repeating event with no end is right every year."""
    return zones_over(record_dates(records))


def record_dates(records: list[dict]) -> tuple[str, str]:
    """The first start and the last end of ``records``, as ISO dates."""
    return min(r["start"][:10] for r in records), max(r["end"][:10] for r in records)


def zones_over(dates: list[tuple[str, str]] | tuple[str, str]) -> dt.date:
    """timezone_range from the record_dates of one or more sets of records."""
    spans = [dates] if isinstance(dates, tuple) else dates
    return dt.date.fromisoformat(min(start for start, _end in spans)) - dt.timedelta(days=1)
