"""The branch directory: grouping, nation and region pages, the finder, branches.json, OPML, official channels."""

from __future__ import annotations

import functools
import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import listparser
import pytest
from browser import REMEMBER_POSTCODE, describe_violations, remembered_postcode

from branch_directory.finder_data import finder_json
from branch_directory.grouping import NationGroup, RegionGroup
from branch_subsites.branch_config import ENGLISH_REGIONS, NATIONS
from branch_subsites.postcode_places import AREA_PLACES, places_of
from branch_subsites.postcodes import POSTCODE_AREAS, parse_postcode
from calls_to_action.actions import branch_steps
from kit_testing import KIT_ROOT, broken_links, build, copy_fixture, kit_site_values

NOW = "1798761600"  # 2027-01-01 00:00 UTC
KIT_SITE = kit_site_values()

GAMMA = """\
name: Gammagh
kind: local
nation: Northern Ireland
areas: [BT7, bt9]
contact: gamma@gamma.example.net
meets: Every other Thursday
editors: [gill]
domain: gamma.example.net
"""

DELTA = """\
name: Deltaford
kind: local
nation: England
region: South West
areas: [AB2, AB3]
contact: delta@example.org
channels:
  - type: matrix
    url: https://chat.example.org/#/room/#delta:example.org
    label: Deltaford room
editors: [dee]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The two-branch fixture plus Gammagh (Northern Ireland) and Deltaford (shares AB2 with Alphaton),
    with the party offering no Join and no Volunteer address."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("directory") / "project")
    for slug, text in (("gamma", GAMMA), ("delta", DELTA)):
        (project / "branches" / slug).mkdir()
        (project / "branches" / slug / "branch.yaml").write_text(text)
    return build(project, now=NOW, JOIN_URL="", VOLUNTEER_URL="")


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def text_of(output: Path, path: str) -> str:
    """The page with runs of white space made one space, for asserting on markup across lines."""
    return " ".join(read(output, path).split())


# ---- pages -------------------------------------------------------------------


def test_directory_lists_every_branch_by_nation_then_region(site):
    page = read(site, "branches/index.html")
    order = [
        '<h2 id="nation-england">',
        '<h3><a href="/branches/england/south-west/">South West</a></h3>',
        'href="/branches/alpha/">Alphaton branch</a> <span class="kit-directory__areas">AB1, AB2</span>',
        'href="/branches/delta/">Deltaford branch</a>',
        '<h2 id="nation-northern-ireland">',
        'href="/branches/gamma/">Gammagh branch</a> <span class="kit-directory__areas">BT7, BT9</span>',
        '<h2 id="networks">',
        'href="/branches/beta-net/">Beta Network</a>',
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
    # the finder form is there for script to reveal; without it the list answers
    assert '<form class="kit-finder" id="branch-finder"' in page and " hidden" in page
    assert '<script type="module" src="/theme/js/branch-finder.js"></script>' in page


def test_region_page_has_full_entries(site):
    page = text_of(site, "branches/england/south-west/index.html")
    assert page.index("Alphaton branch</a></h2>") < page.index("Deltaford branch</a></h2>")
    alpha = page[page.index("Alphaton branch</a></h2>") : page.index("Deltaford branch</a></h2>")]
    assert "<dd>Postcode districts AB1, AB2</dd>" in alpha
    assert '<dd class="p-note">First Monday, 7pm, the library</dd>' in alpha
    assert 'Signal group: <a href="https://signal.example.org/alpha">Alphaton Signal group</a>' in alpha
    assert '<a class="u-email" href="mailto:alpha@example.org">' in alpha
    assert (
        '<dt>Next event</dt> <dd><a href="/branches/alpha/events/2027-01-12-branch-meeting/">Branch meeting</a>, '
        '<time datetime="2027-01-12T19:00:00+00:00">Tue 12 Jan, 7pm</time></dd>' in alpha
    )
    delta = page[page.index("Deltaford branch</a></h2>") :]
    assert "Matrix room: <a" in delta and "<dd>None planned yet</dd>" in delta


def test_nation_pages(site):
    england = read(site, "branches/england/index.html")
    assert '<a href="/branches/england/south-west/">South West</a>' in england
    northern_ireland = read(site, "branches/northern-ireland/index.html")
    assert "Gammagh branch</a></h2>" in northern_ireland and "Every other Thursday" in northern_ireland
    assert not (site / "branches/scotland").exists()


def test_directory_pages_have_no_broken_links(site):
    assert broken_links(site) == []


def test_every_page_links_to_official_channels(site):
    for path in ("index.html", "branches/index.html", "branches/alpha/index.html", "branches/gamma/index.html"):
        assert '<a href="/official/">Official channels: spot a fake</a>' in read(site, path), path


# ---- data for machines -------------------------------------------------------


def schema(name: str) -> dict:
    return json.loads((KIT_ROOT / "docs" / "schemas" / name).read_text())


def test_branches_json_follows_its_schema(site):
    data = json.loads(read(site, "branches.json"))
    jsonschema.validate(data, schema("branches-v1.schema.json"))
    by_slug = {b["slug"]: b for b in data["branches"]}
    assert list(by_slug) == ["alpha", "beta-net", "delta", "gamma"]
    alpha = by_slug["alpha"]
    assert alpha["urls"] == {
        "site": "/branches/alpha/",
        "feed": "/branches/alpha/feeds/all.atom.xml",
        "calendar": "/branches/alpha/calendar.ics",
    }
    assert alpha["next_event"]["title"] == "Branch meeting"
    assert alpha["next_event"]["start"] == "2027-01-12T19:00:00+00:00"
    assert by_slug["gamma"]["areas"] == ["BT7", "BT9"]
    assert by_slug["beta-net"]["nation"] is None and by_slug["delta"]["next_event"] is None


def test_the_schema_rejects_what_it_should(site):
    data = json.loads(read(site, "branches.json"))
    data["branches"][0]["areas"] = ["not a district"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema("branches-v1.schema.json"))


def test_opml_lists_every_feed_and_calendar(site):
    root = ET.fromstring((site / "branches.opml").read_bytes())
    assert root.get("version") == "2.0"
    (news,) = root.find("body").findall("outline")
    # absolute, in a `make html` preview too, so that a feed reader can fetch them
    assert [o.get("xmlUrl") for o in news] == [
        "http://localhost:8000/branches/alpha/feeds/all.atom.xml",
        "http://localhost:8000/branches/beta-net/feeds/all.atom.xml",
        "http://localhost:8000/branches/delta/feeds/all.atom.xml",
        "http://localhost:8000/branches/gamma/feeds/all.atom.xml",
    ]
    assert all(o.get("type") == "rss" and o.get("htmlUrl") for o in news)
    calendars = ET.fromstring((site / "branches-calendars.opml").read_bytes())
    (outline,) = calendars.find("body").findall("outline")
    assert outline[0].get("url") == "http://localhost:8000/branches/alpha/calendar.ics"
    assert outline[0].get("htmlUrl") == "http://localhost:8000/branches/alpha/events/"
    assert all(o.get("type") is None for o in outline)  # neither a feed nor another OPML file


def test_feed_readers_take_the_feeds_and_no_calendar_for_a_subscription_list(site):
    """listparser sorts outlines as feed readers do: feeds, nested subscription lists, folders."""
    news = listparser.parse((site / "branches.opml").read_text(encoding="utf-8"))
    assert not news.bozo
    assert len(news.feeds) == 4 and all(f.url.endswith("/feeds/all.atom.xml") for f in news.feeds)
    assert news.lists == []
    calendars = listparser.parse((site / "branches-calendars.opml").read_text(encoding="utf-8"))
    assert not calendars.bozo
    # no .ics is taken for a feed or for another OPML file to fetch
    assert calendars.feeds == [] and calendars.lists == []
    outlines = ET.fromstring((site / "branches-calendars.opml").read_bytes()).iter("outline")
    assert sum(1 for o in outlines if (o.get("url") or "").endswith(".ics")) == 4


def test_official_json_lists_domains_senders_and_accounts(site):
    data = json.loads(read(site, "official.json"))
    jsonschema.validate(data, schema("official-v1.schema.json"))
    assert data["branch_domains"] == [{"domain": "gamma.example.net", "branch": "Gammagh branch"}]
    # only the party's own sender domains: a branch's contact domain is not made official by the branch
    assert data["email_domains"] == ["test-party.example"]
    owners = {(a["owner"], a["url"]) for a in data["accounts"]}
    assert ("Alphaton branch", "https://signal.example.org/alpha") in owners
    assert ("The Test Party", "https://social.test-party.example/@testparty") in owners
    page = read(site, "official/index.html")
    assert "<code>gamma.example.net</code> (Gammagh branch)" in page
    assert "not from the party" in page and "mailto:report-a-fake@test-party.example" in page


# ---- the finder's data ----------------------------------------------------------

FINDER_BRANCH_KEYS = {"name", "url", "place", "email", "meets", "reach", "next", "steps"}


def finder_data(output: Path) -> dict:
    return json.loads(read(output, "branches/finder.json"))


def test_finder_data_says_when_each_branch_meets_what_is_next_and_how_to_reach_it(site):
    data = finder_data(site)
    assert data["version"] == 3
    assert data["nations"] == {"England": "/branches/england/", "Northern Ireland": "/branches/northern-ireland/"}
    assert data["places"] == [
        {"nation": "England", "region": "South West", "url": "/branches/england/south-west/"},
        {"nation": "Northern Ireland", "region": None, "url": "/branches/northern-ireland/"},
    ]
    alpha, delta, gamma = data["branches"]  # local branches only: a network covers no postcode
    assert alpha == {
        "name": "Alphaton branch",
        "url": "/branches/alpha/",
        "place": 0,
        "email": "alpha@example.org",
        "meets": "First Monday, 7pm, the library",
        "reach": "#branch-alpha",
        "next": {
            "title": "Branch meeting",
            "url": "events/2027-01-12-branch-meeting/",
            "start": "2027-01-12T19:00:00+00:00",
            "when": "Tue 12 Jan, 7pm",
        },
    }
    # nothing to say, no key: Deltaford has no event and no meeting time, Gammagh no other channel
    assert delta == {
        "name": "Deltaford branch",
        "url": "/branches/delta/",
        "place": 0,
        "email": "delta@example.org",
        "reach": "#branch-delta",
    }
    assert gamma["place"] == 1 and gamma["meets"] == "Every other Thursday" and "reach" not in gamma
    assert data["districts"] == {"AB1": [0], "AB2": [0, 1], "AB3": [1], "BT7": [2], "BT9": [2]}
    # the party's next step, once for every branch without its own (no Join or Volunteer offered here)
    assert data["steps"] == [
        {"label": "Donate", "url": KIT_SITE["DONATE_URL"], "kind": "secondary"},
        {"label": "Get the newsletter", "url": "#kit-newsletter", "kind": "link"},
    ]
    # each link goes where it says: the event page, and the branch's entry with every channel
    assert (site / "branches/alpha/events/2027-01-12-branch-meeting/index.html").is_file()
    for branch in data["branches"]:
        if "reach" in branch:
            page = read(site, data["places"][branch["place"]]["url"].lstrip("/") + "index.html")
            assert f'<li class="kit-entry h-card" id="{branch["reach"][1:]}">' in page


def test_finder_data_stays_one_bounded_record_per_branch(site):
    """Alphaton has four events (one repeating) and a channel: the finder carries the next event only."""
    text = read(site, "branches/finder.json")
    data = json.loads(text)
    assert all(set(branch) <= FINDER_BRANCH_KEYS for branch in data["branches"])
    assert all(set(branch.get("next", {})) <= {"title", "url", "start", "when"} for branch in data["branches"])
    for later in ("Market stall", "clocks go forward", "clocks go back", "2027-02-09", "Signal group"):
        assert later not in text
    assert text.count("Branch meeting") == 1 and "Beta Network" not in text
    assert text == json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # not a byte of spacing


def test_finder_data_gives_a_branch_with_its_own_volunteer_page_its_own_next_step():
    """branch.yaml `volunteer:` and `newsletter:` (the calls to action): that branch's card gets its own
    next step, worded as the next_step macro words it; a branch without them shares the party's."""
    settings = {
        "SITENAME": "The Party",
        "JOIN_URL": "https://party.example/join/",
        "DONATE_URL": "",
        "VOLUNTEER_URL": "https://party.example/volunteer/",
        "NEWSLETTER_URL": "",
        "NEWSLETTER_FIELDS": {},
        "NEWSLETTER_EMAIL_FIELD": "email",
        "NEWSLETTER_NAME_FIELD": "name",
    }
    own = {
        "slug": "alpha",
        "display_name": "Alphaton branch",
        "url": "https://alpha.example",
        "contact": "alpha@example.org",
        "areas": ["AB1"],
        "channels": [],
        "meets": None,
        "next_event": None,
        "volunteer": "https://alpha.example/helping/",
        "newsletter": "https://lists.alpha.example/form",
    }
    shared = {**own, "slug": "beta", "display_name": "Betaville branch", "volunteer": None, "newsletter": None}
    region = RegionGroup("South West", "south-west", "branches/england/south-west/", [own, shared])
    nations = [NationGroup("England", "england", "branches/england/", [region])]
    steps = functools.partial(branch_steps, settings)
    data = json.loads(finder_json(nations, site_url="https://party.example", steps=steps, language="en"))
    join = {"label": "Join The Party", "url": "https://party.example/join/", "kind": "primary"}
    assert data["steps"] == [
        join,
        {"label": "Volunteer", "url": "https://party.example/volunteer/", "kind": "secondary"},
    ]
    assert data["branches"][0] == {
        "name": "Alphaton branch",
        "url": "https://alpha.example/",
        "place": 0,
        "email": "alpha@example.org",
        "steps": [
            join,
            {"label": "Volunteer with Alphaton branch", "url": "https://alpha.example/helping/", "kind": "secondary"},
            {
                "label": "Get the Alphaton branch newsletter",
                "url": "https://alpha.example/#kit-newsletter",
                "kind": "link",
            },
        ],
    }
    assert "steps" not in data["branches"][1]
    assert data["places"][0]["url"] == "https://party.example/branches/england/south-west/"


