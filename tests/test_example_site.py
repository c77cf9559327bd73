"""The demo party's site at the root of the repository, built end to end with its own settings,
as `make html` (pelicanconf.py) and `make publish` (publishconf.py) build it. The kit's other tests
build from the kit's defaults and their own fixtures, so that a party can run them on its site.

Its pages are the kit's widest sample of page types: each (bench/page_budget.py's) is judged in
Chromium at a phone width and a desktop width (WCAG 2.2 AA with axe-core, nothing from another
origin, no console errors, the keyboard, no JavaScript), every page by the Nu checker, and against
the weight budget. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import describe_violations
from icalendar import Calendar
from pelican.settings import read_settings
from test_event_structured_data import event_pages, google_problems, json_ld
from test_imprints import imprints_in

from bench import picture_budget
from bench.calendar_agreement import compare_output
from bench.page_budget import PAGE_TYPES, measure, newest_article, problems
from interface_language.catalogs import translations
from kit_settings.declared_settings import declarations
from kit_testing import (
    EXAMPLE_PUBLISH_SETTINGS_FILE,
    EXAMPLE_SETTINGS_FILE,
    KIT_ROOT,
    broken_links,
    build_example_site,
)

NOW = "1798761600"  # 2027-01-01 00:00 UTC
UNTIL = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # three years on: repeating events with no end stop here
SITEURL = "https://hedgerow.example"


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> Path:
    """The demo built as `make html` builds it, with "now" fixed at 2027-01-01 (its caches in a
    folder of the test's)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", NOW)
    tmp = tmp_path_factory.mktemp("demo")
    try:
        yield build_example_site(
            OUTPUT_PATH=str(tmp / "output"),
            CACHE_PATH=str(tmp / "cache-main"),
            BRANCH_CACHE_PATH=str(tmp / "cache-branches"),
        )
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The demo published as `make publish` builds it (its caches in a folder of the test's)."""
    tmp = tmp_path_factory.mktemp("demo-published")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", NOW)
    mp.delenv("SITEURL", raising=False)  # publishconf.py's own address
    try:
        yield build_example_site(
            EXAMPLE_PUBLISH_SETTINGS_FILE,
            OUTPUT_PATH=str(tmp / "output"),
            CACHE_PATH=str(tmp / "cache-main"),
            BRANCH_CACHE_PATH=str(tmp / "cache-branches"),
        )
    finally:
        mp.undo()


# ---- its settings: the party's own values over the kit's ---------------------------------------


def test_the_demo_sites_settings_file_holds_no_kit_default():
    """pelicanconf.py sets a kit setting only where the party wants something else."""
    values = read_settings(str(EXAMPLE_SETTINGS_FILE))
    declared, _ = declarations(values["PLUGINS"])
    names = {line.split("=")[0].strip() for line in EXAMPLE_SETTINGS_FILE.read_text().splitlines() if "=" in line}
    set_here = [(name, setting) for name, (_, setting) in declared.items() if name in names]
    assert len(set_here) >= 8  # the party's domains, accounts, contacts, reviewers, calendar domain, time zone
    for name, setting in set_here:
        default = setting.default_from(values) if setting.default_from else setting.default
        assert default != values[name], f"{name} in pelicanconf.py is the kit's default: leave it out"


def test_the_demo_sites_settings_file_is_thin():
    text = EXAMPLE_SETTINGS_FILE.read_text()
    assert "from branchsites.site_settings import *" in text
    values = [line for line in text.splitlines() if re.match(r"[A-Z_]+ =", line)]
    # the imprint, privacy notice and accessibility statement (issue 19) need the party's own facts,
    # none with a kit default (the test above): the rest stays within the count it had before them
    notices = ("IMPRINT_", "PRIVACY_", "ACCESSIBILITY_")
    assert len([line for line in values if not line.startswith(notices)]) <= 20, values
    for kit_value in ("PLUGINS", "PLUGIN_PATHS", "THEME", "MARKDOWN", "JINJA_ENVIRONMENT", "ARTICLE_URL", "PATH"):
        assert not any(line.startswith(f"{kit_value} =") for line in values), kit_value


# ---- `make html` -----------------------------------------------------------------------------------


def test_demo_has_at_least_eight_branches_in_all_four_nations(demo_site):
    homes = sorted(p.parent.parent.name for p in (demo_site / "branches").glob("*/feeds/all.atom.xml"))
    assert len(homes) >= 8
    directory = (demo_site / "branches" / "index.html").read_text()
    for nation in ("England", "Scotland", "Wales", "Northern Ireland"):
        assert f">{nation}</a></h2>" in directory
    assert 'id="networks"' in directory


def test_demo_pages_carry_the_partys_name_and_the_kits_theme_alone(demo_site):
    home = (demo_site / "index.html").read_text()
    assert "<title>The Hedgerow Party</title>" in home and "Rooted in every neighbourhood" in home
    # the demo's theme/ is the kit's theme itself: no overrides, no party stylesheet
    assert 'href="/theme/css/site.css"' in home and "party.css" not in home
    assert not (demo_site / "theme/css/party.css").exists()
    assert (demo_site / "theme/lunr.min.js").is_file()  # from the site's node_modules/
    branch = (demo_site / "branches/bristol/index.html").read_text()
    assert "· The Hedgerow Party</title>" in branch


def test_demo_shows_its_logo_with_a_dark_variant_and_the_icons_made_from_it(demo_site):
    """The demo's logos, in theme/brand/ where a party's site keeps its own, found without a setting."""
    for page in ("index.html", "branches/bristol/index.html"):
        html = (demo_site / page).read_text()
        assert '<source srcset="/theme/brand/logo-dark.svg" media="(prefers-color-scheme: dark)"' in html
        assert '<img class="kit-header__logo" src="/theme/brand/logo.svg" width="512" height="512" alt="">' in html
        assert '<span class="kit-header__party-name">The Hedgerow Party</span>' in html
        assert '<link rel="manifest" href="/theme/brand/site.webmanifest">' in html
    assert (demo_site / "theme/brand/logo.svg").read_bytes().startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    for icon in ("favicon.ico", "apple-touch-icon.png", "icon-192.png", "icon-512.png"):
        assert (demo_site / "theme/brand" / icon).is_file()
    assert not (demo_site / "branches/bristol/theme").exists()


def test_demo_has_no_broken_links(demo_site):
    assert broken_links(demo_site) == []


def test_demo_feeds_parse(demo_site):
    for feed in demo_site.rglob("*.atom.xml"):
        ET.parse(feed)


def test_no_demo_page_has_an_inline_style_or_script(demo_site):
    for page in demo_site.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r"<[^>]+\sstyle=", text), page
        # JSON data blocks (JSON-LD, the scripts' messages: interface_language) are data, which CSP lets be
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", text), page


def test_every_demo_event_page_meets_googles_event_rules(demo_site):
    pages = event_pages(demo_site)
    assert len({page.parent.parent.parent for page in pages}) > 5  # the national site's and the branches'
    found = {page.parent.relative_to(demo_site).as_posix(): google_problems(json_ld(page), demo_site) for page in pages}
    assert {page: problems for page, problems in found.items() if problems} == {}


# ---- `make publish` --------------------------------------------------------------------------------


def test_the_published_demo_is_at_its_address_with_the_partys_files(published):
    home = (published / "index.html").read_text()
    assert re.search(rf'href="{SITEURL}/theme/css/site\.[0-9a-f]{{10}}\.css"', home)
    assert gzip.decompress((published / "index.html.gz").read_bytes()).decode() == home
    security = (published / ".well-known/security.txt").read_text()
    assert "Contact: mailto:security@hedgerow.example\n" in security
    assert f"Canonical: {SITEURL}/.well-known/security.txt" in security
    assert f"<loc>{SITEURL}/</loc>" in (published / "sitemap.xml").read_text()
    official = json.loads((published / "official.json").read_text())
    assert official["organisation"] == "The Hedgerow Party" and "hedgerow.example" in official["domains"]
    assert official["report"]["email"] == "report-a-fake@hedgerow.example"
    owned = {(a["owner"], a["url"]) for a in official["accounts"]}
    assert ("The Hedgerow Party", "https://social.hedgerow.example/@hedgerow") in owned


def test_the_published_demos_calendars_carry_the_partys_uid_domain(published):
    calendar = Calendar.from_ical((published / "calendars/all.ics").read_bytes())
    uids = [str(event["UID"]) for event in calendar.walk("VEVENT")]
    assert uids and all(uid.endswith("@hedgerow.example") for uid in uids)


def test_the_published_demo_reads_alike_in_every_calendar_client(published):
    agreement = compare_output(published, UNTIL)
    assert agreement.disagreements == []
    assert agreement.files >= 30 and agreement.occurrences >= 200  # every branch's, every event's


# ---- its imprints: the party's, and its branch Bristol's own agent, on every page, calendar and card

NATIONAL_IMPRINT = (
    "Promoted by Morag Ellison on behalf of The Hedgerow Party, both at "
    "Hedgerow House, 14 Tenter Street, Sheffield S1 4BY."
)
BRISTOL_IMPRINT = (
    "Promoted by Priya Nandakumar, Flat 2, 41 Stapleton Road, Bristol BS5 0QT, on behalf of "
    "The Hedgerow Party, Hedgerow House, 14 Tenter Street, Sheffield S1 4BY."
)


# Bangor's own language is Welsh (languages: [cy, en]): its calendars and cards carry the imprint in Welsh,
# an English translation's card in English.
WELSH_IMPRINT = (
    "Hyrwyddwyd gan Morag Ellison ar ran The Hedgerow Party, y ddau yn "
    "Hedgerow House, 14 Tenter Street, Sheffield S1 4BY."
)


def demo_imprint(path: str) -> str:
    if path.startswith("branches/bristol/"):
        return BRISTOL_IMPRINT
    if path.startswith("branches/bangor-gwynedd/") and "-en-" not in path.rsplit("/", 1)[-1]:
        return WELSH_IMPRINT
    return NATIONAL_IMPRINT


def test_the_demo_party_and_its_branch_with_an_agent(demo_site):
    assert imprints_in(demo_site / "index.html") == [NATIONAL_IMPRINT]
    assert imprints_in(demo_site / "branches" / "bristol" / "index.html") == [BRISTOL_IMPRINT]
    assert imprints_in(demo_site / "branches" / "sheffield" / "index.html") == [NATIONAL_IMPRINT]


def test_every_demo_calendar_and_event_carries_its_imprint(demo_site):
    paths = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*.ics"))
    assert "branches/bristol/calendar.ics" in paths and "calendars/all.ics" in paths
    bristol_events = 0
    for path in paths:
        calendar = Calendar.from_ical((demo_site / path).read_bytes())
        assert str(calendar["description"]) == str(calendar["x-wr-caldesc"]) == demo_imprint(path), path
        for event in calendar.walk("VEVENT"):
            uid = str(event["uid"])
            own = {"bristol": BRISTOL_IMPRINT, "bangor-gwynedd": WELSH_IMPRINT}.get(uid.split("/")[0], NATIONAL_IMPRINT)
            assert str(event["description"]).endswith(own), (path, uid)
            bristol_events += uid.startswith("bristol/") and not path.startswith("branches/")
    assert bristol_events  # Bristol's events keep its imprint in the national calendars


def test_every_demo_share_card_carries_its_sites_imprint(demo_site):
    """OCR-free: the imprint's band of each card is pixel for pixel (palette indices, whatever the
    colours) the band of a card drawn with that imprint alone."""
    from PIL import Image

    from responsive_images.cards import CARD_SIZE, CardColours, CardText, draw_card, imprint_band

    colours = CardColours(background="#ffffff", text="#000000", highlight="#006600")
    bands = {}
    for imprint in (NATIONAL_IMPRINT, BRISTOL_IMPRINT, WELSH_IMPRINT):
        box = (0, *imprint_band(imprint))
        box = (0, box[1], CARD_SIZE[0], box[2])
        drawn = Image.open(io.BytesIO(draw_card(CardText("", "", "", imprint), colours)))
        bands[imprint] = (box, drawn.crop(box).tobytes())
    cards = sorted(p.relative_to(demo_site).as_posix() for p in demo_site.rglob("cards/*.png"))
    assert "cards/site.png" in cards and "branches/bristol/cards/site.png" in cards
    for card in cards:
        box, band = bands[demo_imprint(card)]
        with Image.open(demo_site / card) as image:
            assert image.crop(box).tobytes() == band, card


# ---- its pages in a browser, the Nu checker and the weight budget ---------------------------------

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")
SCREENSHOTS = KIT_ROOT / "test-artifacts" / "screenshots"
VNU_JAR = KIT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# page type -> (address, what must be on the page before it is judged)
PAGES = {name: "/" + (path or "").removesuffix("index.html") for name, (path, _, _) in PAGE_TYPES.items()}
PAGES["finder result"] = "/branches/?postcode=S1"
PAGES["search results"] = "/search/?q=meeting"
PAGES["Bangor search results (Welsh)"] = "/branches/bangor-gwynedd/search/?q=cyfarfod"
PAGES["Bangor search results (English)"] = "/branches/bangor-gwynedd/en/search/?q=meeting"
READY = {
    "finder result": "#finder-result a",
    **{name: "#search-results li" for name in PAGES if name.endswith("search results") or "search results (" in name},
}


def address(site, name: str) -> str:
    return PAGES[name] if name != "news article" else "/" + newest_article(site).removesuffix("index.html")


@pytest.fixture(scope="module")
def base(demo_site, serve):
    return serve(demo_site)


def open_ready(open_page, base, site, name, width, javascript=True, scheme="light"):
    page = open_page(width=width, javascript=javascript, scheme=scheme)
    response = page.goto(base + address(site, name))
    assert response.ok, name
    if javascript and name in READY:
        page.locator(READY[name]).first.wait_for()
    return page


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_type_meets_wcag_22_aa_and_loads_only_from_us(demo_site, base, open_page, run_axe, name, width, scheme):
    page = open_ready(open_page, base, demo_site, name, width, scheme=scheme)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.problems == []  # console errors, CSP violations, requests to other origins
    # WCAG 1.4.10 reflow: nothing wider than a phone at 360 px (320 CSS px is the criterion's floor)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"{name.replace(' ', '-').replace('(', '').replace(')', '')}-{width}-{scheme}.png"),
        full_page=True,
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_types_heading_is_on_a_phones_first_screen(demo_site, base, open_page, name):
    """At 360 x 800 the header (the party, Menu, Join and Donate) leaves room for the page's <h1>."""
    page = open_ready(open_page, base, demo_site, name, 360)
    box = page.locator("h1").first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 800, (name, box)


FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_keyboard_skip_link_first_and_everything_reachable_with_visible_focus(demo_site, base, open_page, name):
    page = open_ready(open_page, base, demo_site, name, 1280)
    page.keyboard.press("Tab")
    # the skip link in the page's own language (Neidio i'r cynnwys on a Welsh page)
    skip = translations({}, page.evaluate("document.documentElement.lang")).gettext("Skip to content")
    assert page.evaluate("document.activeElement.textContent.trim()") == skip
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # number every element that should take focus, then Tab through the page and see which do
    # (checkVisibility: the content of a closed <details> keeps its boxes, but takes no focus)
    reachable = page.evaluate(
        f"""() => [...document.querySelectorAll("{FOCUSABLE}")]
              .filter(e => e.getClientRects().length && e.checkVisibility({{visibilityProperty: true}}))
              .map((e, i) => {{ e.dataset.tabCheck = i; return i; }})"""
    )
    page.evaluate("document.querySelector('.kit-skip-link').focus()")  # back to the first stop
    focused, without_visible_focus = [0], []
    for _ in range(len(reachable) + 3):
        page.keyboard.press("Tab")
        number, shows_focus, html = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                 return [e.dataset.tabCheck === undefined ? null : Number(e.dataset.tabCheck), ring,
                         e.outerHTML.slice(0, 80)]; }"""
        )
        if number is None or number in focused:
            break  # past the last element, back to the page itself
        focused.append(number)
        if not shows_focus:
            without_visible_focus.append(html)
    assert set(reachable) <= set(focused), sorted(set(reachable) - set(focused))
    assert without_visible_focus == []


@pytest.mark.parametrize(
    "name", sorted(name for name in PAGES if not name.lower().startswith(("search", "bangor search")))
)
def test_without_javascript_every_page_but_search_does_its_job(demo_site, base, open_page, name):
    page = open_ready(open_page, base, demo_site, name, 360, javascript=False)
    assert page.locator("h1").first.is_visible()
    text = page.locator("main").inner_text()
    assert "needs JavaScript" not in text and len(text) > 40
    if name in ("branch directory", "finder result"):
        assert page.get_by_role("link", name="Sheffield branch").first.is_visible()


class _LanguageParts(HTMLParser):
    """Each link's text with the language it is in on the page (its own `lang`, else its nearest
    element's, else the page's), and the page's own."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.page_lang: str | None = None
        self.links: list[tuple[str, str]] = []
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang") or (self.stack[-1][1] if self.stack else None)
        if tag == "html":
            self.page_lang = lang
        if tag == "a":
            self._link = [lang, ""]
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((" ".join(self._link[1].split()), self._link[0]))
            self._link = None
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data


