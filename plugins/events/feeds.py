"""What each national calendar (all.ics, a nation's, an English region's) holds: the events of a
window of days around the build's "now", and, where those would be more than calendar programs
take, the national ones and the soonest of the rest. A site's own calendar.ics keeps every event.

A repeating event stays one VEVENT with its RRULE, kept when any of its dates is in the window.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from itertools import groupby

from .event_source import parse_rrule, rule_from_near
from .occurrences import MAX_OCCURRENCES


@dataclass(frozen=True)
class FeedWindow:
    """Whole days in the site's time zone, from ``first_day`` to ``last_day``: a build later the same
    day makes the same calendars. ``today`` parts the upcoming days from the past ones."""

    today: dt.date
    first_day: dt.date
    last_day: dt.date
    tz: dt.tzinfo

    @classmethod
    def around(cls, now: dt.datetime, settings: dict) -> FeedWindow:
        tz = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")
        today = now.astimezone(tz).date()
        past = dt.timedelta(days=settings["EVENTS_FEED_PAST_DAYS"])
        ahead = dt.timedelta(days=settings["EVENTS_FEED_AHEAD_DAYS"])
        return cls(today, today - past, today + ahead, tz)

    def midnight(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), self.tz)

    @property
    def starts(self) -> dt.datetime:
        return self.midnight(self.first_day)

    @property
    def ends(self) -> dt.datetime:
        return self.midnight(self.last_day + dt.timedelta(days=1))

    def key(self) -> str:
        """What the calendars' bytes depend on, for incremental_build.derived."""
        return f"window {self.first_day} {self.today} {self.last_day} {self.tz}"


def _first_and_length(record: dict) -> tuple[dt.datetime, dt.timedelta]:
    """A record's first local start (naive) and how long each date lasts (an all-day event's `end`
    is its last day, inclusive)."""
    if record["all_day"]:
        first, last = dt.date.fromisoformat(record["start"]), dt.date.fromisoformat(record["end"])
        return dt.datetime.combine(first, dt.time()), last - first + dt.timedelta(days=1)
    first = dt.datetime.fromisoformat(record["start"])
    return first, dt.datetime.fromisoformat(record["end"]) - first


def dates_in(record: dict, window: FeedWindow, limit: int = MAX_OCCURRENCES) -> list[tuple[dt.datetime, dt.datetime]]:
    """(start, end), aware, of each of ``record``'s dates that overlaps the window, less its
    `except` days. The branch's check has bounded its rule's dates over a longer span
    (EVENTS_MAX_OCCURRENCES); ``limit`` bounds the walk here too."""
    tz = zoneinfo.ZoneInfo(record["timezone"])
    first, length = _first_and_length(record)
    window_start = window.starts.astimezone(tz).replace(tzinfo=None)
    window_end = window.ends.astimezone(tz).replace(tzinfo=None)
    if not record["repeat"]:
        starts = [first]
    else:
        rule = rule_from_near(parse_rrule(record["repeat"], first), window_start - length - dt.timedelta(days=1))
        skipped = {dt.date.fromisoformat(d) for d in record["exdates"]}
        starts = []
        for count, when in enumerate(rule, start=1):
            if when >= window_end or count > limit:
                break
            if when.date() not in skipped:
                starts.append(when)
    spans = [(when.replace(tzinfo=tz), (when + length).replace(tzinfo=tz)) for when in starts]
    return [(start, end) for start, end in spans if end > window.starts and start < window.ends]


def feed_place(record: dict, window: FeedWindow) -> tuple | None:
    """Where ``record`` comes in a capped calendar, or None if no date of it is in the window: the
    upcoming days first, soonest first (by the record's next date), then the past days, latest first.
    Upcoming is from today's midnight, not the build's minute: a later build the same day agrees."""
    spans = dates_in(record, window)
    if not spans:
        return None
    today = window.midnight(window.today)
    upcoming = [start for start, end in spans if end > today]
    if upcoming:
        day = max(upcoming[0].astimezone(window.tz).date(), window.today)
        return (0, day.toordinal(), upcoming[0].astimezone(dt.UTC), record["uid"])
    start = spans[-1][0]
    return (1, -start.astimezone(window.tz).date().toordinal(), -start.timestamp(), record["uid"])


def place_day(place: tuple) -> dt.date:
    return dt.date.fromordinal(abs(place[1]))


@dataclass
class FeedChoice:
    """The records a national calendar holds and what its page says about them."""

    records: list[dict]
    in_window: int  # how many records have a date in the window (all kept unless capped)
    capped: bool = False
    # when capped: the days whose branch events it holds (None: none fit); the day where the room ran
    # out is held only in part, its soonest events (an upcoming day) or its latest (a past one)
    branch_days: tuple[dt.date, dt.date] | None = None
    partial: tuple[dt.date, str] | None = None


def choose(
    national: list[dict],
    branch: list[dict],
    window: FeedWindow,
    place,
    size,
    *,
    max_events: int,
    max_bytes: int,
) -> FeedChoice:
    """National events with a date in the window, then the soonest branch events while they fit in
    ``max_events`` and ``max_bytes``: the upcoming days, soonest first, then the past days, latest
    first, and of the day where the room runs out, its soonest (or latest) events that fit. National
    events do not grow with the branches and are always kept.

    ``place(record)`` is its feed_place in the window; ``size(record)`` is (VEVENTs, bytes) of its
    text in the calendar: a repeating event has a VEVENT more for each time moved at a clock change."""
    kept = [r for r in national if place(r) is not None]
    placed = sorted(((p, r) for r in branch if (p := place(r)) is not None), key=lambda item: item[0])
    events_left = max_events - sum(size(r)[0] for r in kept)
    bytes_left = max_bytes - sum(size(r)[1] for r in kept)
    in_window = len(kept) + len(placed)
    chosen: list[dict] = []
    last_key, partial = None, False
    for key, group in groupby(placed, key=lambda item: item[0][:2]):  # one day at a time
        records = [r for _p, r in group]
        fitting = []
        for record in records:
            count, weight = size(record)
            if count > events_left or weight > bytes_left:
                break
            fitting.append(record)
            events_left, bytes_left = events_left - count, bytes_left - weight
        chosen += fitting
        if fitting:
            last_key = key
        if len(fitting) < len(records):
            partial = bool(fitting)
            break  # the day where the room ran out
    else:
        return FeedChoice(kept + chosen, in_window)
    if last_key is None:
        return FeedChoice(kept, in_window, capped=True)
    last, upcoming = place_day(last_key), last_key[0] == 0
    branch_days = (window.today, last) if upcoming else (last, window.last_day)
    in_part = (last, "soonest" if upcoming else "latest") if partial else None
    return FeedChoice(kept + chosen, in_window, True, branch_days, in_part)