# ---- postcodes: Python and the browser's postcode.js agree ---------------------

POSTCODES = {
    "S1 2EW": ("S1", "S"),
    " s1  2ew ": ("S1", "S"),
    "S12EW": ("S1", "S"),
    "s1": ("S1", "S"),
    "EH12 5AB": ("EH12", "EH"),
    "eh125ab": ("EH12", "EH"),
    "BT7 1NN": ("BT7", "BT"),
    "bt71nn": ("BT7", "BT"),
    "W1A 1AA": ("W1A", "W"),
    "EC1A1BB": ("EC1A", "EC"),
    "SW": (None, "SW"),
    "sw1a": ("SW1A", "SW"),
    "ZZ1 1AA": None,  # no such area
    "QQ": None,
    "A1 1AA": None,
    "12345": None,
    "": None,
    "hello": None,
}


@pytest.mark.parametrize("typed", sorted(POSTCODES))
def test_postcode_parsing(typed):
    assert parse_postcode(typed) == POSTCODES[typed]


def run_node(script: str, *arguments: str) -> object:
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, *arguments],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_postcode_js_agrees_with_python():
    script = (
        "import { parsePostcode } from './theme/static/js/postcode.js';"
        "const cases = JSON.parse(process.argv[1]);"
        "const out = {}; for (const c of cases) { const p = parsePostcode(c); out[c] = p && [p.district, p.area]; }"
        "console.log(JSON.stringify(out));"
    )
    found = run_node(script, json.dumps(sorted(POSTCODES)))
    assert found == {k: list(v) if v else None for k, v in POSTCODES.items()}


