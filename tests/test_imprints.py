"""The digital imprint: its sentence, its place in every page, Atom entry and official.json, and the
checks that stop a site publishing without one (imprints)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_settings_defaults import SETTINGS_NAME, build_site, minimal_site, written

from content_schema.problems import ContentProblems
from imprints.postal_addresses import POSTAL_ADDRESS_RULE, postal_address_problem
from imprints.promoters import Imprint, Promoter, content_imprint, site_imprint
from kit_settings.declared_settings import SettingsProblems
from kit_testing import (
    ALPHA_IMPRINT,
    FIXTURES,
    KIT_ROOT,
    KIT_SITE,
    NATIONAL_IMPRINT,
    PUBLISH_SETTINGS_FILE,
    branch_values,
    build,
    copy_fixture,
)

ATOM = "{http://www.w3.org/2005/Atom}"
NATIONAL = NATIONAL_IMPRINT
ALPHA = ALPHA_IMPRINT
CANDIDATE_POST = """\
---
title: Vote for Jo
date: 2026-03-01 10:00
promoter:
  name: Kim Agent
  address: "9 Mill Lane, Alphaton AB1 3EF"
  on_behalf_of: {name: Jo Candidate, address: "9 Mill Lane, Alphaton AB1 3EF"}
---
Jo is standing.
"""


class FooterImprints(HTMLParser):
    """The text of every element with the class kit-imprint."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if self._depth:
            self._depth += 1
        elif "kit-imprint" in (dict(attrs).get("class") or "").split():
            self._depth = 1
            self.found.append("")

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.found[-1] += data


def imprints_in(page: Path) -> list[str]:
    parser = FooterImprints()
    parser.feed(page.read_text(encoding="utf-8"))
    return [" ".join(text.split()) for text in parser.found]


def site_pages(output: Path, branch: str | None) -> list[Path]:
    """The HTML pages of one site: a branch's folder, or the national site without its branches'."""
    if branch:
        return sorted((output / "branches" / branch).rglob("*.html"))
    branch_folders = [output / "branches" / name for name in ("alpha", "beta-net")]
    return [p for p in sorted(output.rglob("*.html")) if not any(f in p.parents for f in branch_folders)]


def entries(feed: Path) -> list[ET.Element]:
    return ET.parse(feed).getroot().findall(f"{ATOM}entry")


def entry_content(entry: ET.Element) -> str:
    return entry.find(f"{ATOM}content").text


# ---- the sentence --------------------------------------------------------------------------------


def test_the_sentence_for_each_shape_of_imprint():
    party = Promoter("The Test Party", "14 Tenter Street, Sheffield S1 4BY")
    officer = Promoter("Morag Ellison", "14 Tenter Street, Sheffield  s1 4by")
    agent = Promoter("Priya Nandakumar", "41 Stapleton Road, Bristol BS5 0QT")
    assert Imprint(officer, party).sentence() == (
        "Promoted by Morag Ellison on behalf of The Test Party, both at 14 Tenter Street, Sheffield  s1 4by."
    )
    assert Imprint(agent, party).sentence() == (
        "Promoted by Priya Nandakumar, 41 Stapleton Road, Bristol BS5 0QT, "
        "on behalf of The Test Party, 14 Tenter Street, Sheffield S1 4BY."
    )
    assert Imprint(party, None).sentence() == "Promoted by The Test Party, 14 Tenter Street, Sheffield S1 4BY."
    assert Imprint(party, party).sentence() == Imprint(party, None).sentence()


