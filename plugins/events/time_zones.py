"""VTIMEZONE blocks in the yearly-rule form: a STANDARD and a DAYLIGHT observance, each with an RRULE,
read from the rule tzdata gives for all future years (the POSIX TZ string at the end of every TZif
file, RFC 8536 section 3.3).

icalendar's Timezone.from_tzid writes one observance per offset with every later onset in an RDATE
list, up to a last date. ical.js 2.x (Thunderbird, Nextcloud) and vobject read those lists wrongly,
and a repeating event with no end outlives the last date. A yearly rule holds for ever, and it is what
Outlook, Google and Apple write themselves.

Times before the zone's current rule began (rules change: Mexico dropped summer time in 2022) are
written as one observance per change, from the calendar's first date, each with its own DTSTART:
no RDATE lists. dateutil's tzstr would parse the TZ string, but not the `<+03>` names or the hours
past 24 that a third of the zones use, so the grammar is read here.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import os
import re
import zoneinfo
from dataclasses import dataclass

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

_NAME = r"(?:<(?P<{0}q>[+\-0-9A-Za-z]+)>|(?P<{0}>[A-Za-z]{{3,}}))"
_OFFSET = r"(?P<{0}>[+-]?\d{{1,3}}(?::\d{{2}}){{0,2}})"
_DATE = r"M(?P<{0}m>\d{{1,2}})\.(?P<{0}w>[1-5])\.(?P<{0}d>[0-6])(?:/(?P<{0}t>[+-]?\d{{1,3}}(?::\d{{2}}){{0,2}}))?"
TZ_STRING = re.compile(
    _NAME.format("std")
    + _OFFSET.format("stdoff")
    + "(?:"
    + _NAME.format("dst")
    + _OFFSET.format("dstoff")
    + "?,"
    + _DATE.format("on")
    + ","
    + _DATE.format("off")
    + ")?"
)
WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX numbers the days from Sunday
MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February's 29th is not always there
LAST_LISTED_YEAR = 2037  # zic lists each change to here; the TZ string alone gives the years after


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


@dataclass(frozen=True)
class Onset:
    """A yearly change of offset: the `Mm.w.d/time` of a TZ string."""

    month: int
    week: int  # 5: the last
    weekday: int  # 0: Sunday
    seconds: int  # local time of the offset before it, may be below 0 or past 24 hours
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str

    def local_start(self, year: int) -> dt.datetime:
        """When it happens in ``year``, as local time in ``offset_from`` (what DTSTART holds)."""
        if self.week == 5:
            after = dt.date(year + self.month // 12, self.month % 12 + 1, 1)
            last = after - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.isoweekday() % 7 - self.weekday) % 7)
        else:
            first = dt.date(year, self.month, 1)
            day = first + dt.timedelta(days=(self.weekday - first.isoweekday() % 7) % 7 + 7 * (self.week - 1))
        return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=self.seconds)

    def utc(self, year: int) -> dt.datetime:
        return self.local_start(year) - self.offset_from

    def rrule(self) -> vRecur:
        """The yearly rule. A time past midnight either way (Israel's Friday before the last Sunday,
        26:00 on the Thursday) moves the weekday and the month's days with it."""
        shift = self.seconds // 86400
        weekday = WEEKDAYS[(self.weekday + shift) % 7]
        if shift == 0:
            return vRecur(freq="YEARLY", bymonth=self.month, byday=f"{-1 if self.week == 5 else self.week}{weekday}")
        if self.week == 5:
            days = [day + shift for day in range(-7, 0)]
            if max(days) >= 0 or min(days) < -min(MONTH_DAYS[self.month - 1], 28):
                raise ValueError("the day moves out of the month")
        else:
            days = [day + shift for day in range(7 * self.week - 6, 7 * self.week + 1)]
            if min(days) < 1 or max(days) > MONTH_DAYS[self.month - 1]:
                raise ValueError("the day moves out of the month")
        return vRecur(freq="YEARLY", bymonth=self.month, bymonthday=days, byday=weekday)


