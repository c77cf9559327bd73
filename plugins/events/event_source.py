"""Read one event file into an EventSeries, checking what no single key can:
end after start, a real time zone, a valid RRULE, exceptions that are real dates."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import zoneinfo
from dataclasses import dataclass
from typing import NamedTuple

from dateutil.rrule import DAILY, WEEKLY, YEARLY, rrule, rrulestr

from content_schema.fields import validate_fields
from front_matter.document import MAX_FILE_BYTES, read_document, slug_from_filename
from imprints.promoters import Imprint

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
    rsvp: str | None = None  # where people say they are coming (an official site's page)
    rsvp_line: int = 1
    accessibility: tuple[str, ...] = ()
    previous_start: dt.datetime | dt.date | None = None
    repeat: str | None = None
    repeat_line: int = 1  # where `repeat:` is written, for problems with the rule's dates
    exdates: tuple[dt.date, ...] = ()
    tags: tuple[str, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    image_decorative: bool = False
    address_on_request: bool = False
    sequence: int = 0
    uid: str | None = None  # an imported event's own calendar UID (`uid:`), else the kit makes one
    uid_line: int = 1
    promoter: Imprint | None = None  # its own imprint (front matter `promoter`), if not its site's
    lang: str | None = None  # `lang:`; None for the site's own language (events.pairs sets it)
    lang_line: int = 1
    translation_of: str | None = None  # the slug or file of the event this one translates (events.pairs)
    translation_of_line: int = 1

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def venue(self) -> str | None:
        """Where people go in person: `location`, unless it only says the event is online."""
        return listed_place(self.location, bool(self.online)).venue or None


def says_online_only(location: str) -> bool:
    """`location: Online`, written for an event with no venue."""
    return location.strip().rstrip(".").casefold() in ("online", "online only", "on line")


class ListedPlace(NamedTuple):
    """Where an event is, as every list says it: the venue, then "Online" once if it is online."""

    venue: str  # the place as written, "Address on request", or "" (none, or one that only says "Online")
    online: bool  # say "Online" (after the venue, if any)


def listed_place(place: str | None, online: bool) -> ListedPlace:
    """The one rule for an online event's place, for the event pages, the lists and the files the
    theme's scripts read: a place that only says the event is online (`location: Online`, "Online
    only") is no venue, and the event is online whether or not it has its link. So no list says
    "Online · Online", and one with a venue says "Upper room · Online"."""
    place = (place or "").strip()
    if place and says_online_only(place):
        return ListedPlace("", True)
    return ListedPlace(place, bool(online))


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


def rule_from_near(rule, window_start: dt.datetime):
    """``rule``, started as late before ``window_start`` as gives the same dates from there on.

    dateutil walks every period from the first date, so a daily series begun long ago would cost
    a step for each day since. A daily or weekly rule without COUNT repeats exactly every INTERVAL
    days or weeks, so its start moves on by whole periods; other rules walk months or years, which
    are few, or stop at their COUNT."""
    if rule._count is not None or rule._freq not in (DAILY, WEEKLY):
        return rule
    period = rule._interval * (7 if rule._freq == WEEKLY else 1)
    periods = (window_start - rule._dtstart).days // period - 1
    if periods <= 0:
        return rule
    return rule.replace(dtstart=rule._dtstart + dt.timedelta(days=periods * period))


MAX_TIMES_A_DAY = 24
_MONTH_DAYS = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def _never_happens(rule) -> bool:
    """True if no day ever matches the rule's day filters. dateutil looks for a match one period
    at a time up to the year 9999; the Gregorian calendar repeats every 400 years, so the same
    filters are tried here year by year over the last 400 years dateutil knows."""
    months = rule._bymonth or tuple(range(1, 13))
    days = rule._bymonthday
    if days and not rule._bynmonthday and not any(day <= _MONTH_DAYS[m] for day in days for m in months):
        return True
    if rule._freq not in (DAILY, WEEKLY):  # nth weekdays mean other things in a yearly rule
        return False
    probe = rrule(
        YEARLY,
        dtstart=dt.datetime(9600, 1, 1),
        cache=False,
        bymonth=rule._bymonth,
        bymonthday=(tuple(rule._bymonthday) + tuple(rule._bynmonthday)) or None,
        byyearday=rule._byyearday,
        byweekno=rule._byweekno,
        byweekday=rule._byweekday,
        byeaster=rule._byeaster,
    )
    return next(iter(probe), None) is None


def rule_limits_problem(rule, all_day: bool = False) -> tuple[str, str] | None:
    """(message, fix) if ``rule`` asks for more than branches hold: every few hours or minutes
    (dateutil would walk every hour or second of the calendar), more than MAX_TIMES_A_DAY times a
    day, or month days that never happen (dateutil would walk to the year 9999 looking for one)."""
    if rule._freq > DAILY:  # dateutil numbers HOURLY, MINUTELY and SECONDLY after DAILY
        return (
            "`repeat` repeats more often than once a day, which the kit does not publish",
            "Use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; for several times on one day, "
            "add BYHOUR, e.g. FREQ=WEEKLY;BYDAY=SA;BYHOUR=10,14 for 10:00 and 14:00.",
        )
    times = len(rule._byhour or (0,)) * len(rule._byminute or (0,)) * len(rule._bysecond or (0,))
    if times > MAX_TIMES_A_DAY:
        return (
            f"`repeat` gives {times} times on each day, more than the {MAX_TIMES_A_DAY} the kit publishes",
            "List fewer hours in BYHOUR and fewer minutes in BYMINUTE (one time for each session).",
        )
    if all_day and times > 1:
        return (
            "`repeat` gives an all-day event several times on one day",
            "Delete BYHOUR, BYMINUTE and BYSECOND, or give the event a start time instead of `all_day`.",
        )
    if _never_happens(rule):
        return (
            "`repeat` asks for days that never happen, so the event has no dates",
            "Check BYMONTHDAY, BYYEARDAY and BYMONTH (February has at most 29 days, April, June, "
            "September and November 30).",
        )
    return None


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
    if values.get("location") and says_online_only(values["location"]) and values.get("online"):
        report.warning(
            path,
            front.line_of("location", default=document.fence_line),
            f"`location` is `{values['location']}`: an event with no venue needs no `location`",
            "Delete the `location:` line: the `online:` link already says the event is online.",
        )
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
        limits = rule_limits_problem(rule, all_day)
        if limits is not None:
            error("repeat", *limits)
            return None
        for skipped in exdates:
            day_start = dt.datetime.combine(skipped, dt.time())
            if not rule_from_near(rule, day_start).between(day_start, day_start + dt.timedelta(days=1), inc=True):
                error(
                    "except",
                    f"`except` has {skipped}, which is not a date this event repeats on",
                    "Check the date: it must be one of the dates the rule gives.",
                )
    if not (values.get("slug") or slug_from_filename(path)):  # events/.ics and events/<date>-/ otherwise
        report.error(path, 1, "no web address can be made from the file name", "Add a line `slug: a-short-name`.")
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
        rsvp=values.get("rsvp"),
        rsvp_line=front.line_of("rsvp", default=document.fence_line),
        accessibility=tuple(values.get("accessibility", ())),
        previous_start=values.get("previous_start"),
        repeat=repeat,
        repeat_line=front.line_of("repeat", default=document.fence_line),
        exdates=exdates,
        tags=tuple(values.get("tags", ())),
        image=values.get("image"),
        image_alt=values.get("image_alt"),
        image_decorative=values.get("image_decorative", False),
        address_on_request=values.get("address_on_request", False),
        sequence=values.get("sequence", 0),
        uid=values.get("uid"),
        uid_line=front.line_of("uid", default=document.fence_line),
        promoter=values.get("promoter"),
        lang=values.get("lang"),
        lang_line=front.line_of("lang", default=1),
        translation_of=values.get("translation_of"),
        translation_of_line=front.line_of("translation_of", default=1),
    )