def test_the_most_specific_promoter_applies():
    settings = {
        "IMPRINT_PROMOTER_NAME": "The Party",
        "IMPRINT_PROMOTER_ADDRESS": "1 High Street, Town AB1 1AA",
        "IMPRINT_ON_BEHALF_OF_NAME": None,
        "IMPRINT_ON_BEHALF_OF_ADDRESS": None,
    }
    party = Promoter("The Party", "1 High Street, Town AB1 1AA")
    agent = Imprint(Promoter("Al Agent", "2 Low Road, Town AB1 2BB"), None)
    assert site_imprint(settings) == Imprint(party, None)
    branch = {**settings, "BRANCH": {"promoter": agent}}
    assert site_imprint(branch) == Imprint(agent.promoter, party)  # on the party's behalf
    candidate = Imprint(Promoter("Kim", "3 Lane, Town AB1 3CC"), Promoter("Jo", "3 Lane, Town AB1 3CC"))
    assert content_imprint(branch, {"promoter": candidate}) == candidate
    assert content_imprint(branch, {"title": "no promoter"}) == Imprint(agent.promoter, party)
    assert content_imprint({**settings, "IMPRINT_PROMOTER_NAME": None}, {}) is None


@pytest.mark.parametrize(
    ("address", "wrong"),
    [
        ("14 Tenter Street, Sheffield S1 4BY", None),
        ("Flat 2, 41 Stapleton Road, Bristol BS50QT", None),
        ("14 Tenter Street, Sheffield", "does not end with a full UK postcode"),
        ("14 Tenter Street, Sheffield S1", "does not end with a full UK postcode"),
        ("14 Tenter Street, Nowhere QQ1 4BY", "which is not a UK postcode"),
        ("S1 4BY", "no street or town before it"),
        ("https://test-party.example/contact", "does not end with a full UK postcode"),
    ],
)
def test_a_postal_address_ends_with_a_full_uk_postcode(address, wrong):
    problem = postal_address_problem(address)
    assert (problem is None) if wrong is None else (wrong in problem)


# ---- in the built sites --------------------------------------------------------------------------


def test_every_page_of_every_site_carries_its_sites_imprint(two_branches_output):
    for branch, expected in ((None, NATIONAL), ("alpha", ALPHA), ("beta-net", NATIONAL)):
        pages = site_pages(two_branches_output, branch)
        assert len(pages) > 5, branch
        for page in pages:
            assert imprints_in(page) == [expected], page


def test_published_sites_404_pages_and_a_branch_on_its_own_domain_carry_it(published_output):
    assert imprints_in(published_output / "404.html") == [NATIONAL]
    assert imprints_in(published_output / "search" / "index.html") == [NATIONAL]
    assert imprints_in(published_output / "branches" / "index.html") == [NATIONAL]
    assert imprints_in(published_output / "branches" / "alpha" / "404.html") == [ALPHA]
    beta = published_output / "branches" / "beta-net"
    assert "beta.example" in (beta / "index.html").read_text(encoding="utf-8")  # it is on its own domain
    for page in sorted(beta.rglob("*.html")):
        assert imprints_in(page) == [NATIONAL], page
    assert (beta / "404.html") in list(beta.rglob("*.html"))


def test_the_imprint_is_escaped_and_styled_by_the_stylesheet_only(two_branches):
    output = build(two_branches, IMPRINT_PROMOTER_NAME="Morag <b>Ellison</b> & Co")
    page = (output / "index.html").read_text(encoding="utf-8")
    assert "Morag &lt;b&gt;Ellison&lt;/b&gt; &amp; Co on behalf of" in page
    footer = page[page.index('class="kit-footer__imprint') - 3 :]
    assert "style=" not in footer[: footer.index("</p>")]


def test_every_atom_entry_carries_its_imprint(published_output):
    feeds = {
        None: published_output / "feeds" / "all.atom.xml",
        "alpha": published_output / "branches" / "alpha" / "feeds" / "all.atom.xml",
        "beta-net": published_output / "branches" / "beta-net" / "feeds" / "all.atom.xml",
    }
    expected = {None: NATIONAL, "alpha": ALPHA, "beta-net": NATIONAL}
    for site, feed in feeds.items():
        found = entries(feed)
        assert found, feed
        for entry in found:
            assert entry_content(entry).endswith(f'<p class="kit-imprint">{expected[site]}</p>'), feed


