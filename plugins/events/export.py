"""An event series as plain JSON-ready data: what a branch hands to the main site,
and what every calendar feed is written from."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from absolute_addresses.addresses import is_under
from interface_language import N_

from .event_source import EventSeries

# The statuses' words: in the catalog (interface_language), shown in the page's language with the
# templates' `translated` filter.
STATUS_MEANING = {
    "scheduled": N_("Scheduled"),
    "cancelled": N_("Cancelled"),
    "postponed": N_("Postponed"),
    "rescheduled": N_("Rescheduled"),
    "moved-online": N_("Moved online"),
}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def series_record(
    series: EventSeries, *, uid: str, url: str, description: str, sequence: int, imprint: str | None
) -> dict:
    """``imprint`` is the event's imprint sentence (its own promoter, else its site's): it travels
    with the record into every calendar that lists the event, a national one too."""
    record = {
        "uid": uid,
        "url": url,
        "title": series.title,
        "all_day": series.all_day,
        "start": _iso(series.start),
        "end": _iso(series.end),
        "timezone": series.timezone,
        "status": series.status,
        "location": None if series.address_on_request else series.location,
        "postcode": None if series.address_on_request else series.postcode,
        "address_on_request": series.address_on_request,
        "geo": list(series.geo) if series.geo and not series.address_on_request else None,
        "online": series.online,
        "repeat": series.repeat,
        "exdates": [d.isoformat() for d in series.exdates],
        "previous_start": _iso(series.previous_start),
        "categories": list(series.tags),
        "description": description,
        "imprint": imprint,
        "sequence": sequence,
    }
    if series.rsvp:  # only where there is one: other events' records, and so their DTSTAMPs, stay as they were
        record["rsvp"] = series.rsvp
    return record


def significant_digest(record: dict) -> str:
    """What attendees must hear about: a change here raises SEQUENCE."""
    keys = ("title", "start", "end", "timezone", "status", "location", "online", "repeat", "exdates", "all_day")
    significant = {k: record[k] for k in keys}
    if record.get("postcode"):  # only where there is one: other events' numbers stay as they were
        significant["postcode"] = record["postcode"]
    data = json.dumps(significant, sort_keys=True)
    return hashlib.blake2b(data.encode(), digest_size=12).hexdigest()


def records_digest(records: list[dict]) -> str:
    """A digest of whole records: a branch's series (the national calendars' inputs), or one."""
    text = json.dumps(records, sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def record_key(record: dict, prefix: str | None) -> str:
    """One record as a calendar shows it: with the summary prefix ("Sheffield branch") it has there."""
    return f"{records_digest([record])}\0{prefix or ''}"


def occurrence_record(occurrence, *, url: str, site_name: str, site_url: str, nation: str | None) -> dict:
    series = occurrence.series
    return {
        "title": series.title,
        "url": url,
        "start": occurrence.start.isoformat(),
        "end": occurrence.end.isoformat(),
        "starts_at": occurrence.starts_at.astimezone(dt.UTC).isoformat(),
        "ends_at": occurrence.ends_at.astimezone(dt.UTC).isoformat(),
        "all_day": series.all_day,
        "timezone": series.timezone,
        "status": series.status,
        "place": "Address on request" if series.address_on_request else (series.location or ""),
        "online": bool(series.online),
        "site_name": site_name,
        "site_url": site_url,
        "nation": nation,
    }


def branch_occurrences(records: list[dict], branch: dict) -> list[dict]:
    """A branch's exported occurrences as the national pages show them: only those at the branch's
    own address (a record may come from a CI artifact), each named as the directory names the
    branch, never as the record says."""
    own = f"{branch['url']}/"
    return [
        {**record, "site_name": branch["display_name"], "site_url": branch["url"]}
        for record in records
        if is_under(record["url"], own)
    ]
