"""The finder's data: which local branches cover each postcode district, and what a reader needs to
go to one of them: when it meets, its next event, how to reach it, how to get involved.

Shape (version 3, documented in docs/branches-json.md):

    {"version": 3,
     "nations": {"England": "/branches/england/", ...},
     "places": [{"nation": "England", "region": "South West", "url": "/branches/england/south-west/"}, ...],
     "branches": [{"name": "Alphaton branch", "url": "/branches/alpha/", "place": 0, "email": "...",
                   "meets": "...", "meets_lang": "cy", "reach": "#branch-alpha",
                   "next": {"title": "...", "url": "events/...", "start": "2027-01-12T19:00:00+00:00",
                            "when": "Tue 12 Jan, 7pm"},
                   "steps": [{"label": "Volunteer with Alphaton branch", "url": "https://...",
                              "kind": "secondary"}, ...]}, ...],
     "districts": {"S1": [0, 4], ...},
     "steps": [{"label": "Join The Party", "url": "https://...", "kind": "primary"}, ...]}

A key with nothing to say is left out. ``meets`` is in the finder's ``language`` if the branch wrote it
in that language, else in the branch's own, named by ``meets_lang``. ``reach`` is the branch's entry
(its every channel) on its place's page; ``next.url`` is relative to the branch's own ``url``.
``steps`` are the next step's
links (calls_to_action.actions.next_steps: the words and addresses the theme's next_step macro
shows): the party's at the top, a branch's own only where they differ (its own `volunteer:` or
`newsletter:`). Each branch has one record of a fixed set of keys, each bounded by branch.yaml's
and front matter's own limits, and one event at most: the data grows with the number of branches
and of the districts they cover, never with their events, news or channels.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from calls_to_action.actions import Step
from events.wording import event_date
from front_matter.language_texts import shown_text
from front_matter.pairs import same_language

from .grouping import NationGroup

FINDER_VERSION = 3

Steps = Callable[[dict | None], tuple[Step, ...]]


def finder_json(nations: list[NationGroup], *, site_url: str, steps: Steps, language: str) -> bytes:
    """``nations`` as grouping.group_branches makes them; addresses start with ``site_url``;
    ``steps(entry)`` is the next step for a branch entry, ``steps(None)`` the party's; ``language`` is
    the language of the finder's page."""
    party_steps = [asdict(step) for step in steps(None)]
    places, branches, districts = [], [], {}
    for nation in nations:
        for region in nation.regions:
            page = f"{site_url}/{region.url or nation.url}"
            places.append({"nation": nation.name, "region": region.name, "url": page})
            for entry in region.branches:
                for district in entry["areas"]:
                    districts.setdefault(district, []).append(len(branches))
                record = _branch(entry, place=len(places) - 1, language=language)
                own_steps = [asdict(step) for step in steps(entry)]
                if own_steps != party_steps:
                    record["steps"] = own_steps
                branches.append(record)
    data = {
        "version": FINDER_VERSION,
        "nations": {nation.name: f"{site_url}/{nation.url}" for nation in nations},
        "places": places,
        "branches": branches,
        "districts": dict(sorted(districts.items())),
        "steps": party_steps,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _branch(entry: dict, *, place: int, language: str) -> dict:
    """One local branch; ``place`` is its place's index, whose page has the branch's every channel."""
    site = f"{entry['url']}/"
    record = {"name": entry["display_name"], "url": site, "place": place, "email": entry["contact"]}
    if entry.get("meets"):
        meets = shown_text(entry["meets"], language)
        record["meets"] = str(meets)
        lang = getattr(meets, "lang", None)
        if lang and not same_language(lang, language):
            record["meets_lang"] = lang
    if entry["channels"]:
        record["reach"] = f"#branch-{entry['slug']}"  # on the place's page
    event = entry.get("next_event")
    if event:
        record["next"] = {
            "title": event["title"],
            "url": event["url"].removeprefix(site),  # relative to the branch's site
            "start": event["start"],
            "when": event_date(event["starts"], event["timezone"], event["all_day"]),
        }
    return record