def test_a_post_with_its_own_promoter_shows_it_on_its_page_and_in_its_entry(two_branches):
    (two_branches / "branches/alpha/news/2026-03-01-vote-for-jo.md").write_text(CANDIDATE_POST, encoding="utf-8")
    output = build(two_branches)
    own = "Promoted by Kim Agent on behalf of Jo Candidate, both at 9 Mill Lane, Alphaton AB1 3EF."
    alpha = output / "branches" / "alpha"
    assert imprints_in(alpha / "news" / "2026" / "vote-for-jo" / "index.html") == [own]
    assert imprints_in(alpha / "index.html") == [ALPHA]  # the list page is the branch's own material
    by_title = {e.find(f"{ATOM}title").text: entry_content(e) for e in entries(alpha / "feeds" / "all.atom.xml")}
    assert by_title["Vote for Jo"].endswith(f'<p class="kit-imprint">{own}</p>')
    assert ALPHA in next(t for k, t in by_title.items() if k != "Vote for Jo")


def test_an_event_with_its_own_promoter_shows_it_on_its_page(two_branches):
    event = two_branches / "content/events/2027-05-15-conference.md"
    event.write_text(
        event.read_text().replace(
            "---\nTwo days.", "promoter: {name: Sam Hall, address: '2 Low Road, Leicester LE1 1AA'}\n---\nTwo days."
        ),
        encoding="utf-8",
    )
    output = build(two_branches)
    pages = sorted((output / "events").rglob("index.html"))
    conference = [p for p in pages if '<h1 class="kit-title p-name">Spring conference' in p.read_text()]
    assert len(conference) == 1
    assert imprints_in(pages[0]) == [NATIONAL]  # the list of events is the site's
    party = f"{KIT_SITE['IMPRINT_ON_BEHALF_OF_NAME']}, {KIT_SITE['IMPRINT_ON_BEHALF_OF_ADDRESS']}"
    assert imprints_in(conference[0]) == [f"Promoted by Sam Hall, 2 Low Road, Leicester LE1 1AA, on behalf of {party}."]


def test_official_json_carries_the_party_imprint_and_each_branch_agents(published_output):
    data = json.loads((published_output / "official.json").read_text(encoding="utf-8"))
    assert data["imprint"] == {
        "text": NATIONAL,
        "promoter": {"name": KIT_SITE["IMPRINT_PROMOTER_NAME"], "address": KIT_SITE["IMPRINT_PROMOTER_ADDRESS"]},
        "on_behalf_of": {
            "name": KIT_SITE["IMPRINT_ON_BEHALF_OF_NAME"],
            "address": KIT_SITE["IMPRINT_ON_BEHALF_OF_ADDRESS"],
        },
    }
    (alpha,) = data["branch_imprints"]
    assert alpha["slug"] == "alpha" and alpha["text"] == ALPHA
    assert alpha["promoter"] == branch_values(FIXTURES / "two_branches", "alpha")["promoter"]


# ---- what stops a site publishing without one ----------------------------------------------------


def settings_line(site: Path, start: str) -> int:
    return next(
        n for n, line in enumerate((site / SETTINGS_NAME).read_text().splitlines(), 1) if line.startswith(start)
    )


def without_line(site: Path, start: str) -> None:
    path = site / SETTINGS_NAME
    path.write_text("".join(line for line in path.read_text().splitlines(True) if not line.startswith(start)))


