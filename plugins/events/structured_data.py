"""An event page's schema.org Event, as search engines read it (JSON-LD in the page's head).

What Google's Event rich results ask for (developers.google.com/search/docs/appearance/
structured-data/event): name, startDate and a location (a Place with an address, or a
VirtualLocation with a url); recommended: description, endDate, eventAttendanceMode, eventStatus,
image, offers, organizer, performer, previousStartDate. docs/events.md says what the kit gives.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from markupsafe import Markup
from pelican.utils import truncate_html_words

from absolute_addresses.addresses import absolute_address, site_address

SCHEMA = "https://schema.org/"
STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
    "moved-online": "EventMovedOnline",
}
ATTENDANCE = {
    "in person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
# EVENTS_ADDRESS_COUNTRY and EVENTS_OFFER_CURRENCY unless set
ADDRESS_COUNTRY = "GB"  # ISO 3166-1: every UK nation is GB
OFFER_CURRENCY = "GBP"


def attendance(series) -> str:
    """How people take part: "in person", "online" or "mixed"."""
    if series.online and (series.status == "moved-online" or not series.venue):
        return "online"
    return "mixed" if series.online else "in person"


def _address(series, country: str | None, locality: str | None) -> dict:
    """A PostalAddress of the parts the event file gives: the kit does not split the `location`
    an editor wrote into street and town, so the whole of it is the street address; the town
    alone for a venue given on request."""
    if series.address_on_request:
        parts = {"addressLocality": series.venue or locality}
    else:
        parts = {"streetAddress": series.venue, "postalCode": series.postcode}
    if country:
        parts["addressCountry"] = country
    return {"@type": "PostalAddress", **{k: v for k, v in parts.items() if v}}


def _place(series, country: str | None, locality: str | None) -> dict:
    place = {
        "@type": "Place",
        "name": series.venue or "Address on request",
        "address": _address(series, country, locality),
    }
    if series.geo and not series.address_on_request:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": series.geo[0], "longitude": series.geo[1]}
    return place


def _local_iso(when, tz) -> str:
    """A date as it is; a time of day with its UTC offset (naive in the event file)."""
    if isinstance(when, dt.datetime):
        return (when if when.tzinfo else when.replace(tzinfo=tz)).isoformat()
    return when.isoformat()


def event_data(
    page,
    *,
    page_url: str,
    description: str,
    image_url: str | None,
    organiser: dict,
    country: str | None = ADDRESS_COUNTRY,
    currency: str = OFFER_CURRENCY,
    home_timezone: str = "Europe/London",
    locality: str | None = None,
) -> dict:
    """The Event for one occurrence's page. ``country`` is that of events in ``home_timezone``
    (the site's TIMEZONE; an event with a `timezone:` of its own is elsewhere, country unknown);
    ``locality`` names the town of a venue given on request when the event's `location` does not
    (a local branch's name)."""
    series = page.occurrence.series
    if series.timezone != home_timezone:
        country = None
    mode = attendance(series)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": series.title,
        "description": description,
        "startDate": page.start_iso,
        "endDate": page.end_iso,
        "eventStatus": SCHEMA + STATUS[series.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE[mode],
        "url": page_url,
        "organizer": organiser,
    }
    locations = []
    if mode != "online" and (series.venue or series.address_on_request):
        locations.append(_place(series, country, locality))
    if mode != "in person":
        locations.append({"@type": "VirtualLocation", "url": series.online})
    if locations:  # an event file with neither `location` nor `online` has none
        data["location"] = locations[0] if len(locations) == 1 else locations
    if image_url:
        data["image"] = [image_url]
    if series.previous_start is not None:
        data["previousStartDate"] = _local_iso(series.previous_start, series.tz)
    if series.status not in ("cancelled", "postponed"):  # nothing to go to, or no date yet
        data["offers"] = {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": currency,
            "availability": SCHEMA + "InStock",
            "url": page_url,
        }
    return data


def summary(page, words: int | None) -> str:
    """The first ``words`` words of the description (all of it for None, as Pelican's
    SUMMARY_MAX_LENGTH), as plain text; for an event with none, what the page's meta description
    says (its date and place)."""
    content = str(page.content) if words is None else truncate_html_words(str(page.content), words)
    text = html.unescape(re.sub(r"<[^>]+>", " ", content))
    text = " ".join(text.split())
    if text:
        return text
    venue = page.occurrence.series.venue
    return page.when + (f", {venue}" if venue and not page.occurrence.series.address_on_request else "")


def page_structured_data(page, settings: dict) -> Markup:
    """The JSON-LD of ``page``, from the site's settings and what the page already shows."""
    site = site_address(settings)
    branch = settings.get("BRANCH") or {}
    image = (page.share_image or {}).get("url")
    data = event_data(
        page,
        page_url=f"{site}/{page.url}",
        description=summary(page, settings.get("SUMMARY_MAX_LENGTH")),
        image_url=absolute_address(settings, image) if image else None,
        organiser={"@type": "Organization", "name": settings["SITENAME"], "url": f"{site}/"},
        country=settings["EVENTS_ADDRESS_COUNTRY"],
        currency=settings["EVENTS_OFFER_CURRENCY"],
        home_timezone=settings["TIMEZONE"],
        locality=branch.get("name") if branch.get("kind") == "local" else None,
    )
    return script_json(data)


# In an HTML <script> block the text ends at the first "</script" whatever JSON thinks, and
# "<!--" changes how it is read: JSON's own \u escapes keep every <, > and & out of the text.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: dict) -> Markup:
    """``data`` as JSON that is safe as the whole text of a <script type="application/ld+json">."""
    return Markup(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).translate(_SCRIPT_SAFE))