def test_every_postcode_area_lies_in_places_the_branches_can_be_in():
    assert set(AREA_PLACES) == POSTCODE_AREAS
    for area, places in AREA_PLACES.items():
        assert len(set(places)) == len(places), area
        for nation, region in places:
            assert nation in NATIONS, area
            assert (region in ENGLISH_REGIONS) if nation == "England" else region is None, area
    assert places_of("S") == (("England", "Yorkshire and the Humber"), ("England", "East Midlands"))
    assert places_of("CH") == (("England", "North West"), ("Wales", None))
    assert places_of("JE") == () and places_of("ZZ") == ()


def test_postcode_js_places_every_area_as_python_does():
    script = (
        "import { POSTCODE_AREAS, placesOf } from './theme/static/js/postcode.js';"
        "const out = {}; for (const area of [...POSTCODE_AREAS, 'ZZ']) out[area] = placesOf(area);"
        "console.log(JSON.stringify(out));"
    )
    found = run_node(script)
    assert found == {area: [list(p) for p in places_of(area)] for area in [*AREA_PLACES, "ZZ"]}


NEAREST = {
    # typed: (covering the district, others in the postcode area, {place: its branches})
    "AB1": (["Alphaton branch"], ["Deltaford branch"], {}),
    "AB2": (["Alphaton branch", "Deltaford branch"], [], {}),
    "AB9": ([], ["Alphaton branch", "Deltaford branch"], {}),
    "AB": ([], ["Alphaton branch", "Deltaford branch"], {}),
    "BT1": ([], ["Gammagh branch"], {}),
    "EX4": ([], [], {"South West": ["Alphaton branch", "Deltaford branch"]}),
    "SP1": ([], [], {"South West": ["Alphaton branch", "Deltaford branch"]}),  # SP: South West, South East
    "S1": ([], [], {}),  # Yorkshire and the Humber, East Midlands: none
    "EH1": ([], [], {}),
    "JE2": ([], [], {}),
}