def make_check(site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT / "plugins")}
    return subprocess.run(
        [sys.executable, "-m", "editor_checks", "--settings", SETTINGS_NAME],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_no_national_promoter_stops_make_check_and_the_build_naming_the_setting(tmp_path):
    site = minimal_site(tmp_path)
    without_line(site, "IMPRINT_PROMOTER_NAME")
    checked = make_check(site)
    assert checked.returncode == 1
    assert "IMPRINT_PROMOTER_NAME is not set (imprints needs it)" in checked.stdout
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    (problem,) = stopped.value.problems
    assert problem.message.startswith("IMPRINT_PROMOTER_NAME is not set (imprints needs it)")
    assert problem.fix == f"Set IMPRINT_PROMOTER_NAME in {SETTINGS_NAME}."
    assert written(site / "output") == []


def test_no_national_promoter_stops_make_publish(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    with pytest.raises(SettingsProblems) as stopped:
        build(project, PUBLISH_SETTINGS_FILE, SITEURL="https://party.example", IMPRINT_PROMOTER_ADDRESS=None)
    assert [p.message.split(":")[0] for p in stopped.value.problems] == [
        "IMPRINT_PROMOTER_ADDRESS is not set (imprints needs it)"
    ]
    assert written(project / "output") == []


def test_a_national_address_with_no_postcode_is_an_error_at_its_settings_line(tmp_path):
    site = minimal_site(tmp_path)
    path = site / SETTINGS_NAME
    path.write_text(path.read_text().replace('"1 High Street, Smalltown SM1 1AA"', '"1 High Street, Smalltown"'))
    checked = make_check(site)
    assert checked.returncode == 1
    line = settings_line(site, "IMPRINT_PROMOTER_ADDRESS")
    assert f"{SETTINGS_NAME}:{line}:" in checked.stdout and "is not a postal address" in checked.stdout
    with pytest.raises(ContentProblems) as stopped:
        build_site(site)
    (problem,) = [p for p in stopped.value.problems if p.is_error]
    assert (problem.path, problem.line) == (SETTINGS_NAME, line)
    assert problem.message == (
        "IMPRINT_PROMOTER_ADDRESS is not a postal address: "
        "`1 High Street, Smalltown` does not end with a full UK postcode"
    )
    assert problem.fix == POSTAL_ADDRESS_RULE
    assert written(site / "output") == []


def test_an_on_behalf_of_name_without_its_address_is_an_error(tmp_path):
    site = minimal_site(tmp_path, 'IMPRINT_ON_BEHALF_OF_NAME = "The Small Party"\n')
    with pytest.raises(ContentProblems) as stopped:
        build_site(site)
    (problem,) = [p for p in stopped.value.problems if p.is_error]
    assert problem.message.startswith("IMPRINT_ON_BEHALF_OF_ADDRESS is empty")
    assert written(site / "output") == []


@pytest.mark.parametrize(
    ("promoter", "message"),
    [
        ('{name: Alex Agent, address: "1 Station Road, Alphaton"}', "`promoter` `address` is not a postal address"),
        ("{name: Alex Agent}", "`promoter` has no `address`"),
        ("Alex Agent", "`promoter` should be a group of `name` and `address` lines"),
        ('{name: Alex Agent, address: "1 Station Road, Alphaton AB1 2CD", phone: 1}', "`promoter` has `phone`"),
    ],
)
def test_a_branch_promoter_with_no_postal_address_is_an_error_at_its_line(two_branches, promoter, message):
    path = two_branches / "branches/alpha/branch.yaml"
    lines = [line for line in path.read_text().splitlines() if not line.startswith("promoter:")]
    path.write_text("\n".join([*lines, f"promoter: {promoter}", ""]))
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches)
    errors = [p for p in stopped.value.problems if p.is_error]
    assert [(p.path, p.line) for p in errors] == [("branches/alpha/branch.yaml", len(lines) + 1)]
    assert errors[0].message.startswith(message)
    assert written(two_branches / "output") == []


def test_a_post_promoter_with_no_postcode_is_an_error_at_its_line(two_branches):
    post = two_branches / "branches/alpha/news/2026-03-01-vote-for-jo.md"
    post.write_text(CANDIDATE_POST.replace('"9 Mill Lane, Alphaton AB1 3EF"\n', '"9 Mill Lane"\n'), encoding="utf-8")
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches)
    errors = [p for p in stopped.value.problems if p.is_error]
    assert [(p.path, p.line) for p in errors] == [("branches/alpha/news/2026-03-01-vote-for-jo.md", 6)]
    assert "`promoter` `address` is not a postal address" in errors[0].message
    assert errors[0].fix == POSTAL_ADDRESS_RULE
    assert written(two_branches / "output") == []
