"""Picture budget: the bytes of each home page's hero picture as Chromium chooses it, per screen.

    python -m bench.picture_budget OUTPUT

Budget (issue 20): on a 360 px phone, at one and two device pixels per CSS pixel, the hero picture
of the national home page and of a branch's home page is under 100 KB. The page's other pictures
that Chromium loads on opening (lazy ones below the first screen are not) are reported beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.local_browser import chromium, serving
from bench.report_cli import run_report

HERO_BUDGET_KB = 100
HERO = ".kit-home-hero__picture img"
# page type -> path of an example in the demo
PAGES = {"national home": "", "branch home": "branches/sheffield/"}
# (width, height, device pixel ratio); the budget holds at 360 px
SCREENS = [(360, 800, 1), (360, 800, 2), (1280, 800, 1)]
BUDGET_WIDTH = 360

LOADED_PICTURES = """() => performance.getEntriesByType("resource")
  .filter(e => e.initiatorType === "img")
  .map(e => new URL(e.name).pathname)"""


@dataclass
class HeroPicture:
    page: str
    width: int
    ratio: int
    chosen: str
    size: int
    pictures_loaded: int

    @property
    def over(self) -> bool:
        return self.width == BUDGET_WIDTH and self.size > HERO_BUDGET_KB * 1024


def _size(output: Path, url_path: str) -> int:
    return (output / url_path.lstrip("/")).stat().st_size


def measure(output: Path) -> list[HeroPicture]:
    """Every home page on every screen, in a Chromium of its own over ``output`` served on 127.0.0.1."""
    with serving(output) as base, chromium() as browser:
        return measure_in(browser, base, output)


def measure_in(browser, base: str, output: Path) -> list[HeroPicture]:
    """Every home page on every screen, in ``browser`` (Playwright's) with ``output`` served at ``base``."""
    rows = []
    for width, height, ratio in SCREENS:
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=ratio)
        for name, path in PAGES.items():
            page = context.new_page()
            page.goto(f"{base}/{path}", wait_until="load")
            hero = page.locator(HERO).first
            hero.evaluate("img => img.decode()")
            chosen = urlsplit(hero.evaluate("img => img.currentSrc")).path
            loaded = sorted(set(page.evaluate(LOADED_PICTURES)))
            total = sum(_size(output, p) for p in loaded)
            rows.append(HeroPicture(name, width, ratio, chosen, _size(output, chosen), total))
            page.close()
        context.close()
    return rows


def report(output: Path) -> bool:
    rows = measure(output)
    print(f"Hero pictures as Chromium chooses them (budget {HERO_BUDGET_KB} KB at {BUDGET_WIDTH} px):")
    print(f"  {'page type':<15} {'screen':>10} {'hero KB':>8} {'all loaded KB':>14}  chosen")
    for row in rows:
        screen = f"{row.width}@{row.ratio}x"
        print(
            f"  {row.page:<15} {screen:>10} {row.size / 1024:>8.1f} {row.pictures_loaded / 1024:>14.1f}"
            f"  {row.chosen}{'  OVER' if row.over else ''}"
        )
    return not any(row.over for row in rows)


def main(argv=None) -> None:
    run_report(__doc__, report, argv)


if __name__ == "__main__":
    main()