def test_nearest_branches_by_district_then_area_then_region_or_nation(site):
    script = (
        "import { nearestBranches, parsePostcode } from './theme/static/js/postcode.js';"
        "import { readFileSync } from 'node:fs';"
        "const data = JSON.parse(readFileSync(process.argv[1], 'utf8'));"
        "const names = (branches) => branches.map((b) => b.name);"
        "const out = {}; for (const typed of JSON.parse(process.argv[2])) {"
        "  const { exact, area, places } = nearestBranches(data, parsePostcode(typed));"
        "  const byPlace = places.map((p) => [p.region || p.nation, names(p.branches)]);"
        "  out[typed] = [names(exact), names(area), Object.fromEntries(byPlace)];"
        "} console.log(JSON.stringify(out));"
    )
    found = run_node(script, str(site / "branches/finder.json"), json.dumps(list(NEAREST)))
    assert found == {typed: list(expected) for typed, expected in NEAREST.items()}


# ---- the finder in Chromium ---------------------------------------------------

HOSTILE_NAME = "Cardiff <script>alert(1)</script>"
HOSTILE = f"""\
name: "{HOSTILE_NAME}"
kind: local
nation: Wales
areas: [CF10]
contact: cardiff@example.org
meets: "<img src=x onerror=alert(2)> Tuesdays"
editors: [mallory]
"""
# not the kit site's own: what the pages show must come from these settings
JOIN_URL = "https://join.test-party.example/finder-join/"
VOLUNTEER_URL = "https://test-party.example/finder-volunteer/"
DELTA_VOLUNTEER = "https://test-party.example/volunteer/deltaford/"


