"""`branchsites import-calendar FEED`: an iCalendar file or feed (Google Calendar, Mobilizon,
Facebook, a Squarespace events page's calendar) becomes event files in a site's events folder.

Each event keeps its calendar UID (`uid:`), so people who subscribed to the old calendar see no
duplicate. Importing the feed again finds each event's file by that UID and updates it where it
is (its address holds, even if its date moved), raising `sequence` when its date, time or place
changed; a file an editor changed since is kept unless --force (SiteDestination), and an event gone
from the feed is named, never deleted.
"""

from __future__ import annotations

import json
import os
import re
import urllib.error
import urllib.request

from icalendar import Calendar

from front_matter.document import slug_from_filename
from scaffold.writers import slugify

from .event_files import SIGNIFICANT, EventFile, series_files
from .import_failed import ImportFailed
from .input_file import read_input, within_limit

MAX_FEED_BYTES = 20 * 1024 * 1024  # a branch's calendar of ten years is a few hundred kilobytes
TIMEOUT_SECONDS = 30
# Components that are not events: each one left out is named for the editor.
LEFT_OUT_COMPONENTS = {"VTODO": "a to-do", "VJOURNAL": "a journal entry", "VFREEBUSY": "free/busy times"}
KNOWN_COMPONENTS = {"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM"}


TOO_LARGE = ", more than a calendar of events (export only this branch's calendar)"


def _failed(message: str) -> ImportFailed:
    return ImportFailed(f"{message}: nothing was written")