@dataclass(frozen=True)
class ZoneRule:
    """A TZ string read: the standard offset and name, and the two yearly onsets if there is summer time."""

    offset: dt.timedelta
    name: str
    onsets: tuple[Onset, ...] = ()

    def utcoffset(self, when_utc: dt.datetime) -> tuple[dt.timedelta, str]:
        if not self.onsets:
            return self.offset, self.name
        changes = sorted((o.utc(y), o) for y in (when_utc.year - 1, when_utc.year) for o in self.onsets)
        latest = [o for at, o in changes if at <= when_utc][-1]
        return latest.offset_to, latest.name


def parse_tz_string(text: str) -> ZoneRule:
    """A POSIX TZ string as tzdata writes them (`GMT0BST,M3.5.0/1,M10.5.0`); ValueError for any other."""
    match = TZ_STRING.fullmatch(text)
    if match is None:
        raise ValueError(f"not a TZ string of the `M` form: {text!r}")
    std_name = match["stdq"] or match["std"]
    std = dt.timedelta(seconds=-_seconds(match["stdoff"]))  # POSIX counts hours west of Greenwich
    if not (match["dst"] or match["dstq"]):
        return ZoneRule(std, std_name)
    dst_name = match["dstq"] or match["dst"]
    dst = dt.timedelta(seconds=-_seconds(match["dstoff"])) if match["dstoff"] else std + dt.timedelta(hours=1)

    def onset(prefix: str, offset_from, offset_to, name) -> Onset:
        time = match[f"{prefix}t"]
        return Onset(
            month=int(match[f"{prefix}m"]),
            week=int(match[f"{prefix}w"]),
            weekday=int(match[f"{prefix}d"]),
            seconds=_seconds(time) if time else 7200,  # POSIX: 02:00 unless given
            offset_from=offset_from,
            offset_to=offset_to,
            name=name,
        )

    return ZoneRule(std, std_name, (onset("on", std, dst, dst_name), onset("off", dst, std, std_name)))


def tz_string(tzid: str) -> str:
    """The last line of the zone's TZif file, found where zoneinfo finds the file."""
    for folder in zoneinfo.TZPATH:
        path = os.path.join(folder, *tzid.split("/"))
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                data = handle.read()
            break
    else:
        data = importlib.resources.files("tzdata.zoneinfo").joinpath(*tzid.split("/")).read_bytes()
    if not data.startswith(b"TZif") or data[4:5] < b"2":
        raise ValueError(f"{tzid}: a TZif file without a TZ string")
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii")


def _changes(zone: zoneinfo.ZoneInfo, start: dt.datetime, end: dt.datetime, step: dt.timedelta) -> list[dt.datetime]:
    """The UTC instants in [start, end) where the zone's offset or name changes, found a ``step`` at
    a time and then to the second (zoneinfo gives no list of them)."""

    def state(at):
        local = at.astimezone(zone)
        return local.utcoffset(), local.tzname()

    found, at, before = [], start, state(start)
    while at < end:
        later = min(at + step, end)
        if state(later) != before:
            low, high = at, later
            while high - low > dt.timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if state(middle) == before else (low, middle)
            found.append(high.replace(microsecond=0))
            before = state(later)
        at = later
    return found


def clock_changes(
    tzid: str, start: dt.datetime, end: dt.datetime
) -> list[tuple[dt.datetime, dt.timedelta, dt.timedelta]]:
    """Each change of the zone's offset between the UTC instants ``start`` and ``end``: its instant
    and the offsets before and after."""
    found = []
    for year in range(start.astimezone(dt.UTC).year, end.astimezone(dt.UTC).year + 1):
        found += [change for change in _year_clock_changes(tzid, year) if start < change[0] <= end]
    return found


