"""The national home page's events: the next few of each nation, and for the reader's postcode the
events of the branches near it.

The page holds a fixed number of events whatever the number of branches: HOME_NATION_EVENTS for the
party's own and UK-wide events, and as many for each nation (EVENTS_NATIONS). A reader who asked
this browser to remember their postcode (reader-postcode.js) gets, through home-events.js, the
next HOME_NEAR_EVENTS events of each branch of their postcode area first. They come from one file
per postcode area (HOME_NEAR_EVENTS_SAVE_AS), with that area's local branches, the districts each
covers and every event of each that the lists of many branches hold (the next EVENTS_NATION_DAYS
days), fetched only for the reader's area: the events lists' postcode filter (events-filter.js)
reads the same file to find a branch's events on every page of a list, not only the one shown.
"""

from __future__ import annotations

import json
from collections import Counter

from branch_subsites.postcodes import area_of
from content_schema.fields import place_slug
from interface_language import N_

from .listing import ListedEvent

UK_WIDE = N_("Across the UK")  # a heading: the templates translate it


def nation_groups(upcoming: list[dict], nations: list[dict], settings: dict) -> list[dict]:
    """The home page's events by nation: first the party's own and UK-wide ones (those with no
    nation), then each nation's, the soonest ``HOME_NATION_EVENTS`` of each. ``upcoming`` is sorted."""
    limit = settings["HOME_NATION_EVENTS"]
    groups = [{"name": UK_WIDE, "slug": "uk", "nation": None, "url": settings["EVENTS_URL"]}]
    groups += [{"name": n["name"], "slug": n["slug"], "nation": n["name"], "url": n["url"]} for n in nations]
    for group in groups:
        found = [item for item in upcoming if item["nation"] == group["nation"]]
        group["events"] = found[:limit]
        group["more"] = len(found) > limit
    return groups


def _near_event(event: ListedEvent) -> dict:
    """One event as the scripts show it, its place by the one rule (listed_place): "Online" once."""
    where = event.where
    return {
        "title": event.list_title,
        "url": event.href,
        "start": event.start,
        "when": event.when,
        "place": where.venue,
        "online": where.online,
        "status": event.status_label if event.status != "scheduled" else "",
        "status_code": event.status,
    }


def near_files(branches: list[dict], listed: dict[str, list[ListedEvent]]) -> dict[str, bytes]:
    """{postcode area: the JSON of its local branches and their events}, one file per area that a
    branch covers. ``listed`` is each branch's events as the lists hold them (by slug), soonest first."""
    areas: dict[str, list[dict]] = {}
    for branch in branches:
        if branch["kind"] != "local" or not branch["areas"]:
            continue
        region = branch.get("region")
        entry = {
            "name": branch["display_name"],
            "url": f"{branch['url']}/",
            "nation": branch["nation"],
            "region": place_slug(region) if region else None,  # as a region's list names it
            "districts": sorted(branch["areas"]),
            "events": [_near_event(event) for event in listed.get(branch["slug"], [])],
        }
        for area in sorted({area_of(d) for d in branch["areas"]}):
            areas.setdefault(area, []).append(entry)
    files = {}
    for area, entries in sorted(areas.items()):
        entries.sort(key=lambda e: (e["name"].casefold(), e["url"]))
        nation = Counter(e["nation"] for e in entries).most_common(1)[0][0]
        data = {"version": 1, "area": area, "nation": nation, "branches": entries}
        files[area] = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return files


MEETING_TAGS = frozenset({"meeting", "meetings"})


def next_meeting(upcoming_pages: list):
    """A site's next meeting, for its home page: the next date going ahead of an event tagged
    `meetings` (or `meeting`); where none is tagged so, the next date of a repeating event. None
    when there is neither (the home page then shows branch.yaml's `meets` alone)."""
    going_ahead = [p for p in upcoming_pages if p.occurrence.series.status != "cancelled"]
    tagged = [p for p in going_ahead if MEETING_TAGS & {t.casefold() for t in p.occurrence.series.tags}]
    if tagged:
        return tagged[0]
    return next((p for p in going_ahead if p.occurrence.series.repeat), None)
