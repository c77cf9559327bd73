"""Month grids: weeks of days (Monday first), each day with the events starting on it.

A grid's entries are events.listing.ListedEvent (anything with a ``local_date``)."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from dataclasses import dataclass, field


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[tuple[dt.date | None, list]]] = field(default_factory=list)
    previous: Month | None = None
    next: Month | None = None
    url: str | None = None  # its page, set by whoever writes it
    save_as: str | None = None

    @property
    def days(self) -> list[tuple[dt.date, list]]:
        """The days that have events, in order: the month as an agenda."""
        return [(day, entries) for week in self.weeks for day, entries in week if day and entries]

    @property
    def first(self) -> dt.date:
        """Its first day: what templates name the month by, in the page's language (local_date)."""
        return dt.date(self.year, self.month, 1)

    @property
    def title(self) -> str:
        return f"{calendar.month_name[self.month]} {self.year}"

    @property
    def key(self) -> str:
        return f"{self.year:04d}/{self.month:02d}"


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def build_months(entries: list) -> list[Month]:
    """Every month from the first event to the last, with its weeks, linked both ways; each day's
    entries in the order given."""
    if not entries:
        return []
    by_day: dict[dt.date, list] = {}
    for entry in entries:
        by_day.setdefault(entry.local_date, []).append(entry)
    months = []
    cal = calendar.Calendar(firstweekday=0)
    for year, month in months_between(min(by_day), max(by_day)):
        grid = Month(year, month)
        for week in cal.monthdatescalendar(year, month):
            grid.weeks.append([(d, by_day.get(d, [])) if d.month == month else (None, []) for d in week])
        months.append(grid)
    for before, after in itertools.pairwise(months):
        before.next, after.previous = after, before
    return months