@functools.lru_cache(maxsize=4096)
def _year_clock_changes(tzid: str, year: int) -> tuple[tuple[dt.datetime, dt.timedelta, dt.timedelta], ...]:
    """clock_changes over one UTC year, worked out once per process: every repeating event of a
    build asks for the same few years, and finding them a day at a time is 365 zone lookups."""
    zone = zoneinfo.ZoneInfo(tzid)
    begin = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
    found = []
    for change in _changes(zone, begin, begin.replace(year=year + 1), dt.timedelta(days=1)):
        before = (change - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        after = change.astimezone(zone).utcoffset()
        if before != after:
            found.append((change, before, after))
    return tuple(found)


@functools.cache
def _rule_since(tzid: str) -> tuple[ZoneRule, dt.datetime]:
    """The zone's current rule and the UTC instant from which tzdata follows it."""
    rule = parse_tz_string(tz_string(tzid))
    zone = zoneinfo.ZoneInfo(tzid)
    since = None
    for year in range(LAST_LISTED_YEAR, 1900, -1):
        start = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
        actual = _changes(zone, start, start.replace(year=year + 1), dt.timedelta(days=1))
        expected = sorted(o.utc(year).replace(tzinfo=dt.UTC) for o in rule.onsets)
        begins = start.astimezone(zone)
        if actual != expected or (begins.utcoffset(), begins.tzname()) != rule.utcoffset(start.replace(tzinfo=None)):
            since = max(actual, default=start.replace(year=year + 1))
            break
    return rule, since or dt.datetime(1901, 1, 1, tzinfo=dt.UTC)


def _observance(kind, start: dt.datetime, offset_from, offset_to, name: str, rrule: vRecur | None = None):
    part = kind()
    part.add("dtstart", start)
    if rrule is not None:
        part.add("rrule", rrule)
    part.add("tzoffsetfrom", offset_from)
    part.add("tzoffsetto", offset_to)
    part.add("tzname", name)
    return part


def _kind(offset: dt.timedelta, other: dt.timedelta):
    """DAYLIGHT for a change to a greater offset, whatever tzdata calls it: Dublin's rule calls winter
    its summer time (IST-1GMT0), and readers that work out the offset from a UTC time the way
    Python's tzinfo.fromutc does (dateutil, so vobject) get a STANDARD that puts the clocks forward an
    hour wrong around the change."""
    return TimezoneDaylight if offset > other else TimezoneStandard


def vtimezone(tzid: str, first_date: dt.date) -> Timezone:
    """The VTIMEZONE for events from ``first_date`` on, for ever. A zone without a rule a yearly RRULE
    can say (Cairo's last Thursday at 24:00 may fall in November) gets icalendar's list of changes
    to 2038; ValueError for a zone tzdata does not know."""
    try:
        return _rule_form(tzid, first_date)
    except ValueError:
        return Timezone.from_tzid(tzid, first_date=first_date)


@functools.lru_cache(maxsize=1024)
def vtimezone_text(tzid: str, first_date: dt.date) -> bytes:
    """vtimezone's block as bytes, made once per process for each zone and first date: the calendars
    of a build share a few."""
    return vtimezone(tzid, first_date).to_ical()


def _rule_form(tzid: str, first_date: dt.date) -> Timezone:
    rule, since = _rule_since(tzid)
    zone = zoneinfo.ZoneInfo(tzid)
    timezone = Timezone()
    timezone.add("tzid", tzid)
    first = dt.datetime.combine(first_date, dt.time(), dt.UTC)
    if rule.onsets:
        year = since.year if (since.month, since.day, since.hour) == (1, 1, 0) else since.year + 1
        rules = [(o, o.rrule(), o.local_start(year)) for o in rule.onsets]  # ValueError before anything is added
        history_end = min(o.utc(year) for o in rule.onsets).replace(tzinfo=dt.UTC)
    else:
        history_end = since
    if first < history_end:
        # the clocks before the rule: the change in force on the first date, then each one to the rule's start
        in_force = _changes(zone, first - dt.timedelta(days=400), first, dt.timedelta(hours=6))[-1:] or [first]
        history = [c for c in _changes(zone, first, history_end, dt.timedelta(hours=6)) if c < history_end]
        for change in in_force + history:
            before = (change - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
            after = change.astimezone(zone)
            kind = _kind(after.utcoffset(), before)
            start = (change + before).replace(tzinfo=None)
            timezone.add_component(_observance(kind, start, before, after.utcoffset(), after.tzname() or ""))
    if not rule.onsets:
        before = (since - dt.timedelta(seconds=1)).astimezone(zone).utcoffset()
        start = (since + before).replace(tzinfo=None)
        timezone.add_component(_observance(TimezoneStandard, start, before, rule.offset, rule.name))
        return timezone
    for onset, rrule, start in sorted(rules, key=lambda r: r[0].offset_to <= r[0].offset_from):
        kind = _kind(onset.offset_to, onset.offset_from)
        timezone.add_component(_observance(kind, start, onset.offset_from, onset.offset_to, onset.name, rrule))
    return timezone
