"""What templates need to show an occurrence: its address, words and links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from .export import STATUS_MEANING
from .occurrences import Occurrence
from .structured_data import attendance
from .wording import describe_when, short_when


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

    def __getattr__(self, name):  # title, location, status ... come from the series
        return getattr(self.occurrence.series, name)

    @property
    def when(self) -> str:
        return describe_when(self.occurrence)

    @property
    def short_when(self) -> str:
        return short_when(self.occurrence)

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
