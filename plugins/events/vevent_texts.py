"""Each event's VEVENT, serialised by icalendar once and reused by every calendar that lists it.

A branch's calendar.ics and each event's own .ics share their VEVENTs; on the main site all.ics and
the nation calendars hold the same 13,000 at 650 branches, and serialising them took 20 s per
calendar. The main site also keeps them in its build cache, so after one branch's event changes only
that event is serialised again, not every event in the country.
"""

from __future__ import annotations

from incremental_build.cache_files import load_keyed, store_keyed
from incremental_build.fingerprint import code_digest

from .export import record_key


class VeventTexts:
    """VEVENT bytes and the TZIDs they use, by record and summary prefix; ``path`` keeps them between builds."""

    def __init__(self, settings: dict, path: str | None = None):
        self.settings, self.path = settings, path
        self.loaded = path is None  # a stored file is read only when a calendar is made
        self.texts: dict[str, tuple[bytes, tuple[str, ...]]] = {}
        self.used: set[str] = set()
        self.by_object: dict[tuple[int, str | None], tuple[dict, tuple[bytes, tuple[str, ...]]]] = {}

    def get(self, record: dict, prefix: str | None, make) -> tuple[bytes, tuple[str, ...]]:
        """``make(record, prefix)`` gives the record's icalendar Events, called only for a record not seen before."""
        seen = self.by_object.get((id(record), prefix))
        if seen is not None and seen[0] is record:
            return seen[1]
        self._load()
        key = record_key(record, prefix)
        if key not in self.texts:
            made = make(record, prefix)
            # as icalendar's Calendar.get_used_tzids finds them
            tzids = {
                v.params.get("TZID")
                for event in made
                for _name, v in event.property_items(sorted=False)
                if hasattr(v, "params")
            }
            tzids = tuple(sorted(tzids - {None, "UTC"}))
            self.texts[key] = (b"".join(event.to_ical() for event in made), tzids)
        self.used.add(key)
        self.by_object[(id(record), prefix)] = (record, self.texts[key])
        return self.texts[key]

    def _load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        self.texts = load_keyed(self.path, code_digest(self.settings)) or {}

    def save(self) -> None:
        """Keep what this build used (so the file never grows past the events that exist)."""
        if self.path is None or not self.used:
            return
        kept = {key: self.texts[key] for key in sorted(self.used)}
        store_keyed(self.path, code_digest(self.settings), kept)
