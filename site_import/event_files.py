"""One calendar event of an imported feed (a VEVENT, the dates its overrides change, its RDATEs) as
the kit's event files: their front matter (plugins/events/schema.py) and their Markdown text.

Times are written as the schema has them: the wall-clock time in the event's own IANA zone, with
`timezone:` only when that is not the events plugin's default (Europe/London). A Windows zone name
(Outlook, Exchange) becomes its IANA zone by icalendar's own table; a time in UTC or with a zone
no one knows is converted to the default zone, as is a floating time's reading there. A repeating
event in UTC stays in UTC: its dates are then at the same instants as in the feed, summer and
winter alike (converted to UK time, the rule would move them by an hour across a clock change).

What the schema cannot say is not dropped in silence: each file carries notes for the editor.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field

from icalendar import vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from events.event_source import DEFAULT_TIMEZONE, parse_rrule, rule_from_near
from scaffold.writers import slugify, yaml_text

from .markdown_body import convert_body

TITLE_MAX, LOCATION_MAX, TAG_MAX = 150, 300, 40  # the schema's lengths (events/schema.py)
MAX_SEQUENCE = 10_000
# The keys whose change calendar programs must hear of (events/export.py significant_digest): when an
# import changes one of them, it raises `sequence`.
SIGNIFICANT = ("title", "start", "end", "duration", "all_day", "timezone", "status", "location", "online")
SIGNIFICANT += ("repeat", "except")
UTC = "UTC"


@dataclass
class EventFile:
    """One event file to write: ``uid`` is its `uid:` and the source SiteDestination records."""

    uid: str
    first_day: dt.date  # for the file's name
    title: str
    front: dict[str, str]  # key -> its YAML text, in the order written (no `sequence`: see text())
    body: str
    sequence: int = 0  # the feed's SEQUENCE
    notes: list[str] = field(default_factory=list)

    def text(self, sequence: int) -> str:
        lines = ["---", *(f"{key}: {value}" for key, value in self.front.items())]
        if sequence > 0:
            lines.insert(len(lines) - 1, f"sequence: {min(sequence, MAX_SEQUENCE)}")  # before `uid`
        lines.append("---")
        return "\n".join(lines) + "\n" + self.body


def iana_zone(tzid: str | None) -> str | None:
    """The IANA name for a TZID: itself, a Windows name's (icalendar's table of CLDR's mapping), or
    the name inside a "globally unique" one (`/freeassociation.sourceforge.net/Europe/Dublin`)."""
    if not tzid:
        return None
    cleaned = tzid.strip().strip('"').strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned)]
    parts = cleaned.split("/")
    candidates += ["/".join(parts[i:]) for i in range(1, len(parts))]
    for name in candidates:
        if not name:
            continue
        try:
            zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return None


class Clock:
    """The event's zone, chosen from its DTSTART, and every other time of it read in that zone."""

    def __init__(self, start_prop, repeats: bool, notes: list[str]):
        value = start_prop.dt
        self.zone = DEFAULT_TIMEZONE
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            tzid = start_prop.params.get("TZID")
            known = iana_zone(tzid) if tzid else None
            if known:
                self.zone = known
            elif tzid is None and value.utcoffset() == dt.timedelta(0):
                self.zone = UTC if repeats else DEFAULT_TIMEZONE
                if repeats:
                    notes.append(
                        "the feed gives this repeating event's times in UTC: they were kept in UTC (`timezone: UTC`) "
                        "so that every date stays at the feed's time; if it meets at a UK clock time, change `start`, "
                        "`end` and `repeat`'s UNTIL to UK times and delete the `timezone:` line"
                    )
            else:
                notes.append(f"the time zone `{tzid}` is not one the kit knows: its times were converted to UK times")
        self.tz = zoneinfo.ZoneInfo(self.zone)

    def local(self, value):
        """A DATE stays a date; a time becomes the wall-clock time in the event's zone (naive)."""
        if not isinstance(value, dt.datetime):
            return value
        if value.tzinfo is None:  # floating: the same clock time wherever one is
            return value
        tzid = getattr(value.tzinfo, "key", None)
        known = iana_zone(tzid) if tzid else None
        if known == self.zone:
            return value.replace(tzinfo=None)
        return value.astimezone(self.tz).replace(tzinfo=None)

    def day(self, value) -> dt.date:
        local = self.local(value)
        return local.date() if isinstance(local, dt.datetime) else local


