"""branches.json and branches.opml: the directory for programs and feed readers.

branches.json follows docs/schemas/branches-v1.schema.json (documented in docs/branches-json.md).
A change that removes or renames a key raises ``SCHEMA_VERSION``; adding keys does not.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

SCHEMA_VERSION = 1
NEXT_EVENT_KEYS = ("title", "url", "start", "end", "all_day", "timezone", "status", "place", "online")


def branches_json(entries: list[dict], *, site_name: str, site_url: str) -> bytes:
    data = {
        "version": SCHEMA_VERSION,
        "site": {"name": site_name, "url": f"{site_url}/"},
        "branches": [_branch(e) for e in sorted(entries, key=lambda e: e["slug"])],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _branch(entry: dict) -> dict:
    next_event = entry.get("next_event")
    return {
        "slug": entry["slug"],
        "name": entry["name"],
        "display_name": entry["display_name"],
        "kind": entry["kind"],
        "nation": entry["nation"],
        "region": entry["region"],
        "areas": list(entry["areas"]),
        "description": entry["description"],
        "meets": entry["meets"],
        "contact": entry["contact"],
        "urls": {"site": f"{entry['url']}/", "feed": entry["feed_url"], "calendar": entry["calendar_url"]},
        "channels": [{"type": c["type"], "label": c["label"], "url": c["url"]} for c in entry["channels"]],
        "next_event": {key: next_event[key] for key in NEXT_EVENT_KEYS} if next_event else None,
    }


def branches_opml(entries: list[dict], *, site_name: str, site_url: str) -> bytes:
    """OPML 2.0: every branch's news feed, and every branch's calendar, for feed readers."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = f"{site_name}: every branch"
    ET.SubElement(head, "ownerName").text = site_name
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    body = ET.SubElement(root, "body")
    ordered = sorted(entries, key=lambda e: (e["display_name"].casefold(), e["slug"]))
    feeds = ET.SubElement(body, "outline", text="Branch news")
    for entry in ordered:
        ET.SubElement(
            feeds,
            "outline",
            type="rss",
            text=entry["display_name"],
            title=entry["display_name"],
            xmlUrl=entry["feed_url"],
            htmlUrl=f"{entry['url']}/",
        )
    calendars = ET.SubElement(body, "outline", text="Branch events (iCalendar)")
    for entry in ordered:
        ET.SubElement(
            calendars, "outline", type="link", text=f"{entry['display_name']} events", url=entry["calendar_url"]
        )
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
