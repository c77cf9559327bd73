"""The dates an event happens on, as aware datetimes (or dates, for all-day events)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .event_source import EventSeries, parse_rrule


@dataclass(frozen=True)
class Occurrence:
    series: EventSeries
    start: dt.datetime | dt.date  # aware datetime, or a date when all-day
    end: dt.datetime | dt.date  # aware datetime, or the last day (inclusive) when all-day

    @property
    def slug(self) -> str:
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


def expand(series: EventSeries, now: dt.datetime, horizon_months: int, past_months: int) -> list[Occurrence]:
    """One occurrence for a one-off event; for a repeating one, those from ``past_months``
    before ``now`` to ``horizon_months`` after it, less the `except` dates."""
    length = series.end - series.start
    if not series.repeat:
        return [_occurrence(series, series.start, length)]
    local_now = now.astimezone(series.tz).replace(tzinfo=None)
    window_start = _months_later(local_now, -past_months)
    window_end = _months_later(local_now, horizon_months)
    rule = parse_rrule(series.repeat, series.start)
    skipped = set(series.exdates)
    return [
        _occurrence(series, when if not series.all_day else when.date(), length)
        for when in rule.between(window_start, window_end, inc=True)
        if when.date() not in skipped
    ]


def _occurrence(series: EventSeries, start, length) -> Occurrence:
    if series.all_day:
        return Occurrence(series, start, start + length)
    local_end = start + length
    return Occurrence(series, start.replace(tzinfo=series.tz), local_end.replace(tzinfo=series.tz))