@pytest.fixture(scope="module")
def finder_site(tmp_path_factory):
    """The directory's fixture plus a Welsh branch named and timed with markup, Deltaford with its own
    volunteer page, and the party's Join and Volunteer addresses set."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("finder") / "project")
    delta = f"{DELTA}volunteer: {DELTA_VOLUNTEER}\n"
    for slug, text in (("gamma", GAMMA), ("delta", delta), ("cardiff", HOSTILE)):
        (project / "branches" / slug).mkdir()
        (project / "branches" / slug / "branch.yaml").write_text(text)
    return build(project, now=NOW, JOIN_URL=JOIN_URL, VOLUNTEER_URL=VOLUNTEER_URL)


def look_up(page, base: str, typed: str):
    """Type ``typed`` into the finder and wait for its answer (the finder clears the last one at once);
    the answer's element."""
    page.goto(f"{base}/branches/")
    page.get_by_label("Your postcode").fill(typed)
    page.get_by_label("Your postcode").press("Enter")
    page.locator("#finder-status:not(:empty)").wait_for()  # no wait_for_function: the CSP forbids eval
    return page.locator("#finder-result")


def status(page) -> str:
    return page.locator("#finder-status").inner_text()


def headings(result) -> list[str]:
    return result.locator("h2").all_inner_texts()


def link(scope, name: str) -> str:
    return scope.get_by_role("link", name=name, exact=True).get_attribute("href")


def assert_accessible(page, run_axe) -> None:
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.problems == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


PARTY_STEPS = [
    ("Join The Test Party", JOIN_URL),
    ("Volunteer", VOLUNTEER_URL),
    ("Donate", KIT_SITE["DONATE_URL"]),
    ("Get the newsletter", "#kit-newsletter"),
]


def steps_of(scope) -> list[tuple[str, str]]:
    """(words, address) of each link of a next step: a card's, or the "No branch near you" block's."""
    links = scope.locator("ul.kit-actions a")
    return [(a.inner_text(), a.get_attribute("href")) for a in links.all()]


def assert_no_dead_end(result) -> None:
    """The page's own "No branch near you yet?" block: start a branch, then the party's next step."""
    assert "No branch near you yet?" in headings(result)
    assert link(result, "How to start a branch") == "/start-a-branch/"
    assert steps_of(result.locator(".kit-next-step")) == PARTY_STEPS


SCREENS = [(360, "light"), (360, "dark"), (1280, "light"), (1280, "dark")]


@pytest.mark.parametrize(("width", "scheme"), SCREENS)
def test_a_covered_postcode_says_when_the_branch_meets_what_is_next_and_how_to_join_in(
    finder_site, serve, open_page, run_axe, width, scheme
):
    page = open_page(width=width, scheme=scheme)
    result = look_up(page, serve(finder_site), "ab1 2cd")
    assert status(page) == "One branch covers AB1."
    assert headings(result) == ["The branch covering AB1", "Also in the AB postcode area"]
    (alpha,) = result.locator(".kit-finder__branch").all()
    assert alpha.locator("h3").inner_text() == "Alphaton branch"
    facts = dict(zip(alpha.locator("dt").all_inner_texts(), alpha.locator("dd").all_inner_texts(), strict=True))
    assert facts == {
        "Meets": "First Monday, 7pm, the library",
        "Next event": "Branch meeting, Tue 12 Jan, 7pm",
        "Get in touch": "alpha@example.org or its other channels",
    }
    assert link(alpha, "Branch meeting").endswith("/branches/alpha/events/2027-01-12-branch-meeting/")
    assert alpha.locator("time").get_attribute("datetime") == "2027-01-12T19:00:00+00:00"
    assert link(alpha, "alpha@example.org") == "mailto:alpha@example.org"
    assert link(alpha, "its other channels") == "/branches/england/south-west/#branch-alpha"
    assert steps_of(alpha) == PARTY_STEPS  # the party's next step: Alphaton has no volunteer page of its own
    assert result.locator(".kit-finder__names a").all_inner_texts() == ["Deltaford branch"]
    assert "No branch near you yet?" not in headings(result)
    assert_accessible(page, run_axe)


