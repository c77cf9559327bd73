"""A seeded synthetic national site: a main site and N branches of Markdown, like real ones.

    python -m bench.synthetic_site DEST [--branches 650] [--news 30] [--events 20] [--pages 5] [--seed 1]

Same arguments, same files, byte for byte. Words follow a Zipf distribution over a made-up
vocabulary, so indexes and pages have realistic sizes; towns, postcode districts, nations and
regions are spread as in the UK (about 82% of branches in England).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
from pathlib import Path

from branch_subsites.branch_config import ENGLISH_REGIONS

SYLLABLES = [
    "ash",
    "bur",
    "ton",
    "ley",
    "ham",
    "wick",
    "ford",
    "by",
    "thorpe",
    "stead",
    "well",
    "brook",
    "dale",
    "field",
    "mere",
    "holt",
    "cot",
    "stan",
    "den",
    "ing",
]
AREAS = [
    "AB",
    "B",
    "BA",
    "BD",
    "BH",
    "BL",
    "BN",
    "BS",
    "CB",
    "CF",
    "CO",
    "CV",
    "DE",
    "DN",
    "EH",
    "EX",
    "G",
    "GL",
    "HU",
    "IP",
    "KA",
    "LE",
    "LL",
    "LN",
    "LS",
    "M",
    "ME",
    "NE",
    "NG",
    "NP",
    "NR",
    "OX",
    "PE",
    "PL",
    "PO",
    "RG",
    "S",
    "SA",
    "SE",
    "SN",
    "SO",
    "ST",
    "SY",
    "TN",
    "TR",
    "WA",
    "YO",
    "BT",
]
NATIONS = [("England", 533), ("Scotland", 59), ("Wales", 40), ("Northern Ireland", 18)]
NATION_AREAS = {"Scotland": ["EH", "G", "KA"], "Wales": ["CF", "LL", "NP", "SA"], "Northern Ireland": ["BT"]}
START = dt.date(2026, 6, 1)  # posts run up to here; events from here on (bench sets "now" to 2027-01-01)


class Words:
    def __init__(self, rng: random.Random, size: int = 4000):
        combos = ["".join(p) for p in itertools.product(SYLLABLES, repeat=2)]
        combos += ["".join(p) for p in itertools.product(SYLLABLES, repeat=3)]
        rng.shuffle(combos)
        self.vocabulary = combos[:size]
        self.towns = [w.capitalize() for w in combos[size : size + 2000]]
        self.cum_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.vocabulary))))
        self.rng = rng

    def some(self, count: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=count)

    def sentence(self, count: int) -> str:
        words = self.some(count)
        return " ".join(words).capitalize() + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence(self.rng.randint(8, 18)) for _ in range(sentences))

    def title(self) -> str:
        return " ".join(self.some(self.rng.randint(3, 6))).capitalize()


def _slug(text: str) -> str:
    return "-".join(text.lower().split())[:50].strip("-")


def write_site(
    folder: Path, words: Words, rng: random.Random, *, news: int, events: int, pages: int, name: str
) -> None:
    for kind in ("news", "pages", "events", "images"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
    for number in range(news):
        day = START - dt.timedelta(days=number * 5 + rng.randint(0, 4))
        title = words.title()
        tags = sorted(set(words.some(2)))
        body = "\n\n".join(words.paragraph(rng.randint(3, 6)) for _ in range(rng.randint(3, 6)))
        (folder / "news" / f"{day:%Y-%m-%d}-{number:02d}-{_slug(title)}.md").write_text(
            f"---\ntitle: {title}\ndate: {day:%Y-%m-%d} 18:30\nsummary: {words.sentence(14)}\n"
            f"tags: [{', '.join(tags)}]\n---\n{body}\n## {words.title()}\n\n{words.paragraph(4)}\n",
            encoding="utf-8",
        )
    for number in range(pages):
        title = words.title()
        body = "\n\n".join(words.paragraph(rng.randint(3, 6)) for _ in range(rng.randint(4, 8)))
        order = f"order: {number + 1}\n" if number < 3 else ""
        (folder / "pages" / f"page-{number:02d}-{_slug(title)}.md").write_text(
            f"---\ntitle: {title}\n{order}---\n{body}\n", encoding="utf-8"
        )
    for number in range(events):
        day = dt.date(2027, 1, 1) + dt.timedelta(days=rng.randint(-90, 300))
        hour = rng.choice([10, 11, 14, 18, 19])
        title = words.title()
        repeat = "repeat: FREQ=MONTHLY;BYDAY=2TU;COUNT=12\n" if number % 5 == 0 else ""
        if repeat:
            day = dt.date(2026, 10, 13)
        status = "status: cancelled\n" if number % 17 == 16 else ""
        (folder / "events" / f"{day:%Y-%m-%d}-{number:02d}-{_slug(title)}.md").write_text(
            f"---\ntitle: {title}\nstart: {day:%Y-%m-%d} {hour}:00\nduration: 2h\n"
            f"location: {words.title()} Hall, {name}\n{repeat}{status}tags: [{words.some(1)[0]}]\n"
            f"accessibility: [Step-free access, Accessible toilet]\n---\n{words.paragraph(3)}\n",
            encoding="utf-8",
        )


def branch_places(count: int, rng: random.Random):
    """(nation, region, areas) for ``count`` local branches, spread like the UK's constituencies."""
    total = sum(n for _, n in NATIONS)
    plan = []
    for nation, share in NATIONS:
        plan += [nation] * max(1, round(count * share / total))
    plan = (plan + ["England"] * count)[:count]
    counters: dict[str, int] = {}
    england_areas = [a for a in AREAS if not any(a in v for v in NATION_AREAS.values())]
    for index, nation in enumerate(plan):
        areas = NATION_AREAS.get(nation, england_areas)
        area = areas[index % len(areas)]
        counters[area] = counters.get(area, 0) + 1
        first = counters[area] * 2 - 1
        districts = [f"{area}{first}", f"{area}{first + 1}"]
        region = ENGLISH_REGIONS[index % len(ENGLISH_REGIONS)] if nation == "England" else None
        yield nation, region, districts


