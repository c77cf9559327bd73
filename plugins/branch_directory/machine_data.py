"""branches.json and the OPML files: the directory for programs, feed readers and calendar apps.

branches.json follows docs/schemas/branches-v1.schema.json (documented in docs/branches-json.md).
A change that removes or renames a key raises ``SCHEMA_VERSION``; adding keys does not.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

from front_matter.language_texts import LanguageTexts

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
        "description": _own(entry["description"]),
        "meets": _own(entry["meets"]),
        "texts": _texts(entry),
        "contact": entry["contact"],
        "urls": {"site": f"{entry['url']}/", "feed": entry["feed_url"], "calendar": entry["calendar_url"]},
        "channels": [{"type": c["type"], "label": c["label"], "url": c["url"]} for c in entry["channels"]],
        "next_event": {key: next_event[key] for key in NEXT_EVENT_KEYS} if next_event else None,
    }


def _own(value) -> str | None:
    """A branch.yaml text in the branch's own language (a text written per language: its first)."""
    return str(value) if value else None


def _texts(entry: dict) -> dict[str, dict[str, str]]:
    """``name``, ``description`` and ``meets`` in each language the branch wrote them in, its own first."""
    texts: dict[str, dict[str, str]] = {}
    for key in ("name", "description", "meets"):
        if isinstance(entry[key], LanguageTexts):
            for lang, text in entry[key].texts:
                texts.setdefault(lang, {})[key] = text
    return texts


def _opml(title: str, site_name: str) -> tuple[ET.Element, ET.Element]:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "ownerName").text = site_name
    ET.SubElement(head, "docs").text = "http://opml.org/spec2.opml"
    return root, ET.SubElement(root, "body")


def _opml_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _ordered(entries: list[dict]) -> list[dict]:
    return sorted(entries, key=lambda e: (e["display_name"].casefold(), e["slug"]))


def branches_opml(entries: list[dict], *, site_name: str, address: Callable[[str], str] = str) -> bytes:
    """OPML 2.0: every branch's news feed, for feed readers, and nothing else. Feed readers take
    an outline with type="rss" and xmlUrl for a feed and any other outline for a folder (Thunderbird
    makes one even for an outline with no children) or, with type="link" or "include", for another
    subscription list to fetch (listparser): a calendar here would be one or the other."""
    root, body = _opml(f"{site_name}: every branch's news", site_name)
    feeds = ET.SubElement(body, "outline", text="Branch news")
    for entry in _ordered(entries):
        ET.SubElement(
            feeds,
            "outline",
            type="rss",
            text=entry["display_name"],
            title=entry["display_name"],
            xmlUrl=address(entry["feed_url"]),
            htmlUrl=address(f"{entry['url']}/"),
        )
    return _opml_bytes(root)


def calendars_opml(entries: list[dict], *, site_name: str, address: Callable[[str], str] = str) -> bytes:
    """OPML 2.0: every branch's calendar. No outline has a type: "rss" would have feed readers
    subscribe to an .ics as if it were a feed, and "include" (or "link", which importers such as
    listparser read as "include") says the address is another OPML file to fetch. The calendar is
    in `url`, the branch's events page in `htmlUrl`."""
    root, body = _opml(f"{site_name}: every branch's calendar", site_name)
    calendars = ET.SubElement(body, "outline", text="Branch events (iCalendar)")
    for entry in _ordered(entries):
        ET.SubElement(
            calendars,
            "outline",
            text=f"{entry['display_name']} events",
            url=address(entry["calendar_url"]),
            htmlUrl=address(entry["events_url"]),
        )
    return _opml_bytes(root)
