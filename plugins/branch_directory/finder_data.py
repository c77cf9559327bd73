"""The finder's data: which branches cover each postcode district, as small as it can be.

Shape (version 1): {"version": 1, "branches": [[name, url], ...], "districts": {"S1": [0, 4], ...}}.
It grows with the districts covered (at most the UK's ~3,000), not with anything else a branch has.
"""

from __future__ import annotations

import json


def finder_json(entries: list[dict]) -> bytes:
    local = sorted((e for e in entries if e["kind"] == "local"), key=lambda e: (e["name"].casefold(), e["slug"]))
    districts: dict[str, list[int]] = {}
    for index, entry in enumerate(local):
        for district in entry["areas"]:
            districts.setdefault(district, []).append(index)
    data = {
        "version": 1,
        "branches": [[e["display_name"], f"{e['url']}/"] for e in local],
        "districts": dict(sorted(districts.items())),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
