"""The national home page's events: the next few of each nation, and for the reader's postcode the
events of the branches near it.

The page holds a fixed number of events whatever the number of branches: HOME_NATION_EVENTS for the
party's own and UK-wide events, and as many for each nation (EVENTS_NATIONS). A reader who gave the
branch finder their postcode (reader-postcode.js keeps it in their browser) gets, through
home-events.js, the events of the branches of their postcode area first: one small file per
postcode area (HOME_NEAR_EVENTS_SAVE_AS), each with that area's local branches, the districts each
covers and its next HOME_NEAR_EVENTS events, fetched only for that reader's area.
"""

from __future__ import annotations

import json
from collections import Counter

from branch_subsites.postcodes import area_of

from .export import STATUS_MEANING
from .wording import event_date

UK_WIDE = "Across the UK"


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


def _event(item: dict) -> dict:
    return {
        "title": item["title"],
        "url": item["url"],
        "start": item["start"],
        "when": event_date(item["starts"], item["timezone"], item["all_day"]),
        "place": item["place"],
        "online": item["online"],
        "status": STATUS_MEANING[item["status"]] if item["status"] != "scheduled" else "",
    }


def near_files(branches: list[dict], results: dict, settings: dict) -> dict[str, bytes]:
    """{postcode area: the JSON of its local branches and their next events}, one file per area that
    a branch covers. Each branch's ``upcoming`` (its exports) is sorted, with ``starts`` filled in."""
    limit = settings["HOME_NEAR_EVENTS"]
    areas: dict[str, list[dict]] = {}
    for branch in branches:
        if branch["kind"] != "local" or not branch["areas"]:
            continue
        result = results.get(branch["slug"])
        exported = result.exports.events if result is not None else None
        events = [_event(item) for item in (exported.upcoming if exported else [])[:limit]]
        entry = {
            "name": branch["display_name"],
            "url": f"{branch['url']}/",
            "nation": branch["nation"],
            "districts": sorted(branch["areas"]),
            "events": events,
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