def _when(value) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}" + (f":{value:%S}" if value.second else "")
    return value.isoformat()


def _one_line(value) -> str:
    return " ".join(str(value).split())


def _shortened(value: str, limit: int, what: str, notes: list[str]) -> str:
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") or value[: limit - 1]
    notes.append(f"the {what} was {len(value)} characters long and was shortened to {limit}; the whole {what}: {value}")
    return cut + "…"


def _duration_text(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "")


def _values(event, name: str) -> list:
    """Every value of a property that may be given many times, each of many values (EXDATE, RDATE)."""
    found = event.get(name)
    if found is None:
        return []
    lists = found if isinstance(found, list) else [found]
    return [item.dt for values in lists for item in getattr(values, "dts", [values])]


def repeat_rule(event, clock: Clock, all_day: bool, notes: list[str]) -> str | None:
    """The RRULE as `repeat:` holds it: a UTC UNTIL read as the event's own clock time (the kit reads
    the rule in the event's zone, as RFC 5545 does)."""
    rules = event.get("RRULE")
    if rules is None:
        return None
    if isinstance(rules, list):
        notes.append(f"the feed gives {len(rules)} RRULEs; only the first was kept (the kit has one `repeat`)")
        rules = rules[0]
    parts = {key: list(value) for key, value in rules.items()}
    if "UNTIL" in parts:
        until = parts["UNTIL"][0]
        if isinstance(until, dt.datetime):
            parts["UNTIL"] = [until.date() if all_day else clock.local(until)]
    return vRecur(parts).to_ical().decode("ascii")


def _on_rule(repeat: str, start, day: dt.date) -> bool:
    try:
        rule = parse_rrule(repeat, start)
    except (ValueError, TypeError):
        return True  # the check reports the rule itself
    day_start = dt.datetime.combine(day, dt.time())
    return bool(rule_from_near(rule, day_start).between(day_start, day_start + dt.timedelta(days=1), inc=True))


def description_markdown(event, notes: list[str]) -> str:
    """The event's text as Markdown: its HTML (Google sends HTML; Outlook an X-ALT-DESC) converted,
    or its plain text escaped so that it stays plain."""
    html = None
    for alt in event.get("X-ALT-DESC", []) if isinstance(event.get("X-ALT-DESC"), list) else [event.get("X-ALT-DESC")]:
        if alt is not None and str(alt.params.get("FMTTYPE", "")).lower() == "text/html":
            html = str(alt)
    text = str(event.get("DESCRIPTION", "") or "")
    if html is None and looks_like_html(text):
        html = text
    if html is not None:
        # pictures stay links; scripts, players, forms and links no reader should follow go (markdown_body)
        converted = convert_body(html, pictures=lambda _address: None)
        notes.extend(f"its description: {note}" for note in converted.notes)
        return converted.markdown
    return plain_markdown(text)


HTML_TAG = re.compile(r"</?(?:a|b|i|u|p|br|div|span|strong|em|ul|ol|li|h[1-6]|table|tr|td|blockquote)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return bool(HTML_TAG.search(text)) or "&nbsp;" in text


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])", re.M)


