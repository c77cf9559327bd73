"""The demo party's site at the root of the repository, built end to end with its own settings,
as `make html` (pelicanconf.py) and `make publish` (publishconf.py) build it. The kit's other tests
build from the kit's defaults and their own fixtures, so that a party can run them on its site."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from icalendar import Calendar
from pelican.settings import read_settings
from test_event_structured_data import event_pages, google_problems, json_ld

from bench.calendar_agreement import compare_output
from editor_checks.declared_settings import declarations
from kit_testing import EXAMPLE_PUBLISH_SETTINGS_FILE, EXAMPLE_SETTINGS_FILE, broken_links, build_example_site

NOW = "1798761600"  # 2027-01-01 00:00 UTC
UNTIL = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # three years on: repeating events with no end stop here
SITEURL = "https://hedgerow.example"


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
    assert len(values) <= 20, values
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


def test_demo_has_no_broken_links(demo_site):
    assert broken_links(demo_site) == []


def test_demo_feeds_parse(demo_site):
    for feed in demo_site.rglob("*.atom.xml"):
        ET.parse(feed)


def test_no_demo_page_has_an_inline_style_or_script(demo_site):
    for page in demo_site.rglob("*.html"):
        text = page.read_text()
        assert not re.search(r"<[^>]+\sstyle=", text), page
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", text), page


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
