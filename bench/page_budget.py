"""Page weight per page type: bytes over the wire (gzip -9) for HTML + CSS + JS, images apart.

    python -m bench.page_budget OUTPUT

Budgets (issue 9): article and event pages at most 30 KB, home pages at most 50 KB, the national
home page at most 30 KB (issue 20); no JavaScript on pages other than search, the branch finder,
the events lists (their postcode filter) and the national home page (its events narrowed to the
reader's postcode); at most three requests before first render (the HTML, then the stylesheets and
synchronous scripts in <head>; deferred and module scripts do not hold up the first render).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bench.report_cli import run_report

# page type -> (path of an example in the demo, budget in KB, JavaScript allowed)
PAGE_TYPES = {
    "national home": ("index.html", 30, True),
    "branch home": ("branches/sheffield/index.html", 50, False),
    "news list": ("news/index.html", 50, False),
    "news article": (None, 30, False),  # the newest national post
    "page": ("about/index.html", 30, False),
    "events list": ("events/index.html", 50, True),
    "nation events": ("events/england/index.html", 50, True),
    "month grid": ("events/2027/01/index.html", 50, False),
    "event (one-off)": ("events/2027-05-15-spring-conference/index.html", 30, False),
    "event (repeating)": ("branches/sheffield/events/2027-01-12-branch-meeting/index.html", 30, False),
    "event (cancelled)": ("branches/newcastle/events/2027-02-06-ouseburn-clean-up/index.html", 30, False),
    "branch directory": ("branches/index.html", 50, True),
    "region page": ("branches/england/yorkshire-and-the-humber/index.html", 50, False),
    "search": ("search/index.html", 50, True),
    "official channels": ("official/index.html", 50, False),
    "privacy notice": ("privacy/index.html", 30, False),
    "branch privacy notice": ("branches/sheffield/privacy/index.html", 30, False),
    "accessibility statement": ("accessibility/index.html", 30, False),
    "404": ("404.html", 30, False),
    # the bilingual branch: each kind of page in Welsh and in English, each with the language switch
    # (front_matter.pairs, events.pairs, language_lists)
    "Bangor home (Welsh)": ("branches/bangor-gwynedd/index.html", 50, False),
    "Bangor home (English)": ("branches/bangor-gwynedd/en/index.html", 50, False),
    "Bangor news list (Welsh)": ("branches/bangor-gwynedd/news/index.html", 50, False),
    "Bangor news list (English)": ("branches/bangor-gwynedd/en/news/index.html", 50, False),
    "Bangor article (Welsh)": ("branches/bangor-gwynedd/news/2026/arolwg-bysiau-bus-survey/index.html", 30, False),
    "Bangor article (English)": ("branches/bangor-gwynedd/news/2026/bus-survey/index.html", 30, False),
    "Bangor events list (Welsh)": ("branches/bangor-gwynedd/events/index.html", 50, False),
    "Bangor events list (English)": ("branches/bangor-gwynedd/en/events/index.html", 50, False),
    "Bangor event (Welsh)": (
        "branches/bangor-gwynedd/events/2027-01-13-cyfarfod-cangen-branch-meeting/index.html",
        30,
        False,
    ),
    "Bangor event (English)": ("branches/bangor-gwynedd/events/2027-01-13-branch-meeting/index.html", 30, False),
    "Bangor page (Welsh)": ("branches/bangor-gwynedd/about/index.html", 30, False),
    "Bangor page (English)": ("branches/bangor-gwynedd/en/about/index.html", 30, False),
    "Bangor search (Welsh)": ("branches/bangor-gwynedd/search/index.html", 50, True),
    "Bangor search (English)": ("branches/bangor-gwynedd/en/search/index.html", 50, True),
}
RENDER_REQUEST_LIMIT = 3


def newest_article(output: Path) -> str:
    years = sorted((output / "news").glob("[0-9][0-9][0-9][0-9]"))
    articles = sorted(p for p in years[-1].glob("*/index.html")) if years else []
    return articles[-1].relative_to(output).as_posix() if articles else "index.html"


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_head = True
        self.styles: list[str] = []
        self.scripts: list[tuple[str, bool]] = []  # (src, blocks first render)
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.in_head = False
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.styles.append(attributes["href"])
        if tag == "script":
            kind = attributes.get("type") or ""
            if "src" in attributes:
                blocking = self.in_head and "defer" not in attributes and "async" not in attributes and kind != "module"
                self.scripts.append((attributes["src"], blocking))
            elif kind not in ("application/ld+json", "application/json"):  # data blocks: nothing runs
                self.inline_scripts += 1


IMPORT = re.compile(r"""^\s*import\s[^"']*["']([^"']+)["']""", re.M)


