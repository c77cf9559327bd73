"""What a branch's build hands to the national site: typed records, not a dict of loose keys.

In a branch build, the parts that aggregate into the national site fill in the branch's
``BranchExports`` (``settings["BRANCH_EXPORTS"]``, made by ``branch_settings``): ``news`` by
branch_subsites, ``events`` by events, ``pictures`` by responsive_images, ``valid_until`` by the
worker from what the parts said (``holds_until``). The worker returns it inside the branch's
``BranchResult`` (build_record), whose build record keeps it for the next build while the branch
is unchanged, and the national site's generators read ``context["branch_results"]``: one
``BranchResult`` per branch slug. Everything here pickles (worker processes) and turns into JSON
and back (the build record); an occurrence of an event is ``events.export.occurrence_record``'s
JSON-ready mapping, as the national pages and the directory show it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from zoneinfo import ZoneInfo


def _plain(cls, data):
    """``cls`` from a record's mapping, each field of the type it declares (str, int, or str | None):
    a record may come from elsewhere (a CI artifact), and nothing in it is taken as markup."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}: not a mapping")
    item = cls(**data)
    for name, kind in cls.KINDS.items():
        value = getattr(item, name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise TypeError(f"{cls.__name__}.{name}: {type(value).__name__}, not {kind}")
    return item


@dataclass
class Thumbnail:
    """A post's picture, small, as plain values (responsive_images.markup.picture_values): the national
    site makes its <picture> itself, each value escaped, never taking a branch's markup."""

    src: str
    srcset: str  # "address width, ..."
    sizes: str
    width: int
    height: int
    alt: str
    webp_srcset: str | None = None

    KINDS = {
        "src": str,
        "srcset": str,
        "sizes": str,
        "width": int,
        "height": int,
        "alt": str,
        "webp_srcset": (str, type(None)),
    }

    def addresses(self) -> list[str]:
        """Every address the picture loads from."""
        sets = [self.srcset, self.webp_srcset or ""]
        return [self.src, *(part.strip().split(" ")[0] for text in sets for part in text.split(",") if part.strip())]


@dataclass
class NewsItem:
    """One of a branch's latest posts, for the national home page."""

    title: str  # plain text (front_matter), escaped by the templates
    url: str
    date: str  # ISO 8601
    summary: str  # plain text
    thumbnail: Thumbnail | None = None  # the post's picture, small, at the branch's address

    KINDS = {"title": str, "url": str, "date": str, "summary": str}

    @classmethod
    def from_json(cls, data: dict) -> NewsItem:
        item = _plain(cls, data)
        dt.datetime.fromisoformat(item.date)  # a ValueError for anything else
        if item.thumbnail is not None:
            item.thumbnail = _plain(Thumbnail, item.thumbnail)
        return item


# An occurrence as events.export.occurrence_record makes it: every key, each of its type.
OCCURRENCE_KINDS = {
    "title": str,
    "url": str,
    "start": str,
    "end": str,
    "starts_at": str,
    "ends_at": str,
    "all_day": bool,
    "timezone": str,
    "status": str,
    "place": str,
    "online": bool,
    "site_name": str,
    "site_url": str,
    "nation": (str, type(None)),
}


def occurrence(data) -> dict:
    """An exported occurrence read back, checked: exactly occurrence_record's keys, each of its type,
    its dates ISO 8601 (the UTC ones with their offset), a time zone and a status the kit knows. A
    TypeError or ValueError otherwise: the record is refused (build_record.read_record)."""
    if not isinstance(data, dict) or set(data) != set(OCCURRENCE_KINDS):
        raise TypeError("an event: not an occurrence's fields")
    for name, kind in OCCURRENCE_KINDS.items():
        value = data[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise TypeError(f"an event's {name}: {type(value).__name__}")
    for name in ("start", "end"):
        dt.datetime.fromisoformat(data[name])
    for name in ("starts_at", "ends_at"):
        if dt.datetime.fromisoformat(data[name]).utcoffset() is None:
            raise ValueError(f"an event's {name} has no UTC offset")
    try:
        ZoneInfo(data["timezone"])
    except Exception:  # not a key, or not one this machine's zone data has
        raise ValueError(f"an event's time zone {data['timezone']!r} is unknown") from None
    from events.schema import STATUSES  # the events plugin is loaded by the time a record is read

    if data["status"] not in STATUSES:
        raise ValueError(f"an event's status {data['status']!r} is unknown")
    return data


@dataclass
class EventsExport:
    """A branch's events, as the national calendars and pages gather them."""

    series_file: str  # the branch's event records in the build cache, read only when a calendar is made again
    series_digest: str  # what the national calendars compare, instead of the records themselves
    series_dates: list | None  # the first and last dates of the branch's events (time-zone ranges)
    upcoming: list[dict] = field(default_factory=list)  # the next occurrences within EVENTS_NATION_DAYS
    next: dict | None = None  # the very next one going ahead, however far off (the directory)

    @classmethod
    def from_json(cls, data: dict) -> EventsExport:
        exported = cls(**data)
        if not isinstance(exported.series_file, str) or not isinstance(exported.series_digest, str):
            raise TypeError("events: the records file and digest are not names")
        dates = exported.series_dates
        if dates is not None and not (
            isinstance(dates, list) and len(dates) == 2 and all(isinstance(d, str) for d in dates)
        ):
            raise TypeError("events: series_dates is not a first and a last date")
        if not isinstance(exported.upcoming, list):
            raise TypeError("events: upcoming is not a list")
        exported.upcoming = [occurrence(item) for item in exported.upcoming]
        if exported.next is not None:
            exported.next = occurrence(exported.next)
        return exported


@dataclass
class PictureCounts:
    """What responsive_images did in the branch's build, for the national build's one summary line."""

    processed: int = 0
    reused: int = 0
    cards_drawn: int = 0
    cards_reused: int = 0


@dataclass
class BranchExports:
    """Everything a branch's build hands to the national site."""

    news: list[NewsItem] = field(default_factory=list)
    events: EventsExport | None = None
    pictures: PictureCounts = field(default_factory=PictureCounts)
    cache_files: list[str] = field(default_factory=list)  # cache files the national site reads: rebuild when gone
    valid_until: str | None = None  # ISO 8601: when the branch's pages go stale (its next event ends...)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> BranchExports:
        """The exports a build record kept; a TypeError for a record of another shape (an older kit)."""
        events = data.get("events")
        return cls(
            news=[NewsItem.from_json(item) for item in data.get("news", [])],
            events=EventsExport.from_json(events) if events is not None else None,
            pictures=PictureCounts(**data.get("pictures", {})),
            cache_files=list(data.get("cache_files", [])),
            valid_until=data.get("valid_until"),
        )