@pytest.mark.parametrize(("width", "scheme"), SCREENS)
def test_an_uncovered_district_offers_the_nearest_in_its_postcode_area(
    finder_site, serve, open_page, run_axe, width, scheme
):
    page = open_page(width=width, scheme=scheme)
    result = look_up(page, serve(finder_site), "AB9 9ZZ")
    assert status(page) == "No branch covers AB9 yet. The nearest are in the AB postcode area."
    assert headings(result) == ["Nearest, in the AB postcode area", "No branch near you yet?"]
    assert result.locator(".kit-finder__branch h3").all_inner_texts() == ["Alphaton branch", "Deltaford branch"]
    delta = result.locator(".kit-finder__branch").nth(1)
    assert "None planned yet" in delta.inner_text() and "Meets" not in delta.inner_text()
    assert steps_of(delta) == [PARTY_STEPS[0], ("Volunteer with Deltaford branch", DELTA_VOLUNTEER), *PARTY_STEPS[2:]]
    assert_no_dead_end(result)
    assert_accessible(page, run_axe)


@pytest.mark.parametrize("width", [360, 1280])
def test_an_uncovered_area_offers_its_region_or_nation_and_how_to_start_a_branch(
    finder_site, serve, open_page, run_axe, width
):
    page = open_page(width=width)
    base = serve(finder_site)
    result = look_up(page, base, "EX4 4QJ")  # Exeter: South West, where Alphaton and Deltaford are
    assert status(page) == "No branch in the EX postcode area yet. The nearest are in South West."
    assert headings(result) == ["Branches in South West", "No branch near you yet?"]
    assert result.locator(".kit-finder__names a").all_inner_texts() == ["Alphaton branch", "Deltaford branch"]
    assert_no_dead_end(result)
    assert_accessible(page, run_axe)
    result = look_up(page, base, "SA1 1AA")  # Swansea: Wales, where the Cardiff branch is
    assert headings(result) == ["Branches in Wales", "No branch near you yet?"]
    assert result.locator(".kit-finder__names a").all_inner_texts() == [f"{HOSTILE_NAME} branch"]
    result = look_up(page, base, "S1 2EW")  # Sheffield: no branch in its regions, some in England
    assert status(page) == "There is no branch near S1 yet."
    assert link(result, "Every branch in England") == "/branches/england/"
    assert_no_dead_end(result)
    result = look_up(page, base, "JE2 3AB")  # Jersey: in no nation of the UK
    assert status(page) == "There is no branch near JE2 yet."
    assert result.get_by_role("link").all_inner_texts() == [
        "How to start a branch",
        *(words for words, _ in PARTY_STEPS),
    ]
    assert_accessible(page, run_axe)


INVALID = {
    "ZZ1 1AA": "No UK postcode starts with ZZ. Try it again, or its first half, such as S1 or EH12.",
    "hello": "“hello” does not look like a UK postcode. Try it again, or its first half, such as S1 or EH12.",
    "12345": "“12345” does not look like a UK postcode. Try it again, or its first half, such as S1 or EH12.",
}


@pytest.mark.parametrize("width", [360, 1280])
def test_an_invalid_postcode_says_what_is_wrong_and_where_else_to_look(finder_site, serve, open_page, run_axe, width):
    page = open_page(width=width)
    base = serve(finder_site)
    for typed, message in INVALID.items():
        result = look_up(page, base, typed)
        assert status(page) == message
        assert link(result, "find your branch by place") == "#by-place"
        assert remembered_postcode(page) is None  # not kept
    assert_accessible(page, run_axe)


def test_a_hostile_branch_name_and_meeting_time_are_shown_as_text(finder_site, serve, open_page, run_axe):
    page = open_page(width=360)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    result = look_up(page, serve(finder_site), "CF10 1AA")
    card = result.locator(".kit-finder__branch")
    assert card.locator("h3").inner_text() == f"{HOSTILE_NAME} branch"
    assert card.locator("dd").first.inner_text() == "<img src=x onerror=alert(2)> Tuesdays"
    assert steps_of(card) == PARTY_STEPS
    assert result.locator("script, img").count() == 0
    assert dialogs == []
    page_html = read(finder_site, "branches/index.html")  # and the list that answers without script
    assert "Cardiff &lt;script&gt;alert(1)&lt;/script&gt; branch" in page_html and "<script>alert" not in page_html
    assert_accessible(page, run_axe)


def test_the_finder_keeps_no_postcode_unless_the_reader_ticks_the_box(finder_site, serve, open_page, run_axe):
    page = open_page(width=360)
    base = serve(finder_site)
    result = look_up(page, base, "bt9 5aa")
    assert result.locator("h3").all_inner_texts() == ["Gammagh branch"]
    assert not page.get_by_label(REMEMBER_POSTCODE).is_checked()  # unticked by default
    assert remembered_postcode(page) is None and page.evaluate("localStorage.length") == 0
    page.goto(f"{base}/branches/")  # nothing kept: the next visit asks again
    page.locator("#branch-finder").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "" and status(page) == ""
    assert_accessible(page, run_axe)
    assert page.problems == []