def read_feed(feed: str) -> bytes:
    """The feed's bytes: a file, or an http(s):// (or webcal://) address, at most MAX_FEED_BYTES."""
    if feed.startswith("webcal://"):  # what Google's and Apple's "subscribe" links give: https underneath
        feed = "https://" + feed.removeprefix("webcal://")
    if re.match(r"^https?://", feed, re.I):
        request = urllib.request.Request(feed, headers={"User-Agent": "branchsites import-calendar"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                data = response.read(MAX_FEED_BYTES + 1)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ImportFailed(f"{feed} could not be fetched ({reason}): nothing was written") from exc
        return within_limit(data, feed, MAX_FEED_BYTES, _failed, TOO_LARGE)
    return read_input(feed, MAX_FEED_BYTES, _failed, TOO_LARGE)


def parse_feed(data: bytes, feed: str) -> Calendar:
    """The feed as a Calendar; ImportFailed for anything that is not an iCalendar file."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:15].upper()
    if not start.startswith(b"BEGIN:VCALENDAR"):
        raise ImportFailed(
            f"{feed} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR): nothing was written. "
            "Export the calendar as .ics (Google Calendar: Settings > the calendar > Secret address in iCal "
            "format), or give that address."
        )
    try:
        calendars = Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise ImportFailed(f"{feed} is not a calendar that can be read ({exc}): nothing was written") from exc
    if len(calendars) != 1:
        raise ImportFailed(f"{feed} holds {len(calendars)} calendars: import them one at a time. Nothing was written.")
    return calendars[0]


def grouped_events(calendar: Calendar, notes: list[str]) -> dict[str, tuple[object, list]]:
    """{UID: (its VEVENT without RECURRENCE-ID or None, its VEVENTs with one)}, in the feed's order;
    every other component named in ``notes``."""
    groups: dict[str, tuple[object, list]] = {}
    personal = 0
    for component in calendar.walk():
        if component.name in LEFT_OUT_COMPONENTS:
            summary = str(component.get("SUMMARY", "") or "untitled")
            notes.append(f"{LEFT_OUT_COMPONENTS[component.name]} ({component.name} `{summary}`) was left out")
        elif component.name not in KNOWN_COMPONENTS:
            notes.append(f"a {component.name} in the feed was left out (the kit imports events only)")
        if component.name != "VEVENT":
            continue
        if component.get("DTSTART") is None:
            notes.append(f"the event `{component.get('SUMMARY', 'untitled')}` has no start (DTSTART): left out")
            continue
        uid = str(component.get("UID", "")).strip()
        if not uid:
            notes.append(f"the event `{component.get('SUMMARY', 'untitled')}` has no UID: left out")
            continue
        personal += bool(component.get("ATTENDEE") or component.get("ORGANIZER"))
        master, overrides = groups.get(uid, (None, []))
        if component.get("RECURRENCE-ID") is not None:
            overrides.append(component)
        elif master is None:
            master = component
        else:
            notes.append(f"the feed gives the event `{uid}` twice: the first was kept")
        groups[uid] = (master, overrides)
    if personal:
        notes.append(
            f"{personal} event{'s' if personal > 1 else ''} named an organiser or the people invited "
            "(ORGANIZER, ATTENDEE): "
            "those names and addresses were left out, as personal data the site does not publish"
        )
    return groups


def front_values(text: str) -> dict[str, str]:
    """An event file's front matter, one `key: value` line each, as written (the import writes one a line)."""
    lines = text.split("\n")
    if not lines or lines[0] != "---":
        return {}
    values = {}
    for line in lines[1:]:
        if line == "---":
            break
        key, _, value = line.partition(":")
        if key and not key.startswith((" ", "-", "#")):
            values[key.strip()] = value.strip()
    return values


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


class EventFolder:
    """The site's events folder: which names are taken, so that each new file gets an address of its own."""

    def __init__(self, destination, events_path: str):
        self.destination, self.events_path = destination, events_path
        folder = destination.inside(events_path) if destination.exists(events_path) else None
        self.files = sorted(
            os.path.join(events_path, name)
            for name in (os.listdir(folder) if folder and os.path.isdir(folder) else [])
            if name.endswith((".md", ".markdown")) and not name.startswith(".")
        )
        self.slugs = {slug_from_filename(path) for path in self.files}

    def new_name(self, event: EventFile) -> str:
        """`events/<first date>-<slug>.md`, its slug one no other event of the site has (two files with
        one slug would claim one address: the check refuses them)."""
        base = slugify(event.title)
        slug, number = base, 1
        while slug in self.slugs:
            number += 1
            slug = f"{base}-{number}"
        self.slugs.add(slug)
        return os.path.join(self.events_path, f"{event.first_day:%Y-%m-%d}-{slug}.md")


def next_sequence(event: EventFile, previous: str | None) -> int:
    """The feed's SEQUENCE, but never below the file's, and one more than the file's when a date,
    time, place or status changed: calendar programs take a change only with a higher SEQUENCE, and a
    build with an empty cache (CI) starts from the file's `sequence` (events/sequences.py)."""
    if previous is None:
        return event.sequence
    before = front_values(previous)
    try:
        had = int(before.get("sequence", "0"))
    except ValueError:
        had = 0
    changed = any(before.get(key) != event.front.get(key) for key in SIGNIFICANT)
    return max(event.sequence, had + 1 if changed else had)


def import_calendar(args, destination, settings) -> list[str]:
    """Write the feed's events into ``destination``; the notes for the editor (report() prints them)."""
    calendar = parse_feed(read_feed(args.feed), args.feed)
    notes: list[str] = []
    groups = grouped_events(calendar, notes)
    if not groups:
        raise ImportFailed(f"{args.feed} holds no events: nothing was written")
    events_path = settings["EVENTS_PATH"]
    folder = EventFolder(destination, events_path)

    def shown(relpath: str) -> str:  # as report() names the files it wrote
        return os.path.relpath(destination.inside(relpath), settings["KIT_ROOT"])

    planned = [event for uid, (master, overrides) in groups.items() for event in series_files(uid, master, overrides)]
    # the names of files written before first, so that a new event never takes one
    placed = {event.uid: (destination.written_by_import(event.uid) or [None])[0] for event in planned}
    for event in planned:
        relpath = placed[event.uid] or folder.new_name(event)
        previous = _read(destination.inside(relpath)) if destination.exists(relpath) else None
        written = destination.write(relpath, event.text(next_sequence(event, previous)), source=event.uid)
        if written is not None:
            notes.extend(f"{shown(relpath)}: {note}" for note in event.notes)
    gone = gone_from_feed(destination, folder, {event.uid for event in planned})
    notes.extend(f"{shown(relpath)}: {note}" for relpath, note in gone)
    return notes


def gone_from_feed(destination, folder: EventFolder, uids: set[str]) -> list[tuple[str, str]]:
    """Each event an import wrote that this feed no longer holds: named, never deleted (people may
    have it in their calendars; a cancelled event says so to them)."""
    gone = []
    for relpath in folder.files:
        uid_text = front_values(_read(destination.inside(relpath)) or "").get("uid")
        try:
            uid = json.loads(uid_text) if uid_text else None
        except ValueError:
            continue
        if isinstance(uid, str) and uid not in uids and relpath in destination.written_by_import(uid):
            gone.append(
                (
                    relpath,
                    f"this event (`{uid}`) is not in the feed any more (or came from another feed): it was "
                    "kept. If it is off, add `status: cancelled` rather than deleting it, so subscribers hear of it.",
                )
            )
    return gone
