"""The branch directory: grouping, nation and region pages, the finder, branches.json, OPML, official channels."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import listparser
import pytest

from branch_subsites.postcodes import parse_postcode
from kit_testing import KIT_ROOT, broken_links, build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC

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
    """The two-branch fixture plus Gammagh (Northern Ireland) and Deltaford (shares AB2 with Alphaton)."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("directory") / "project")
    for slug, text in (("gamma", GAMMA), ("delta", DELTA)):
        (project / "branches" / slug).mkdir()
        (project / "branches" / slug / "branch.yaml").write_text(text)
    return build(project, now=NOW)


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


def test_postcode_js_agrees_with_python():
    script = (
        "import { parsePostcode } from './theme/static/js/postcode.js';"
        "const cases = JSON.parse(process.argv[1]);"
        "const out = {}; for (const c of cases) { const p = parsePostcode(c); out[c] = p && [p.district, p.area]; }"
        "console.log(JSON.stringify(out));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, json.dumps(sorted(POSTCODES))],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == {k: list(v) if v else None for k, v in POSTCODES.items()}


# ---- the finder in Chromium ---------------------------------------------------

FINDER_CASES = {
    "ab1 2cd": ("The branch covering AB1:", ["Alphaton branch"], ["Deltaford branch"]),
    "AB2": ("Branches covering AB2:", ["Alphaton branch", "Deltaford branch"], []),
    "ab9 9zz": (
        "No branch covers AB9 yet. Nearest, in the AB postcode area:",
        [],
        ["Alphaton branch", "Deltaford branch"],
    ),
    "BT9": ("The branch covering BT9:", ["Gammagh branch"], []),
    "s1 2ew": ("There is no branch near S1 yet.", [], []),
    "ZZ1 1AA": ("“ZZ1 1AA” does not look like a UK postcode.", [], []),
}


@pytest.mark.parametrize("typed", sorted(FINDER_CASES))
def test_finder_answers_a_typed_postcode(site, serve, open_page, typed):
    lead, exact, nearby = FINDER_CASES[typed]
    page = open_page(width=360)
    base = serve(site)
    page.goto(f"{base}/branches/")
    page.get_by_label("Your postcode").fill(typed)
    page.get_by_label("Your postcode").press("Enter")
    result = page.locator("#finder-result")
    result.locator("p").first.wait_for()
    assert result.locator("p").first.inner_text().startswith(lead)
    lists = result.locator("ul")
    found = [lists.nth(i).locator("a").all_inner_texts() for i in range(lists.count())]
    assert [names for names in (exact, nearby) if names] == found
    if not exact and not nearby and "UK postcode" not in lead:
        assert result.get_by_role("link", name="How to start a branch").get_attribute("href") == "/start-a-branch/"
    assert page.url.endswith(f"/branches/?postcode={typed.replace(' ', '+')}")
    assert page.problems == []


def test_finder_result_can_be_shared_and_the_back_button_works(site, serve, open_page):
    page = open_page()
    base = serve(site)
    page.goto(f"{base}/branches/?postcode=BT9")
    page.locator("#finder-result a").first.wait_for()
    assert page.locator("#finder-result a").all_inner_texts() == ["Gammagh branch"]
    page.get_by_label("Your postcode").fill("AB1")
    page.keyboard.press("Enter")
    page.get_by_text("The branch covering AB1:").wait_for()
    page.go_back()
    page.get_by_text("The branch covering BT9:").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "BT9"
    assert page.problems == []


def test_without_javascript_the_list_still_answers(site, serve, open_page):
    page = open_page(javascript=False)
    page.goto(f"{serve(site)}/branches/")
    assert not page.locator("#branch-finder").is_visible()
    assert page.get_by_role("link", name="Gammagh branch").is_visible()
    assert page.get_by_role("link", name="South West").is_visible()
