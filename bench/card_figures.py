"""Bytes and time per share card, drawn by the kit's own code (responsive_images.cards.draw_card).

    PYTHONPATH=plugins .venv/bin/python -m bench.card_figures [--cards 200] [--sites 4] [--seed 1]

Draws ``--cards`` cards in one fresh process, as a build does on a cold cache: the sites one after
another (each its own name and promoter, so its frame is drawn once), every card a seeded title of
2 to 14 words, a third of them an event's with its date and time, on the kit theme's colours. The
time is that of draw_card (drawing and PNG encoding), fonts loaded and frames drawn included,
divided by the cards: wall time, and the process's CPU time (steadier on a busy machine); then the
same cards again, warm. The same arguments give the same cards, byte for byte.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(KIT_ROOT / "plugins"))

from responsive_images.cards import CardText, draw_card, theme_colours  # noqa: E402
from responsive_images.config import image_settings  # noqa: E402

NATIONAL_CARDS = 36_456  # 650 branches and the main site, as bench.run builds them (issue 23)
VOCABULARY = (
    "council budget buses back on the route town hall meeting new library plans vote for local "
    "school funding park clean up volunteers needed our candidate canvassing this weekend housing "
    "green spaces hospital parking charges road repairs potholes fixed petition signed by residents "
    "street lights community centre saved campaign wins climate action plan recycling bins cycle lanes "
    "high street shops market square youth club reopens flood defences river walk annual general"
)
WHEN = (
    "Tuesday 12 January 2027, 7pm to 9pm GMT",
    "Saturday 6 March 2027, 10am to 1pm GMT",
    "Cancelled: Thursday 15 April 2027, 6:30pm to 8pm BST",
    "Sunday 31 October 2027, 12:30am BST to Sunday 31 October 2027, 3:30am GMT",
)


def cards(count: int, sites: int, seed: int) -> list[CardText]:
    rng = random.Random(seed)
    words = VOCABULARY.split()
    made = []
    for site in range(sites):
        town = rng.choice(["Alphaton", "Burleyford", "Stanmere Vale", "Hamthorpe and Dunwick"])
        top = f"{town} branch {site + 1}"
        imprint = (
            f"Promoted by {rng.choice(['Alex Agent', 'Morag Ellison', 'Sam Okonjo-Whitfield'])} on behalf of "
            f"The Test Party, both at {rng.randint(1, 120)} Station Road, {town} S{rng.randint(1, 40)} 4BY."
        )
        for _ in range(count // sites + (site < count % sites)):
            title = " ".join(rng.choice(words) for _ in range(rng.randint(2, 14))).capitalize()
            when = rng.choice(WHEN) if rng.random() < 1 / 3 else ""
            made.append(CardText(top, title, "The Test Party", imprint, when))
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=200)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    config = image_settings({})
    colours = theme_colours(str(KIT_ROOT / "theme"), config.card_stylesheet, config.card_colours)
    texts = cards(args.cards, args.sites, args.seed)
    sizes, wall, cpu, digest = [], [], [], hashlib.sha256()
    for text in texts:  # cold: fonts loaded, glyphs rendered and each site's frame drawn on the way
        started, used = time.perf_counter(), time.process_time()
        data = draw_card(text, colours)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
        sizes.append(len(data))
        digest.update(data)
    started, used = time.perf_counter(), time.process_time()
    for text in texts:  # warm: each further card of a site
        draw_card(text, colours)
    warm_wall, warm_cpu = (time.perf_counter() - started) / len(texts), (time.process_time() - used) / len(texts)
    mean_bytes = statistics.fmean(sizes)
    print(f"cards: {len(texts)} ({args.sites} sites, seed {args.seed}), colours {colours}")
    print(f"bytes per card: mean {mean_bytes:,.0f}, min {min(sizes):,}, max {max(sizes):,}")
    print(
        f"ms per card (draw + encode): mean {statistics.fmean(wall) * 1000:.2f}, "
        f"median {statistics.median(wall) * 1000:.2f}, max {max(wall) * 1000:.2f}; "
        f"CPU mean {statistics.fmean(cpu) * 1000:.2f}"
    )
    print(f"ms per card drawn again (the same, warm): mean {warm_wall * 1000:.2f}; CPU mean {warm_cpu * 1000:.2f}")
    print(f"at {NATIONAL_CARDS:,} cards: {mean_bytes * NATIONAL_CARDS / 1e6:,.0f} MB")
    print(f"sha256 of every card's bytes: {digest.hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
