"""One directory entry per branch: what it covers, when it meets, how to reach it, what is next."""

from __future__ import annotations

import datetime as dt

from branch_subsites.records import BranchExports
from events.export import branch_occurrences


def directory_entry(branch: dict, exports: BranchExports, settings: dict) -> dict:
    """``branch`` is a branch_subsites entry; ``exports`` what its build handed back."""
    site_url = branch["url"]
    labels = settings["BRANCH_CHANNEL_TYPES"]
    exported = exports.events.next if exports.events else None
    # at the branch's own address, named as the directory names the branch
    next_event = next(iter(branch_occurrences([exported] if exported else [], branch)), None)
    if next_event:
        next_event["starts"] = dt.datetime.fromisoformat(next_event["starts_at"])
    return {
        **branch,
        "channels": [
            {"type": c["type"], "type_label": labels.get(c["type"], c["type"]), "url": c["url"], "label": c["label"]}
            for c in branch["channels"]
        ],
        "feed_url": f"{site_url}/{settings['FEED_ALL_ATOM']}",
        "calendar_url": f"{site_url}/{settings['EVENTS_CALENDAR_SAVE_AS']}",
        "events_url": f"{site_url}/{settings['EVENTS_URL']}",
        "next_event": next_event,
    }