def generate(dest: Path, *, branches: int, news: int, events: int, pages: int, seed: int) -> Path:
    rng = random.Random(seed)
    words = Words(rng)
    dest.mkdir(parents=True, exist_ok=True)
    write_site(dest / "content", words, rng, news=news, events=events, pages=pages, name="the national office")
    used = set()
    for index, (nation, region, districts) in enumerate(branch_places(branches, rng)):
        town = words.towns[index % len(words.towns)]
        if index >= len(words.towns):  # two branches may not share a name
            town = f"{town} {index // len(words.towns) + 1}"
        slug = f"{_slug(town)}-{index:03d}"
        while slug in used:
            slug += "x"
        used.add(slug)
        folder = dest / "branches" / slug
        write_site(folder, words, rng, news=news, events=events, pages=pages, name=town)
        region_line = f"region: {region}\n" if region else ""
        (folder / "branch.yaml").write_text(
            f"name: {town}\nkind: local\nnation: {nation}\n{region_line}areas: [{', '.join(districts)}]\n"
            f"contact: {slug}@example.org\ndescription: {words.sentence(16)}\n"
            f"meets: Second Tuesday, 7pm, {words.title()} Hall\n"
            f"channels:\n  - type: signal\n    url: https://signal.example.org/{slug}\n"
            f"    label: {town} Signal group\neditors: [editor-{index:03d}]\n",
            encoding="utf-8",
        )
    return dest


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--branches", type=int, default=650)
    parser.add_argument("--news", type=int, default=30)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.dest, branches=args.branches, news=args.news, events=args.events, pages=args.pages, seed=args.seed)


if __name__ == "__main__":
    main()