def language_parts(html_text: str) -> _LanguageParts:
    parser = _LanguageParts()
    parser.feed(html_text)
    return parser


def bangor_titles(site: Path) -> dict[str, str]:
    """Each Bangor post's, event's and page's title, with the language its page is in; the language
    switch's names in theirs."""
    titles = {"Cymraeg": "cy", "English": "en"}
    for path in (site / "branches/bangor-gwynedd").glob("**/index.html"):
        html_text = path.read_text(encoding="utf-8")
        heading = re.search(r'<h1 class="kit-title"[^>]*>([^<]+)</h1>', html_text)
        if heading and re.search(r"/(news/20\d\d/|events/20\d\d-|about/)", path.as_posix()):
            titles[" ".join(heading.group(1).split())] = language_parts(html_text).page_lang
    return titles


BANGOR = sorted(name for name in PAGES if name.startswith("Bangor") and "results" not in name)


@pytest.mark.parametrize("name", BANGOR)
def test_bangor_pages_say_their_language_and_mark_every_part_in_the_other(demo_site, name):
    """Each Bangor page in its language (`<html lang>`), and every link naming a post, event or page
    (or a language) in another language marked with that language, on the link or around it."""
    html_text = (demo_site / PAGE_TYPES[name][0]).read_text(encoding="utf-8")
    parts = language_parts(html_text)
    assert parts.page_lang == ("en" if name.endswith("(English)") else "cy")
    titles = bangor_titles(demo_site)
    named = [(text, lang) for text, lang in parts.links if text in titles]
    assert {text for text, _ in named} >= {"Cymraeg", "English"}  # the language switch, both ways
    if "list" in name or "home" in name:
        assert len(named) > 2  # items listed
    assert [(text, lang) for text, lang in named if lang != titles[text]] == []


def test_every_page_passes_the_nu_html_checker(demo_site):
    assert shutil.which("java") and VNU_JAR.exists(), "java or vnu.jar missing: run `make test`"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            str(demo_site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages[:20])


def test_weight_budget(demo_site):
    assert problems(measure(demo_site)) == []


def test_hero_picture_budget(demo_site, base, browser):
    rows = picture_budget.measure_in(browser, base, demo_site)
    assert {(row.page, row.width, row.ratio) for row in rows} == {
        (page, width, ratio) for page in picture_budget.PAGES for width, _, ratio in picture_budget.SCREENS
    }
    phone = {row.page: row for row in rows if (row.width, row.ratio) == (360, 1)}
    assert phone["national home"].chosen.endswith("-480w.webp"), phone  # the smallest width, in WebP
    assert [row for row in rows if row.over] == []
