"""Read one event file into an EventSeries, checking what no single key can:
end after start, a real time zone, a valid RRULE, exceptions that are real dates."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import zoneinfo
from dataclasses import dataclass

from dateutil.rrule import rrulestr

from editor_checks.fields import validate_fields
from front_matter.document import MAX_FILE_BYTES, read_document, slug_from_filename

from .schema import EVENT

DEFAULT_TIMEZONE = "Europe/London"


@dataclass(frozen=True)
class EventSeries:
    """An event as written: one date, or a repeating rule. Times are local wall-clock."""

    slug: str
    title: str
    all_day: bool
    start: dt.datetime | dt.date  # naive; a date when all_day
    end: dt.datetime | dt.date  # naive; for all_day the last day, inclusive
    timezone: str
    status: str
    body: str  # Markdown
    source_path: str
    slug_line: int = 1  # where `slug:` is written, else the first line (for clash reports)
    body_line: int = 1  # the first line of the description
    location: str | None = None
    postcode: str | None = None
    geo: tuple[float, float] | None = None
    online: str | None = None
    accessibility: tuple[str, ...] = ()
    previous_start: dt.datetime | dt.date | None = None
    repeat: str | None = None
    exdates: tuple[dt.date, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    image_decorative: bool = False
    address_on_request: bool = False
    sequence: int = 0

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


@functools.cache
def _all_timezones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _exists_locally(when: dt.datetime, tz: zoneinfo.ZoneInfo) -> bool:
    aware = when.replace(tzinfo=tz)
    return aware.astimezone(dt.UTC).astimezone(tz).replace(tzinfo=None) == when


def parse_rrule(repeat: str, start):
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    rule_text = repeat.strip()
    if rule_text.upper().startswith("RRULE:"):
        rule_text = rule_text[len("RRULE:") :]
    if "DTSTART" in rule_text.upper() or "\n" in rule_text:
        raise ValueError("only the rule itself is wanted here")
    return rrulestr(rule_text, dtstart=first)


def parse_event_file(path: str, report, text: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> EventSeries | None:
    """Validate ``path``; add every problem to ``report``; None if the event is unusable."""
    document = read_document(path, report, text, max_bytes)
    if document is None:
        return None
    front = document.front
    before = len(report.errors)
    values = validate_fields(
        front.data,
        EVENT,
        line_of=front.line_of,
        report=report,
        path=path,
        what="event",
        missing_line=document.fence_line,
    )

    def error(key, message, fix):
        report.error(path, front.line_of(key, default=document.fence_line), message, fix)

    timezone = values.get("timezone", DEFAULT_TIMEZONE)
    try:
        tz = zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(timezone, _all_timezones(), n=1)
        error(
            "timezone",
            f"`timezone` is `{timezone}`, which is not a time zone",
            (f"Did you mean `{close[0]}`? " if close else "")
            + "Use a name like Europe/London (leave the line out for UK times).",
        )
        tz = None
    # The checks below go on after a key's own error, so that an editor sees every problem in one go;
    # a key that failed its own check is absent from ``values`` and is not blamed twice.
    if "start" not in values:
        return None

    start, end = values["start"], values.get("end")
    all_day = values.get("all_day", False)
    is_datetime = isinstance(start, dt.datetime)
    if all_day:
        if is_datetime:
            error("start", "an all-day event's `start` has a time", "Write only the date, e.g. 2027-03-06.")
        if "duration" in values:
            error("duration", "an all-day event has no `duration`", "Use `end:` with the last day instead.")
        if isinstance(end, dt.datetime):
            error("end", "an all-day event's `end` has a time", "Write only the last day, e.g. 2027-03-07.")
        end = end or start
        if not isinstance(start, dt.datetime) and not isinstance(end, dt.datetime) and end < start:
            error(
                "end", f"the event ends ({end}) before it starts ({start})", "Check the dates: `end` is the last day."
            )
    else:
        if not is_datetime:
            error("start", "`start` has no time", "Add the time (2027-01-12 19:00), or add `all_day: true`.")
            return None
        if end is not None and "duration" in values:
            error("duration", "the event has both `end` and `duration`", "Keep one of them.")
        elif "duration" in values:
            end = start + dt.timedelta(minutes=values["duration"])
        elif end is None and not {"end", "duration"} & set(front.data):
            error("start", "the event has no `end` or `duration`", "Add `end: 2027-01-12 21:00` or `duration: 2h`.")
            return None
        elif end is None:
            return None
        if end is not None and not isinstance(end, dt.datetime):
            error("end", "`end` has no time", "Write the date and time it ends, e.g. 2027-01-12 21:00.")
        elif end is not None and end <= start:
            error("end", f"the event ends ({end:%Y-%m-%d %H:%M}) before it starts", "Check the date and time of `end`.")
        for key, when in (("start", start), ("end", end)):
            if tz is not None and isinstance(when, dt.datetime) and not _exists_locally(when, tz):
                error(
                    key,
                    f"`{key}` is {when:%Y-%m-%d %H:%M}, a time that does not exist in {timezone}: "
                    "the clocks go forward that night",
                    "Pick a time after 02:00 or before 01:00.",
                )

    status = values.get("status", "scheduled")
    if status == "rescheduled" and "previous_start" not in values:
        error("status", "a rescheduled event needs `previous_start`", "Add `previous_start:` with the old date.")
    if "previous_start" in values and status != "rescheduled":
        error("previous_start", "`previous_start` is only for rescheduled events", "Add `status: rescheduled`.")
    if status == "moved-online" and "online" not in front.data:
        error("status", "an event that moved online needs its `online` link", "Add `online: https://...`.")
    if values.get("address_on_request"):
        for key in ("postcode", "geo"):
            if key in values:
                error(
                    key, f"`{key}` would show where the event is, but `address_on_request` is true", f"Delete `{key}`."
                )
    exdates = tuple(values.get("except", ()))
    repeat = values.get("repeat")
    if exdates and not repeat:
        error("except", "`except` is only for repeating events", "Add `repeat:` or delete `except:`.")
    if repeat:
        try:
            rule = parse_rrule(repeat, start)
        except (ValueError, TypeError) as exc:
            error(
                "repeat",
                f"`repeat` is `{repeat}`, which is not a rule the kit understands ({exc})",
                "Write an RRULE such as FREQ=WEEKLY;BYDAY=TU or FREQ=MONTHLY;BYDAY=2TU (second Tuesday).",
            )
            return None
        for skipped in exdates:
            day_start = dt.datetime.combine(skipped, dt.time())
            if not rule.between(day_start, day_start + dt.timedelta(days=1), inc=True):
                error(
                    "except",
                    f"`except` has {skipped}, which is not a date this event repeats on",
                    "Check the date: it must be one of the dates the rule gives.",
                )
    if len(report.errors) > before:
        return None
    return EventSeries(
        slug=values.get("slug") or slug_from_filename(path),
        slug_line=front.line_of("slug", default=1),
        title=values["title"],
        all_day=all_day,
        start=start,
        end=end,
        timezone=timezone,
        status=status,
        body=document.body,
        body_line=document.body_line,
        source_path=path,
        location=values.get("location"),
        postcode=values.get("postcode"),
        geo=values.get("geo"),
        online=values.get("online"),
        accessibility=tuple(values.get("accessibility", ())),
        previous_start=values.get("previous_start"),
        repeat=repeat,
        exdates=exdates,
        tags=tuple(values.get("tags", ())),
        image=values.get("image"),
        image_alt=values.get("image_alt"),
        image_decorative=values.get("image_decorative", False),
        address_on_request=values.get("address_on_request", False),
        sequence=values.get("sequence", 0),
    )