def test_the_finder_keeps_a_ticked_postcode_for_every_page_and_unticking_forgets_it(finder_site, serve, open_page):
    page = open_page(width=360)
    base = serve(finder_site)
    page.goto(f"{base}/branches/")
    page.get_by_label(REMEMBER_POSTCODE).check()  # ticked before the lookup: the postcode looked up is kept
    assert remembered_postcode(page) is None
    assert page.locator("#finder-kept").inner_text() == "This browser will keep the postcode you look up."
    page.get_by_label("Your postcode").fill("bt9 5aa")
    page.get_by_label("Your postcode").press("Enter")
    page.get_by_text("One branch covers BT9.").wait_for()
    assert remembered_postcode(page) == "bt9 5aa"
    page.goto(f"{base}/events/")  # another page: prefilled, its own box ticked
    page.locator("#events-filter-result p").first.wait_for()
    assert page.get_by_label("Events near your postcode").input_value() == "bt9 5aa"
    assert page.get_by_label(REMEMBER_POSTCODE).is_checked()
    page.goto(f"{base}/branches/")  # the finder again: the reader's branch straight away
    page.get_by_text("One branch covers BT9.").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "bt9 5aa"
    assert page.get_by_label(REMEMBER_POSTCODE).is_checked()
    page.get_by_label(REMEMBER_POSTCODE).uncheck()
    assert remembered_postcode(page) is None and page.evaluate("localStorage.length") == 0
    assert page.locator("#finder-kept").inner_text() == "Your postcode is forgotten: this browser no longer keeps it."
    assert page.locator("#finder-result h3").all_inner_texts() == ["Gammagh branch"]  # the answer stays
    page.get_by_label("Your postcode").fill("AB1")  # unticked: a new lookup is not kept either
    page.get_by_label("Your postcode").press("Enter")
    page.get_by_text("One branch covers AB1.").wait_for()
    assert remembered_postcode(page) is None
    page.get_by_label(REMEMBER_POSTCODE).check()  # ticked after a lookup: that postcode is kept
    assert remembered_postcode(page) == "AB1"
    assert page.locator("#finder-kept").inner_text() == "This browser now keeps your postcode."
    page.get_by_label(REMEMBER_POSTCODE).uncheck()
    page.goto(f"{base}/branches/")
    page.locator("#branch-finder").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "" and status(page) == ""
    assert not page.get_by_label(REMEMBER_POSTCODE).is_checked()
    assert page.problems == []


def test_a_storage_that_refuses_to_keep_the_postcode_still_gives_the_answer(finder_site, serve, open_page):
    """A full storage (QuotaExceededError) or a locked-down browser: ticked, the lookup still answers."""
    page = open_page(width=360)
    page.add_init_script(
        "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };"
    )
    base = serve(finder_site)
    page.goto(f"{base}/branches/")
    page.get_by_label(REMEMBER_POSTCODE).check()
    page.get_by_label("Your postcode").fill("bt9 5aa")
    page.get_by_label("Your postcode").press("Enter")
    page.get_by_text("One branch covers BT9.").wait_for()
    assert page.locator("#finder-result h3").all_inner_texts() == ["Gammagh branch"]
    assert remembered_postcode(page) is None
    assert page.problems == []  # no uncaught error


def test_a_postcode_kept_unasked_by_an_earlier_kit_is_removed(finder_site, serve, open_page):
    page = open_page(width=360)
    base = serve(finder_site)
    page.goto(f"{base}/branches/")
    page.evaluate("() => localStorage.setItem('kit-reader-postcode', 'bt9 5aa')")  # the old name
    page.reload()
    page.locator("#branch-finder").wait_for()
    assert page.evaluate("localStorage.length") == 0
    assert page.get_by_label("Your postcode").input_value() == "" and status(page) == ""
    assert not page.get_by_label(REMEMBER_POSTCODE).is_checked()
    assert page.problems == []


def test_finder_result_can_be_shared_and_the_back_button_works(site, serve, open_page):
    page = open_page()
    base = serve(site)
    page.goto(f"{base}/branches/?postcode=BT9")
    page.get_by_text("One branch covers BT9.").wait_for()
    assert page.locator("#finder-result h3").all_inner_texts() == ["Gammagh branch"]
    # a shared address may carry someone else's postcode: only one the reader types is kept
    page.get_by_label(REMEMBER_POSTCODE).check()
    assert remembered_postcode(page) is None  # ticked: still not BT9
    page.get_by_label("Your postcode").fill("AB1")
    page.keyboard.press("Enter")
    page.get_by_text("One branch covers AB1.").wait_for()
    assert page.url.endswith("/branches/?postcode=AB1")
    assert remembered_postcode(page) == "AB1"
    page.go_back()
    page.get_by_text("One branch covers BT9.").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "BT9"
    assert page.problems == []


