"""What templates need to show an occurrence: its address, words and links."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

from .export import STATUS_MEANING
from .occurrences import Occurrence
from .structured_data import attendance
from .wording import day, describe_when, listed_when, short_when

NEXT_DATES = 6  # EVENTS_NEXT_DATES unless set: how many coming dates a repeating event's page lists


@dataclass(frozen=True)
class NextDate:
    """One line of a repeating event's coming dates: a date with its page, or a date it skips."""

    when: str  # "Tuesday 9 February 2027, 7pm"
    iso: str  # for <time datetime>
    url: str | None  # its page, relative to the site; None for a skipped date
    skipped: bool = False


@dataclass
class EventPage:
    occurrence: Occurrence
    url: str  # relative to the site, like Pelican's: events/2027-01-12-branch-meeting/
    save_as: str
    content: Markup  # the description, as HTML
    ics_url: str  # relative to the site
    # set by responsive_images: the picture at the top, and the picture for link previews
    hero_picture: Markup | None = None
    share_image: dict | None = None
    structured_data: Markup | None = None  # the JSON-LD, set as the page is written
    # a repeating event's next dates (the same list on each of its pages), NEXT_DATES unless set
    next_dates: list[NextDate] = field(default_factory=list)
    # the date and time its share card shows: every one-off's, and a repeating event's next dates';
    # None for the other dates of a series, which share one card without
    card_when: str | None = None
    calendar_apps: dict | None = None  # {"google": ..., "outlook": ...} add-event forms, set as it is written
    # the same date's page in each other language (events.pairs), for the language switch
    translations: list = field(default_factory=list)
    translated: bool = False  # a translation's page (events.pairs): its own share card, named with its language
    site_language: str | None = None  # its site's DEFAULT_LANG: its words' language when it has no `lang`
    catalogs: tuple[str, ...] = ()  # its site's catalog folders (interface_language.catalog_folders): its words

    def __getattr__(self, name):  # title, location, status ... come from the series
        return getattr(self.occurrence.series, name)

    @property
    def language(self) -> str | None:
        """The event's own language (its ``lang``, where its file gives one), else its site's: its dates' words."""
        lang = getattr(self.occurrence.series, "lang", None)
        return lang if isinstance(lang, str) and lang else self.site_language

    @property
    def when(self) -> str:
        return describe_when(self.occurrence, self.language, self.catalogs)

    @property
    def short_when(self) -> str:
        return short_when(self.occurrence, self.language, self.catalogs)

    @property
    def start_iso(self) -> str:
        return self.occurrence.start.isoformat()

    @property
    def end_iso(self) -> str:
        return self.occurrence.end.isoformat()

    @property
    def attendance(self) -> str:
        """How people take part: "in person", "online" or "mixed"."""
        return attendance(self.occurrence.series)

    @property
    def card_name(self) -> str:
        """The share card's name: a dated card of a repeating event is named by its date."""
        series = self.occurrence.series
        name = self.occurrence.slug if series.repeat and self.card_when else series.slug
        return f"{series.lang}-{name}" if self.translated else name

    @property
    def can_be_added(self) -> bool:
        """Whether the page offers to add the date to a calendar: not when it is off, or has no date yet."""
        return self.occurrence.series.status not in ("cancelled", "postponed")

    @property
    def status_label(self) -> str:
        return STATUS_MEANING[self.occurrence.series.status]

    @property
    def map_url(self) -> str | None:
        series = self.occurrence.series
        if series.address_on_request:
            return None
        if series.geo:
            lat, lon = series.geo
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        query = series.postcode or series.location
        return f"https://www.openstreetmap.org/search?query={quote(query)}" if query else None


def event_urls(occurrence: Occurrence, settings: dict) -> tuple[str, str]:
    url = settings["EVENT_URL"].format(slug=occurrence.slug)
    return url, settings["EVENT_SAVE_AS"].format(slug=occurrence.slug)


def next_dates(pages: list[EventPage], now, limit: int) -> list[NextDate]:
    """The next ``limit`` dates of one repeating event (its pages, in date order), with the dates its
    `except` skips among them, each marked as skipped."""
    coming = [p for p in pages if not p.occurrence.is_past(now)][:limit]
    if not coming:
        return []
    series = coming[0].occurrence.series
    today = now.astimezone(series.tz).date()
    last = coming[-1].occurrence.local_start_date if len(coming) == limit else None
    listed = [
        (p.occurrence.local_start_date, NextDate(listed_when(p.occurrence, p.language, p.catalogs), p.start_iso, p.url))
        for p in coming
    ]
    skipped = [
        (d, NextDate(day(d, pages[0].language if pages else None), d.isoformat(), None, skipped=True))
        for d in series.exdates
        if d >= today and (last is None or d <= last)
    ]
    return [item for _d, item in sorted(listed + skipped, key=lambda pair: pair[0])]