def plain_markdown(text: str) -> str:
    """Plain text that Markdown shows as written: its punctuation escaped, `<` (and `&` of an entity) as entities,
    each paragraph (a blank line between) kept; a single line break joins its lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;")  # `&` alone shows as it is
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = LINE_START.sub(lambda m: m[1] + "".join("\\" + c if not c.isdigit() else c for c in m[2]), text)
    paragraphs = ["\n".join(line.strip() for line in p.split("\n")) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _online(event) -> str | None:
    for name in ("CONFERENCE", "X-GOOGLE-CONFERENCE"):
        found = event.get(name)
        for value in found if isinstance(found, list) else [found]:
            if value is not None and str(value).strip().startswith("https://"):
                return str(value).strip()
    return None


def _page_link(event) -> str | None:
    url = str(event.get("URL", "") or "").strip()
    if url.startswith(("https://", "http://")) and not re.search(r"[\s<>]", url):
        return url
    return None


def _tags(event) -> list[str]:
    found = event.get("CATEGORIES")
    tags = []
    for value in found if isinstance(found, list) else [found] if found is not None else []:
        for category in getattr(value, "cats", [value]):
            tag = slugify(str(category))[:TAG_MAX].strip("-")
            if tag and tag != "untitled" and tag not in tags:
                tags.append(tag)
    return tags


def describe(event, uid: str, notes: list[str]) -> tuple[dict[str, str], str, str]:
    """What a file says besides its dates: (front matter after the dates, its title, its body)."""
    title = _one_line(event.get("SUMMARY", ""))
    if not title:
        title = "Untitled event"
        notes.append("the feed gives it no title: give it one (`title:`)")
    title = _shortened(title, TITLE_MAX, "title", notes)
    front: dict[str, str] = {}
    location = _one_line(event.get("LOCATION", ""))
    if location:
        front["location"] = yaml_text(_shortened(location, LOCATION_MAX, "location", notes))
    if event.get("GEO") is not None:
        geo = event["GEO"]
        front["geo"] = f"[{float(geo.latitude)}, {float(geo.longitude)}]"
    online = _online(event)
    if online:
        front["online"] = yaml_text(online)
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        front["status"] = "cancelled"
    body = description_markdown(event, notes)
    page = _page_link(event)
    if page:
        body += ("\n" if body else "") + f"This event on the calendar it came from: <{page}>\n"
    return front, title, body


def _sequence(event) -> int:
    try:
        return max(0, int(event.get("SEQUENCE", 0)))
    except (TypeError, ValueError):
        return 0


def one_file(event, uid: str, start, end, clock: Clock, notes: list[str], extra: dict | None = None) -> EventFile:
    """A file for ``event`` from ``start`` to ``end`` (as the feed gives them; ``end`` None when it
    gives none), with ``extra`` front matter (repeat, except) after the dates."""
    front, title, body = describe(event, uid, notes)
    dates: dict[str, str] = {}
    local_start = clock.local(start)
    if not isinstance(local_start, dt.datetime):
        last = local_start
        if end is not None and not isinstance(clock.local(end), dt.datetime):
            last = max(local_start, clock.local(end) - dt.timedelta(days=1))  # DTEND of a date is the day after
        dates["start"] = _when(local_start)
        if last > local_start:
            dates["end"] = _when(last)
        dates["all_day"] = "true"
    else:
        dates["start"] = _when(local_start)
        local_end = clock.local(end) if end is not None else None
        if isinstance(local_end, dt.date) and not isinstance(local_end, dt.datetime):
            local_end = dt.datetime.combine(local_end, dt.time())
        if local_end is None or local_end <= local_start:
            dates["duration"] = "1h"
            notes.append("the feed gives it no end: it was given one hour (`duration: 1h`); check it")
        else:
            dates["end"] = _when(local_end)
    if clock.zone != DEFAULT_TIMEZONE:
        dates["timezone"] = clock.zone
    ordered = {"title": yaml_text(title), **dates, **{k: v for k, v in front.items() if k != "status"}}
    if "status" in front:
        ordered["status"] = front["status"]
    ordered.update(extra or {})
    tags = _tags(event)
    if tags:
        ordered["tags"] = f"[{', '.join(tags)}]"
    ordered["uid"] = yaml_text(uid)
    return EventFile(uid, clock.day(start), title, ordered, body, _sequence(event), notes)


def derived_uid(uid: str, day: dt.date) -> str:
    """The UID of one date of a series that became an event of its own (a moved date, an RDATE): the
    series' UID with the date it had in the feed, so that importing again finds the same file."""
    return f"{day:%Y%m%d}-{uid}"