def no_branch_block(output: Path) -> str:
    page = text_of(output, "branches/index.html")
    start = page.index('<section class="kit-section" id="finder-next-steps"')
    return page[start : page.index("</section>", start)]


def test_the_party_join_and_volunteer_show_only_when_set(site, finder_site):
    """Without JOIN_URL and VOLUNTEER_URL the page offers how to start a branch and what else the
    party offers; with them, those too: the shared next step (components/calls_to_action.html)."""
    for output, join in ((site, False), (finder_site, True)):
        steps = no_branch_block(output)
        assert '<a href="/start-a-branch/">How to start a branch</a>' in steps
        assert '<div class="kit-next-step"> <h3 class="kit-next-step__title">Or take part without' in steps
        assert (f'<a class="kit-button" href="{JOIN_URL}">Join The Test Party</a>' in steps) is join
        assert (f'<a class="kit-button kit-button--secondary" href="{VOLUNTEER_URL}">Volunteer</a>' in steps) is join
        assert f'<a class="kit-button kit-button--secondary" href="{KIT_SITE["DONATE_URL"]}">Donate</a>' in steps


def test_the_party_settings_are_what_the_finder_shows_with_and_without_javascript(finder_site, serve, open_page):
    """JOIN_URL and VOLUNTEER_URL of the build, in the page without script and in the script's cards
    (from finder.json): branch-finder.js holds no label or address of its own."""
    base = serve(finder_site)
    plain = open_page(width=360, javascript=False)
    plain.goto(f"{base}/branches/")
    block = plain.locator("#finder-next-steps")
    assert steps_of(block) == PARTY_STEPS and block.get_by_role("link", name="Volunteer", exact=True).is_visible()
    page = open_page(width=360)
    result = look_up(page, base, "AB2")  # Alphaton (the party's next step) and Deltaford (its own volunteers)
    alpha, delta = result.locator(".kit-finder__branch").all()
    assert steps_of(alpha) == PARTY_STEPS
    assert steps_of(delta)[1] == ("Volunteer with Deltaford branch", DELTA_VOLUNTEER)
    data = finder_data(finder_site)
    assert [(step["label"], step["url"]) for step in data["steps"]] == PARTY_STEPS
    script = (finder_site / "theme/js/branch-finder.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    for words in ("Join", "Volunteer", "Donate", "newsletter", "start-a-branch", "https:", JOIN_URL):
        assert words not in code, words
    assert page.problems == []


def test_the_directory_speaks_plain_words_and_keeps_files_for_developers_apart(site):
    page = text_of(site, "branches/index.html")
    main = page[page.index("<main") : page.index("</main>")]
    assert "For programs" not in main and "calendar programs" not in main
    assert '<a href="/branches.opml">Follow every branch\'s news</a> by importing this one file into it.' in main
    developers = main[main.index('<p class="kit-directory__developers">') :]
    developers = developers[: developers.index("</p>")]
    assert '<a href="/branches.json">every branch as JSON</a>' in developers
    assert main.count("OPML") == developers.count("OPML") == 1
    assert main.count("JSON") == developers.count("JSON")


def test_without_javascript_the_list_still_answers(site, serve, open_page):
    page = open_page(javascript=False)
    page.goto(f"{serve(site)}/branches/")
    assert not page.locator("#branch-finder").is_visible()
    assert page.get_by_role("link", name="Gammagh branch").is_visible()
    assert page.get_by_role("link", name="South West").is_visible()
    assert page.get_by_role("link", name="How to start a branch").is_visible()


@pytest.mark.parametrize("width", [360, 1280])
def test_every_channel_label_in_the_contact_card_wraps_alike(site, serve, open_page, width):
    """Email's address has no space to wrap at: it keeps to its column like every other channel's name."""
    page = open_page(width=width)
    page.goto(f"{serve(site)}/branches/alpha/")
    rows = page.locator(".kit-card__channel").all()
    assert [row.locator(".kit-card__type").inner_text() for row in rows] == ["Email", "Signal group"]
    boxes = [(row.locator(".kit-card__type").bounding_box(), row.locator("a").bounding_box()) for row in rows]
    if width < 480:  # each kind above its address
        assert all(link["y"] >= label["y"] + label["height"] - 1 and link["x"] == label["x"] for label, link in boxes)
    else:  # kinds in one column, addresses in the next, level with them
        assert len({round(link["x"]) for _, link in boxes}) == 1
        assert all(link["x"] > label["x"] + label["width"] and abs(link["y"] - label["y"]) < 4 for label, link in boxes)
