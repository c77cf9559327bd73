"""Group branch entries for the directory: nations in a fixed order, then regions."""

from __future__ import annotations

from dataclasses import dataclass, field

NATION_ORDER = ("England", "Scotland", "Wales", "Northern Ireland")


@dataclass
class RegionGroup:
    name: str | None  # None: branches with no region
    branches: list[dict] = field(default_factory=list)


@dataclass
class NationGroup:
    name: str
    slug: str
    regions: list[RegionGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(r.branches) for r in self.regions)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")


def group_branches(branches: list[dict]) -> tuple[list[NationGroup], list[dict]]:
    """(nations with their regions, network branches); everything sorted by name."""
    by_name = sorted(branches, key=lambda b: (b["name"].casefold(), b["slug"]))
    networks = [b for b in by_name if b["kind"] == "network"]
    nations = []
    for nation in NATION_ORDER:
        local = [b for b in by_name if b["kind"] == "local" and b["nation"] == nation]
        if not local:
            continue
        regions: dict = {}
        for branch in local:
            regions.setdefault(branch.get("region"), []).append(branch)
        ordered = sorted(regions.items(), key=lambda item: (item[0] is None, (item[0] or "").casefold()))
        nations.append(NationGroup(nation, _slug(nation), [RegionGroup(name, items) for name, items in ordered]))
    return nations, networks
