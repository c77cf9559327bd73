"""The main site's calendars of many branches: all.ics, one per nation and one per English region.

Each holds the national events and its branches' events over the feed window (feeds.py), no more
than calendar programs take. What a calendar holds is worked out when its inputs change, and kept
in the build cache with them, so that the pages that offer it can say what is in it on every build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field

from content_schema.fields import place_slug
from incremental_build.cache_files import load_keyed, store_keyed
from incremental_build.fingerprint import code_digest

from .export import record_key
from .feeds import FeedWindow, choose, feed_place
from .ical import calendar_bytes, timezone_range, vevents

log = logging.getLogger(__name__)


@dataclass
class NationalCalendar:
    """One calendar of many branches: ``branches`` are (display name, events export) pairs."""

    save_as: str
    name: str  # X-WR-CALNAME
    area: str  # the place whose branches it holds, as the pages name it: "all events", "England", "North East"
    branches: list[tuple[str, dict]] = field(default_factory=list)
    holds: dict | None = None  # what feeds.choose kept, for the pages (see NationalCalendars.summary)
    links: dict | None = None


def aggregated_record(record: dict) -> dict:
    """``record`` as the calendars of many sites hold it. An imported event's own UID (`uid:`) is
    written by its site's editors, who may copy another site's: there it is qualified with the site's
    key (`sheffield/7kukuq@google.com`), so that no site's event can replace another's in a
    subscriber's calendar. The UIDs the kit makes already name their site and end in
    EVENTS_UID_DOMAIN, which no `uid:` may (site_dates), so the two kinds never meet."""
    if "uid_site" not in record:
        return record
    return {**record, "uid": f"{record['uid_site']}/{record['uid']}"}


def region_calendar_path(settings: dict, nation: str, region: str) -> str:
    save_as = settings["EVENTS_REGION_CALENDAR_SAVE_AS"]
    return save_as.format(nation=place_slug(nation), region=place_slug(region))


class NationalCalendars:
    """Chooses, makes and remembers what each national calendar holds.

    ``national`` are the main site's records; ``load(exported)`` gives a branch's records;
    ``events`` is the build's VeventTexts, which every calendar's VEVENTs come from; ``description``
    is every calendar's (the imprint of the main site, which publishes them; each branch event's
    own imprint is in its record)."""

    def __init__(
        self,
        settings: dict,
        national: list[dict],
        load,
        events,
        now: dt.datetime,
        refresh: dt.timedelta,
        description: str | None,
    ):
        self.settings, self.load, self.events, self.refresh = settings, load, events, refresh
        self.national = [aggregated_record(r) for r in national]
        self.description = description
        self.window = FeedWindow.around(now, settings)
        self.national_keys = [record_key(r, "National") for r in self.national]
        self.path = os.path.join(settings["CACHE_PATH"], "events", "national-calendars.pickle")
        self.book = load_keyed(self.path, code_digest(settings)) or {}
        self.made: dict[str, bytes] = {}
        self.loaded: dict[str, list[dict]] = {}  # each branch's records, by file, once read
        self.places: dict[str, tuple | None] = {}  # each record's feed_place, by UID: one for every calendar

    def inputs(self, calendar: NationalCalendar) -> str:
        """Text that determines the calendar's bytes: its name and description, the window's days, the national
        records, and each of its branches' records by digest (read only when it must be made)."""
        header = json.dumps(
            {
                "name": calendar.name,
                "description": self.description,
                "window": self.window.key(),
                "refresh": str(self.refresh),
            },
            sort_keys=True,
        )
        branches = [f"{exported.series_digest}\0{name}" for name, exported in calendar.branches]
        return "\n".join([header, *self.national_keys, *branches])

    def summary(self, calendar: NationalCalendar, output_path: str) -> dict:
        """What ``calendar`` holds, from the cache while its inputs are those it was made from."""
        digest = hashlib.blake2b(self.inputs(calendar).encode("utf-8"), digest_size=16).hexdigest()
        kept = self.book.get(calendar.save_as)
        if kept and kept[0] == digest and os.path.isfile(os.path.join(output_path, calendar.save_as)):
            return kept[1]
        data, holds = self._make(calendar)
        self.made[calendar.save_as] = data
        self.book[calendar.save_as] = (digest, holds)
        return holds

    def calendar(self, calendar: NationalCalendar) -> bytes:
        """The calendar's bytes (incremental_build.derived asks only when its inputs changed)."""
        if calendar.save_as not in self.made:
            self.made[calendar.save_as] = self._make(calendar)[0]
        return self.made[calendar.save_as]

    def save(self, names: list[str]) -> None:
        """Keep what the calendars of this build hold (and nothing of calendars that are gone)."""
        kept = {name: self.book[name] for name in sorted(names) if name in self.book}
        store_keyed(self.path, code_digest(self.settings), kept)

    def _records(self, calendar: NationalCalendar) -> tuple[list[dict], dict]:
        records, prefixes = [], {r["uid"]: "National" for r in self.national}
        for name, exported in calendar.branches:
            if exported.series_file not in self.loaded:  # all.ics, then a nation's, then a region's
                self.loaded[exported.series_file] = [aggregated_record(r) for r in self.load(exported)]
            for record in self.loaded[exported.series_file]:
                records.append(record)
                prefixes[record["uid"]] = name
        return records, prefixes

    def _make(self, calendar: NationalCalendar) -> tuple[bytes, dict]:
        branch_records, prefixes = self._records(calendar)

        def size(record: dict) -> tuple[int, int]:
            text = self.events.get(record, prefixes.get(record["uid"]), vevents)[0]
            return text.count(b"BEGIN:VEVENT\r\n"), len(text)

        def place(record: dict) -> tuple | None:
            if record["uid"] not in self.places:
                self.places[record["uid"]] = feed_place(record, self.window)
            return self.places[record["uid"]]

        max_bytes = self.settings["EVENTS_FEED_MAX_BYTES"]
        max_events = self.settings["EVENTS_FEED_MAX_EVENTS"]
        overhead = 0  # the calendar's head and VTIMEZONEs: measured once made, and the choice made again
        while True:
            choice = choose(
                self.national,
                branch_records,
                self.window,
                place,
                size,
                max_events=max_events,
                max_bytes=max_bytes - overhead,
            )
            zones = timezone_range(choice.records) if choice.records else None
            data = calendar_bytes(
                choice.records,
                name=calendar.name,
                description=self.description,
                zones=zones,
                events=self.events,
                refresh=self.refresh,
                prefixes=prefixes,
            )
            measured = len(data) - sum(size(r)[1] for r in choice.records)
            if len(data) <= max_bytes or measured <= overhead:
                break
            overhead = measured
        vevent_count = sum(size(r)[0] for r in choice.records)
        if len(data) > max_bytes or vevent_count > max_events:
            log.warning(
                "events: %s holds %d VEVENTs, %d bytes, over EVENTS_FEED_MAX_EVENTS (%d) or EVENTS_FEED_MAX_BYTES (%d) "
                "with the national events of the window alone: shorten EVENTS_FEED_AHEAD_DAYS or raise the limits",
                calendar.save_as,
                vevent_count,
                len(data),
                max_events,
                max_bytes,
            )
        holds = {
            "events": len(choice.records),
            "vevents": vevent_count,
            "bytes": len(data),
            "in_window": choice.in_window,
            "first_day": self.window.first_day,
            "last_day": self.window.last_day,
            "capped": choice.capped,
            "branch_days": choice.branch_days,
            "partial": {"day": choice.partial[0], "which": choice.partial[1]} if choice.partial else None,
            "max_events": max_events,
            "max_bytes": max_bytes,
        }
        return data, holds
