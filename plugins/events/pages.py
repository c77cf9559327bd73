"""What templates need to show an occurrence: its address, words, links and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from .export import STATUS_MEANING
from .occurrences import Occurrence
from .wording import describe_when, short_when

SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved-online": "https://schema.org/EventMovedOnline",
}


@dataclass
class EventPage:
    occurrence: Occurrence
    url: str  # relative to the site, like Pelican's: events/2027-01-12-branch-meeting/
    save_as: str
    content: Markup  # the description, as HTML
    ics_url: str  # relative to the site

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

    def json_ld(self, site_url: str, organiser: str, organiser_url: str) -> Markup:
        series = self.occurrence.series
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": series.title,
            "startDate": self.start_iso,
            "endDate": self.end_iso,
            "eventStatus": SCHEMA_STATUS[series.status],
            "url": f"{site_url}/{self.url}",
            "organizer": {"@type": "Organization", "name": organiser, "url": organiser_url},
        }
        places = []
        if series.location or series.address_on_request:
            place = {"@type": "Place", "name": "Address on request" if series.address_on_request else series.location}
            if not series.address_on_request:
                place["address"] = series.location + (f", {series.postcode}" if series.postcode else "")
                if series.geo:
                    place["geo"] = {"@type": "GeoCoordinates", "latitude": series.geo[0], "longitude": series.geo[1]}
            places.append(place)
        if series.online:
            places.append({"@type": "VirtualLocation", "url": series.online})
        if places:
            data["location"] = places[0] if len(places) == 1 else places
        mode = "Mixed" if len(places) == 2 else ("Online" if series.online else "Offline")
        data["eventAttendanceMode"] = f"https://schema.org/{mode}EventAttendanceMode"
        if series.previous_start is not None:
            data["previousStartDate"] = series.previous_start.isoformat()
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
        return Markup(text.replace("<", "\\u003c"))  # nothing in a value can close the script block


def event_urls(occurrence: Occurrence, settings: dict) -> tuple[str, str]:
    url = settings["EVENT_URL"].format(slug=occurrence.slug)
    return url, settings["EVENT_SAVE_AS"].format(slug=occurrence.slug)
