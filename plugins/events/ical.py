"""iCalendar feeds written with the icalendar library, from series records (export.py)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from icalendar import Calendar, Event, vDuration, vRecur, vUri

from .event_source import parse_rrule, rule_from_near
from .time_zones import clock_changes, vtimezone_text
from .vevent_texts import VeventTexts

REFRESH_HOURS = 12  # EVENTS_CALENDAR_REFRESH_HOURS unless set: how often subscribers should fetch a calendar again
MAX_REFRESH_HOURS = 24 * 7


class CalendarSettingsError(ValueError):
    exitcode = 1


def refresh_interval(settings: dict) -> dt.timedelta:
    """EVENTS_CALENDAR_REFRESH_HOURS, checked: REFRESH-INTERVAL and X-PUBLISHED-TTL of every calendar."""
    hours = settings["EVENTS_CALENDAR_REFRESH_HOURS"]
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= MAX_REFRESH_HOURS:
        raise CalendarSettingsError(
            f"EVENTS_CALENDAR_REFRESH_HOURS is {hours!r}; "
            f"it must be a whole number of hours from 1 to {MAX_REFRESH_HOURS}"
        )
    return dt.timedelta(hours=hours)


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


EXACT_YEARS = 10  # how long after its first date a repeating event's times at a clock change are written out


def _times_at_clock_changes(repeat: str, start: dt.datetime, skipped: set[dt.date]) -> list[dt.datetime]:
    """The local times the rule gives in an hour the clocks skip or repeat, over EXACT_YEARS."""
    rule = parse_rrule(repeat, start.replace(tzinfo=None))
    begin = start.astimezone(dt.UTC)
    found = []
    for change, before, after in clock_changes(start.tzinfo.key, begin, begin.replace(year=begin.year + EXACT_YEARS)):
        low, high = sorted(((change + before).replace(tzinfo=None), (change + after).replace(tzinfo=None)))
        near = rule_from_near(rule, low - dt.timedelta(days=1))
        times = near.between(low - dt.timedelta(microseconds=1), high, inc=False)
        found += [when.replace(tzinfo=start.tzinfo) for when in times if when.date() not in skipped]
    return found


def _exact(when: dt.datetime) -> dt.datetime:
    """A local time, or its UTC instant if the clocks skip or repeat it (see vevents)."""
    if when.utcoffset() != when.replace(fold=1).utcoffset():
        return when.astimezone(dt.UTC)
    return when


def _describe(event: Event, record: dict, summary_prefix: str | None) -> Event:
    """What every VEVENT of the record says besides its dates."""
    event.add("uid", record["uid"])
    event.add("dtstamp", dt.datetime.fromisoformat(record["stamp"]).astimezone(dt.UTC))  # its last change
    title = record["title"]
    if record["status"] == "cancelled":
        title = f"Cancelled: {title}"
    event.add("summary", f"{summary_prefix}: {title}" if summary_prefix else title)
    event.add("status", ICAL_STATUS[record["status"]])
    event.add("sequence", record["sequence"])
    location = record["location"] or ("Address on request" if record["address_on_request"] else None)
    if location and record.get("postcode"):
        location = f"{location}, {record['postcode']}"  # as the event page shows it
    if record["online"] and not location:
        location = record["online"]
    if location:
        event.add("location", location)
    if record["geo"]:
        event.add("geo", tuple(record["geo"]))
    event.add("url", record["url"])  # the event page; the join link is CONFERENCE (RFC 7986)
    description = record["description"]
    if record.get("rsvp"):  # URL is the event's page (RFC 5545): the RSVP page goes in the text
        rsvp = f"RSVP: {record['rsvp']}"
        description = f"{description}\n\n{rsvp}" if description else rsvp
    if record["online"]:
        event.add("conference", vUri(record["online"]), parameters={"VALUE": "URI", "FEATURE": "VIDEO"})
        join = f"Join online: {record['online']}"
        description = f"{description}\n\n{join}" if description else join  # for programs without CONFERENCE
    if record["imprint"]:  # last, so that the event's imprint is with it wherever its text is shown
        description = f"{description}\n\n{record['imprint']}" if description else record["imprint"]
    if description:
        event.add("description", description)
    categories = list(record["categories"])
    if summary_prefix:
        categories.insert(0, summary_prefix)
    if categories:
        event.add("categories", categories)
    return event


def vevent(record: dict, summary_prefix: str | None = None) -> Event:
    """The record's VEVENT: its dates, or its first date and its rule."""
    event = _describe(Event(), record, summary_prefix)
    start = _local(record["start"], record["timezone"])
    end = _local(record["end"], record["timezone"])
    if record["all_day"]:
        event.add("dtstart", start)
        event.add("dtend", end + dt.timedelta(days=1))  # RFC 5545: DTEND of a DATE event is exclusive
    elif record["repeat"]:
        event.add("dtstart", start)
        event.add("dtend", end)
    else:
        event.add("dtstart", _exact(start))
        event.add("dtend", _exact(end))
    if record["repeat"]:
        event.add("rrule", vRecur.from_ical(record["repeat"].removeprefix("RRULE:")))
        for skipped in record["exdates"]:
            day = dt.date.fromisoformat(skipped)
            if record["all_day"]:
                event.add("exdate", day)
            else:
                for when in _times_on(record["repeat"], start, day):
                    event.add("exdate", when)
    return event