def _end_of(event, start):
    """DTEND, or DTSTART plus DURATION, or None."""
    if event.get("DTEND") is not None:
        return event["DTEND"].dt
    if event.get("DURATION") is not None:
        return start + event["DURATION"].dt
    return None


def series_files(uid: str, master, overrides: list) -> list[EventFile]:
    """The files for one UID of the feed: ``master`` (None when the feed holds only changed dates of
    a series whose first date is outside it) and the VEVENTs with a RECURRENCE-ID."""
    files: list[EventFile] = []
    if master is None:
        for override in overrides:
            notes: list[str] = []
            clock = Clock(override["DTSTART"], False, notes)
            own = derived_uid(uid, clock.day(override["RECURRENCE-ID"].dt))
            notes.insert(
                0,
                "the feed holds this changed date of a repeating event, but not the event itself: "
                f"it is an event of its own, with the calendar UID `{own}`",
            )
            start = override["DTSTART"].dt
            files.append(one_file(override, own, start, _end_of(override, start), clock, notes))
        return files
    notes: list[str] = []
    repeats = master.get("RRULE") is not None
    clock = Clock(master["DTSTART"], repeats, notes)
    start = master["DTSTART"].dt
    end = _end_of(master, start)
    all_day = not isinstance(start, dt.datetime)
    extra: dict[str, str] = {}
    repeat = repeat_rule(master, clock, all_day, notes)
    local_start = clock.local(start)
    skipped: list[dt.date] = []
    if repeat:
        extra["repeat"] = yaml_text(repeat)
        for value in _values(master, "EXDATE"):
            day = clock.day(value)
            if _on_rule(repeat, local_start, day) and day not in skipped:
                skipped.append(day)
    exdated = {clock.day(v) for v in _values(master, "EXDATE")}
    # RDATEs: the schema has none, so each is an event of its own (with a UID of its own, below)
    extra_dates = {}
    for value in _values(master, "RDATE"):
        if isinstance(value, tuple):  # a PERIOD: (start, end or duration)
            value = value[0]
        day = clock.day(value)
        if day not in exdated and day != clock.day(start):
            extra_dates[day] = value
    length = None if end is None else end - start
    changed = []
    for override in overrides:
        day = clock.day(override["RECURRENCE-ID"].dt)
        on_rule = repeat is not None and _on_rule(repeat, local_start, day)
        if on_rule and day not in skipped:
            skipped.append(day)
        cancelled = str(override.get("STATUS", "")).upper() == "CANCELLED"
        extra_dates.pop(day, None)  # the override replaces (or cancels) that RDATE
        if cancelled:
            continue
        if not on_rule and day == clock.day(start) and not repeat:
            continue  # an override of a one-off's only date: the master says it already
        changed.append((day, override))
    if skipped:
        extra["except"] = "[" + ", ".join(d.isoformat() for d in sorted(skipped)) + "]"
    files.append(one_file(master, uid, start, end, clock, notes, extra))
    for day, value in sorted(extra_dates.items()):
        own = [f"one of the extra dates (RDATE) of `{uid}`, the event of its own the kit makes of it, "
               f"with the calendar UID `{derived_uid(uid, day)}`"]  # fmt: skip
        files.append(one_file(master, derived_uid(uid, day), value,
                              None if length is None else value + length, clock, own))  # fmt: skip
    for day, override in sorted(changed, key=lambda item: item[0]):
        own = [f"the date {day} of `{uid}` as the feed changed it: an event of its own (that date is in the "
               f"series' `except`), with the calendar UID `{derived_uid(uid, day)}`"]  # fmt: skip
        override_clock = Clock(override["DTSTART"], False, own)
        override_start = override["DTSTART"].dt
        files.append(one_file(override, derived_uid(uid, day), override_start,
                              _end_of(override, override_start), override_clock, own))  # fmt: skip
    return files
