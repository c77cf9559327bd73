"""The dates an event happens on, as aware datetimes (or dates, for all-day events)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .event_source import EventSeries, parse_rrule, rule_from_near

MAX_OCCURRENCES = 1000  # EVENTS_MAX_OCCURRENCES unless set


class TooManyOccurrences(Exception):
    """A series whose rule gives more dates than EVENTS_MAX_OCCURRENCES before the window ends."""

    def __init__(self, series: EventSeries, limit: int) -> None:
        super().__init__(series.source_path)
        self.series, self.limit = series, limit

    def problem(self) -> tuple[str, int, str, str]:
        """(file, line, message, fix) for editor_checks."""
        return (
            self.series.source_path,
            self.series.repeat_line,
            f"`repeat` gives this event more than {self.limit} dates, more than one event may have",
            "Repeat less often (weekly or monthly), or end the series with UNTIL or COUNT; "
            "if the first date is long ago, move `start` to a recent date of the series.",
        )


@dataclass(frozen=True)
class Occurrence:
    series: EventSeries
    start: dt.datetime | dt.date  # aware datetime, or a date when all-day
    end: dt.datetime | dt.date  # aware datetime, or the last day (inclusive) when all-day
    # the day has other times of the series too: the address then carries the time, so that a
    # once-a-day series keeps the addresses it always had
    shares_day: bool = False

    @property
    def slug(self) -> str:
        if self.shares_day:
            return f"{self.local_start_date:%Y-%m-%d}-{self.start:%H%M}-{self.series.slug}"
        return f"{self.local_start_date:%Y-%m-%d}-{self.series.slug}"

    @property
    def local_start_date(self) -> dt.date:
        return self.start if self.series.all_day else self.start.date()

    @property
    def starts_at(self) -> dt.datetime:
        """An aware instant, for sorting and past/upcoming: all-day events start at local midnight."""
        if self.series.all_day:
            return dt.datetime.combine(self.start, dt.time(), self.series.tz)
        return self.start

    @property
    def ends_at(self) -> dt.datetime:
        if self.series.all_day:
            return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), self.series.tz)
        return self.end

    def is_past(self, now: dt.datetime) -> bool:
        return self.ends_at <= now

    def sort_key(self):
        return (self.starts_at.astimezone(dt.UTC), self.series.slug)


def _months_later(when: dt.datetime, months: int) -> dt.datetime:
    month = when.month - 1 + months
    year = when.year + month // 12
    return when.replace(year=year, month=month % 12 + 1, day=1)


def expand(
    series: EventSeries, now: dt.datetime, horizon_months: int, past_months: int, limit: int = MAX_OCCURRENCES
) -> list[Occurrence]:
    """One occurrence for a one-off event; for a repeating one, those from ``past_months``
    before ``now`` to ``horizon_months`` after it, less the `except` dates.

    Raises TooManyOccurrences when the rule gives more than ``limit`` dates on its way to the end of
    the window: the rule is walked one date at a time and left there, so the limit bounds the work."""
    length = series.end - series.start
    if not series.repeat:
        return [_occurrence(series, series.start, length)]
    local_now = now.astimezone(series.tz).replace(tzinfo=None)
    window_start = _months_later(local_now, -past_months)
    window_end = _months_later(local_now, horizon_months)
    rule = rule_from_near(parse_rrule(series.repeat, series.start), window_start)
    skipped = set(series.exdates)
    dates = []
    for count, when in enumerate(rule, start=1):
        if when > window_end:
            break
        if count > limit:
            raise TooManyOccurrences(series, limit)
        if when >= window_start and when.date() not in skipped:
            dates.append(when)
    per_day: dict[dt.date, int] = {}
    for when in dates:
        per_day[when.date()] = per_day.get(when.date(), 0) + 1
    return [
        _occurrence(series, when if not series.all_day else when.date(), length, per_day[when.date()] > 1)
        for when in dates
    ]


def _occurrence(series: EventSeries, start, length, shares_day: bool = False) -> Occurrence:
    if series.all_day:
        return Occurrence(series, start, start + length, shares_day)
    local_end = start + length
    return Occurrence(series, start.replace(tzinfo=series.tz), local_end.replace(tzinfo=series.tz), shares_day)