def vevents(record: dict, summary_prefix: str | None = None) -> list[Event]:
    """The record's VEVENT, then one for each time its rule gives in an hour the clocks skip or repeat.

    RFC 5545 reads a skipped time with the offset before the change (01:30 on the night the clocks
    go forward is 01:30 GMT) and a repeated one as the first of the two (01:30 BST), as zoneinfo and
    the event pages do; ical.js reads both the other way, and vobject the skipped one. Each such time
    gets a VEVENT of its own (RECURRENCE-ID: the rule's time, which every program matches to its own
    reading of it) that moves it to its instant in UTC, which all read alike. An EXDATE would not do:
    it would take away an RDATE of the same instant as well. A rule with no end gets them for its
    first EXACT_YEARS years."""
    master = vevent(record, summary_prefix)
    if not record["repeat"] or record["all_day"]:
        return [master]
    start = _local(record["start"], record["timezone"])
    # RFC 5545: each occurrence lasts the exact time the first one does
    length = _local(record["end"], record["timezone"]).astimezone(dt.UTC) - start.astimezone(dt.UTC)
    skipped = {dt.date.fromisoformat(day) for day in record["exdates"]}
    moved = []
    for when in _times_at_clock_changes(record["repeat"], start, skipped):
        override = _describe(Event(), record, summary_prefix)
        override.add("recurrence-id", when)
        override.add("dtstart", when.astimezone(dt.UTC))
        override.add("dtend", when.astimezone(dt.UTC) + length)
        moved.append(override)
    return [master, *moved]


def calendar_bytes(
    records: list[dict],
    *,
    name: str,
    description: str | None,
    zones: dt.date | None,
    events: VeventTexts,
    refresh: dt.timedelta = dt.timedelta(hours=REFRESH_HOURS),
    prefixes: dict | None = None,
) -> bytes:
    """A VCALENDAR called ``name``, described as ``description`` (the imprint of the site that
    publishes it), of ``records`` sorted by UID, with the VTIMEZONEs they need from the date ``zones``
    on (timezone_range), in TZID order. Each VEVENT comes from ``events``: serialised once per build
    (and on the main site once per change), as icalendar would write it inside the calendar."""
    head = Calendar()
    # the kit's name, not the party's, and no version: a kit upgrade alone changes no calendar's bytes
    head.add("prodid", "-//branchsites//Events//EN")
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    # no METHOD: PUBLISH is an iTIP method and wants an ORGANIZER (libical's check); a subscribed feed needs none
    head.add("name", name)  # RFC 7986
    head.add("x-wr-calname", name)  # what Apple, Google and Outlook read
    if description:
        head.add("description", description)  # RFC 7986
        head.add("x-wr-caldesc", description)  # what Apple and Google read
    head.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    head.add("x-published-ttl", vDuration(refresh))  # Outlook's name for it (an X- property: text unless typed)
    head_text = head.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head_text.endswith(end)
    parts, tzids = [head_text[: -len(end)]], set()
    texts = []
    for record in sorted(records, key=lambda r: r["uid"]):
        text, used = events.get(record, (prefixes or {}).get(record["uid"]), vevents)
        texts.append(text)
        tzids.update(used)
    for tzid in sorted(tzids):
        try:
            parts.append(vtimezone_text(tzid, zones))
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
