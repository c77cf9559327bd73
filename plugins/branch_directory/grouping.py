"""Group directory entries: nations in a fixed order, then regions; networks apart."""

from __future__ import annotations

from dataclasses import dataclass, field

from content_schema.fields import place_slug

NATION_ORDER = ("England", "Scotland", "Wales", "Northern Ireland")


@dataclass
class RegionGroup:
    name: str | None  # None: branches of a nation that has no regions
    slug: str | None
    url: str | None  # the region's own page, if it has one
    branches: list[dict] = field(default_factory=list)


@dataclass
class NationGroup:
    name: str
    slug: str
    url: str
    regions: list[RegionGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(r.branches) for r in self.regions)

    @property
    def has_regions(self) -> bool:
        return any(r.name for r in self.regions)


def group_branches(entries: list[dict], settings: dict) -> tuple[list[NationGroup], list[dict]]:
    """(nations with their regions, network branches); branches sorted by name within each group."""
    by_name = sorted(entries, key=lambda b: (b["name"].casefold(), b["slug"]))
    networks = [b for b in by_name if b["kind"] == "network"]
    nations = []
    for nation in NATION_ORDER:
        local = [b for b in by_name if b["kind"] == "local" and b["nation"] == nation]
        if not local:
            continue
        nation_slug = place_slug(nation)
        # one group per address: "Highlands" and "highlands" share a page rather than overwrite it
        regions: dict = {}
        names: dict = {}
        for branch in local:
            slug = place_slug(branch["region"]) if branch.get("region") else None
            regions.setdefault(slug, []).append(branch)
            names.setdefault(slug, branch.get("region"))
        ordered = sorted(regions.items(), key=lambda item: (item[0] is None, (names[item[0]] or "").casefold()))
        groups = []
        for slug, items in ordered:
            url = settings["BRANCH_DIRECTORY_REGION_URL"].format(nation=nation_slug, region=slug) if slug else None
            groups.append(RegionGroup(names[slug], slug, url, items))
        url = settings["BRANCH_DIRECTORY_NATION_URL"].format(nation=nation_slug)
        nations.append(NationGroup(nation, nation_slug, url, groups))
    return nations, networks
