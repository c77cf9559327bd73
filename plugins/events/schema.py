"""The keys an event file may have. docs/events.md documents them."""

from __future__ import annotations

from content_schema.fields import (
    Field,
    FieldError,
    boolean,
    date_only,
    date_or_datetime,
    integer,
    list_of,
    one_of,
    slug,
    text,
    url,
)
from front_matter.schemas import LANG, TRANSLATION_OF
from imprints.promoter_fields import PROMOTER_FIELD

STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled", "moved-online")


def duration(value):
    """`2h`, `90m`, `1h30m` or `1:30` -> minutes."""
    import re

    raw = str(value).strip().lower().replace(" ", "")
    match = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m(?:in)?)?", raw) or re.fullmatch(r"(\d+):(\d{2})", raw)
    if not match or not any(match.groups()):
        raise FieldError(f"is `{value}`, which is not a length of time", "Write it like 2h, 90m or 1h30m.")
    hours, minutes = (int(g) if g else 0 for g in match.groups())
    total = hours * 60 + minutes
    if not 0 < total <= 14 * 24 * 60:
        raise FieldError(f"is `{value}`", "An event lasts between 1 minute and 14 days.")
    return total


def geo(value):
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int | float) for v in value)):
        raise FieldError(f"is `{value}`, not a map position", "Write [latitude, longitude], e.g. [53.3889, -1.4707].")
    lat, lon = float(value[0]), float(value[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise FieldError(f"is `{value}`: latitude goes from -90 to 90, longitude from -180 to 180", "Check the order.")
    return (lat, lon)


EVENT = (
    Field("title", text(max_length=150), required=True, doc="the event's name", example="Branch meeting"),
    Field("start", date_or_datetime, required=True, doc="when it starts", example="2027-01-12 19:00"),
    Field("end", date_or_datetime, doc="when it ends (for all-day events, the last day)", example="2027-01-12 21:00"),
    Field("duration", duration, doc="how long it lasts, instead of end", example="2h"),
    Field("all_day", boolean, doc="true for events with dates but no times", example="true"),
    Field("timezone", text(), doc="an IANA time zone, if not Europe/London", example="Europe/Dublin"),
    Field("location", text(max_length=300), doc="venue and address", example="Upper room, The Fat Cat, Sheffield"),
    Field("postcode", text(max_length=10), doc="the venue's postcode", example="S3 8SA"),
    Field("geo", geo, doc="[latitude, longitude] for the map link", example="[53.3889, -1.4707]"),
    Field("online", url(("https",)), doc="the https link to join online", example="https://meet.example.org/x"),
    Field(
        "rsvp",
        url(("https",)),
        doc="the https address of the page where people say they are coming, on one of the party's websites",
        example="https://party.example/rsvp/branch-meeting",
    ),
    Field(
        "accessibility",
        list_of(text(max_length=120)),
        doc="access notes",
        example="[Step-free entrance, Hearing loop]",
    ),
    Field("status", one_of(STATUSES), doc="scheduled, cancelled, postponed, rescheduled or moved-online"),
    Field("previous_start", date_or_datetime, doc="the old start of a rescheduled event"),
    Field("repeat", text(), doc="an RFC 5545 RRULE", example="FREQ=MONTHLY;BYDAY=2TU"),
    Field("except", list_of(date_only), doc="dates a repeating event skips", example="[2027-04-13]"),
    Field("tags", list_of(text(max_length=40), split_commas=True), doc="topics", example="[meetings]"),
    Field("image", text(), doc="a picture from images/", example="images/meeting.jpg"),
    Field("image_alt", text(max_length=300), doc="what the picture shows"),
    Field("image_decorative", boolean, doc="true for a picture that is only decoration (then no image_alt)"),
    Field("address_on_request", boolean, doc="true hides the address; readers ask for it"),
    Field("sequence", integer(0, 10_000), doc="raise by one when you change the date, time or place"),
    Field("slug", slug, doc="the web address part, if not the file name"),
    LANG,
    TRANSLATION_OF,
    Field(
        "uid",
        text(max_length=255),
        doc="the calendar UID an imported event keeps, so that people who added it to their calendar see no "
        "duplicate; leave it out otherwise",
        example="7kukuqrfedlm2f9t0vr42q2bkc@google.com",
    ),
    PROMOTER_FIELD,
)