@dataclass
class PageWeight:
    name: str
    path: str
    html: int = 0
    css: int = 0
    js: int = 0
    render_requests: int = 1
    js_files: list[str] = field(default_factory=list)
    inline_scripts: int = 0

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _local(output: Path, page_url: str, src: str) -> Path:
    path = urlsplit(urljoin(page_url, src)).path
    return output / path.lstrip("/")


def _module_graph(output: Path, url: str, seen: set[str]) -> None:
    """A module script and what it imports, each once."""
    if url in seen:
        return
    seen.add(url)
    text = _local(output, "/", url).read_text(encoding="utf-8")
    for spec in IMPORT.findall(text):
        _module_graph(output, urljoin(url, spec), seen)


def weigh(output: Path, name: str, path: str) -> PageWeight:
    page_url = "/" + path.removesuffix("index.html")
    raw = (output / path).read_bytes()
    parser = _Assets()
    parser.feed(raw.decode("utf-8"))
    weight = PageWeight(name, path, html=_gz(raw), inline_scripts=parser.inline_scripts)
    for href in parser.styles:
        weight.css += _gz(_local(output, page_url, href).read_bytes())
        weight.render_requests += 1
    scripts: set[str] = set()
    for src, blocking in parser.scripts:
        _module_graph(output, urlsplit(urljoin(page_url, src)).path, scripts)
        weight.render_requests += blocking
    for url in sorted(scripts):
        weight.js += _gz(_local(output, "/", url).read_bytes())
        weight.js_files.append(url)
    return weight


def measure(output: Path) -> list[tuple[PageWeight, int, bool]]:
    rows = []
    for name, (path, budget, js_allowed) in PAGE_TYPES.items():
        rows.append((weigh(output, name, path or newest_article(output)), budget, js_allowed))
    return rows


def problems(rows) -> list[str]:
    found = []
    for weight, budget, js_allowed in rows:
        if weight.total > budget * 1024:
            found.append(f"{weight.name}: {weight.total / 1024:.1f} KB, over {budget} KB")
        if weight.js_files and not js_allowed:
            found.append(f"{weight.name}: loads JavaScript {weight.js_files}")
        if weight.inline_scripts:
            found.append(f"{weight.name}: {weight.inline_scripts} inline script(s)")
        if weight.render_requests > RENDER_REQUEST_LIMIT:
            found.append(f"{weight.name}: {weight.render_requests} requests before first render")
    return found


def report(output: Path) -> bool:
    rows = measure(output)
    print("Page weight, gzip -9 (HTML + CSS + JS; images apart):")
    print(f"  {'page type':<20} {'HTML':>7} {'CSS':>7} {'JS':>7} {'total KB':>9} {'budget':>7} {'before render':>14}")
    for weight, budget, _ in rows:
        print(
            f"  {weight.name:<20} {weight.html / 1024:>7.1f} {weight.css / 1024:>7.1f} {weight.js / 1024:>7.1f}"
            f" {weight.total / 1024:>9.1f} {budget:>7} {weight.render_requests:>9} req"
        )
    found = problems(rows)
    for line in found:
        print(f"  OVER: {line}")
    return not found


def main(argv=None) -> None:
    run_report(__doc__, report, argv)


if __name__ == "__main__":
    main()
