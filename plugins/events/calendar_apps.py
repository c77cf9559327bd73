"""Links that open the add-event forms of Google Calendar and Outlook.com, filled in with one date
of an event: for readers whose calendar lives in a browser, where an .ics download goes nowhere.

They are links the reader chooses to follow; a page loads nothing from either host. Neither form is
documented by its maker: the parameters are those both have accepted for years (Google's
`action=TEMPLATE`, Outlook's `rru=addevent` deep link). Times go in UTC, so no form can read them in
another zone; Google is also told the event's zone (`ctz`) to show them in. An all-day event gives
dates only, ending on the day after its last day, as iCalendar does. A repeating event's link adds
the date of its page: the rule and its exceptions are in its .ics file, which the page offers first.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

GOOGLE_FORM = "https://calendar.google.com/calendar/render"
OUTLOOK_FORM = "https://outlook.live.com/calendar/0/deeplink/compose"


def _utc(when: dt.datetime) -> dt.datetime:
    return when.astimezone(dt.UTC)


def event_place(series) -> str:
    """The place, as the event page and the .ics say it: the venue and postcode, "Address on
    request", or the join link of an event held only online."""
    if series.address_on_request:
        return f"{series.venue}, address on request" if series.venue else "Address on request"
    if series.venue:
        return f"{series.venue}, {series.postcode}" if series.postcode else series.venue
    return series.online or ""


def event_details(summary: str, page_url: str, series) -> str:
    """The form's description: the start of the event's text, then where to read more, say you are
    coming and join online."""
    lines = [summary, f"Details: {page_url}"]
    if series.rsvp:
        lines.append(f"RSVP: {series.rsvp}")
    if series.online:
        lines.append(f"Join online: {series.online}")
    return "\n\n".join(line for line in lines if line)


def _query(params: dict) -> str:
    # %20 for spaces, as both forms read; "/" and ":" left as they are, which a query may hold
    return urlencode({k: v for k, v in params.items() if v}, safe="/:", quote_via=quote)


def google_calendar_url(occurrence, *, details: str) -> str:
    series = occurrence.series
    if series.all_day:
        dates = f"{occurrence.start:%Y%m%d}/{occurrence.end + dt.timedelta(days=1):%Y%m%d}"
    else:
        dates = f"{_utc(occurrence.start):%Y%m%dT%H%M%SZ}/{_utc(occurrence.end):%Y%m%dT%H%M%SZ}"
    params = {
        "action": "TEMPLATE",
        "text": series.title,
        "dates": dates,
        "ctz": series.timezone,
        "location": event_place(series),
        "details": details,
    }
    return f"{GOOGLE_FORM}?{_query(params)}"


def outlook_calendar_url(occurrence, *, details: str) -> str:
    series = occurrence.series
    if series.all_day:
        start, end = occurrence.start.isoformat(), (occurrence.end + dt.timedelta(days=1)).isoformat()
    else:
        start, end = (f"{_utc(when):%Y-%m-%dT%H:%M:%SZ}" for when in (occurrence.start, occurrence.end))
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": series.title,
        "startdt": start,
        "enddt": end,
        "allday": "true" if series.all_day else "",
        "location": event_place(series),
        "body": details,
    }
    return f"{OUTLOOK_FORM}?{_query(params)}"
