"""absolute_addresses: a `make html` preview's feeds and calendars have whole addresses a real
feed reader or calendar app can fetch; a published build's are its own."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from absolute_addresses.addresses import absolute_address, site_address
from conftest import PUBLISHED_SITEURL
from kit_settings.declared_settings import SettingsProblems, declarations
from kit_testing import build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC
ATOM = "{http://www.w3.org/2005/Atom}"
PREVIEW = "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    return build(copy_fixture("two_branches", tmp_path_factory.mktemp("preview") / "project"), now=NOW)


def test_addresses_under_the_preview_address_or_the_published_one():
    declared, _ = declarations(["absolute_addresses"])  # a build fills in the declared default
    preview = {"SITEURL": "/branches/alpha", "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL": declared[PREVIEW][1].default}
    assert site_address(preview) == "http://localhost:8000/branches/alpha"
    assert absolute_address(preview, "/cards/x.png") == "http://localhost:8000/cards/x.png"
    assert absolute_address(preview, "events/") == "http://localhost:8000/branches/alpha/events/"
    port = {"SITEURL": "", "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL": "http://127.0.0.1:8001/"}
    assert site_address(port) == "http://127.0.0.1:8001"
    published = {"SITEURL": "https://party.example", "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL": "http://localhost:1"}
    assert site_address(published) == "https://party.example"
    assert absolute_address(published, "https://other.example/x") == "https://other.example/x"


def test_a_preview_feed_has_absolute_links_and_ids_unique_to_the_site(preview):
    for path, site in (("feeds/all.atom.xml", ""), ("branches/alpha/feeds/all.atom.xml", "/branches/alpha")):
        feed = ET.parse(preview / path).getroot()
        assert feed.find(f"{ATOM}id").text == f"http://localhost:8000{site}/"
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links == {"alternate": f"http://localhost:8000{site}/", "self": f"http://localhost:8000/{path}"}
        entries = feed.findall(f"{ATOM}entry")
        assert entries
        for entry in entries:
            href = entry.find(f"{ATOM}link").get("href")
            assert href.startswith(f"http://localhost:8000{site}/news/")
            # a tag URI (RFC 4151) named by the host, with the entry's date and path
            assert entry.find(f"{ATOM}id").text.startswith("tag:localhost,20")
            assert entry.find(f"{ATOM}id").text.endswith(":" + href.removeprefix("http://localhost:8000"))


def test_a_preview_calendar_gives_whole_addresses_and_a_webcal_link(preview):
    calendar = Calendar.from_ical((preview / "branches/alpha/calendar.ics").read_bytes())
    urls = sorted(str(event["url"]) for event in calendar.walk("VEVENT"))
    assert urls and all(u.startswith("http://localhost:8000/branches/alpha/events/20") for u in urls)
    page = (preview / "branches/alpha/events/index.html").read_text()
    assert 'href="webcal://localhost:8000/branches/alpha/calendar.ics"' in page
    assert 'href="http://localhost:8000/branches/alpha/calendar.ics"' in page
    assert 'href="/branches/alpha/events/2027-01-12-branch-meeting/"' in page  # pages keep root-relative links


def test_a_published_build_keeps_its_own_addresses(published_output):
    feed = ET.parse(published_output / "feeds/all.atom.xml").getroot()
    assert feed.find(f"{ATOM}id").text == f"{PUBLISHED_SITEURL}/"
    assert feed.find(f"{ATOM}entry/{ATOM}id").text.startswith(f"tag:{PUBLISHED_SITEURL.split('//')[1]},")
    calendar = Calendar.from_ical((published_output / "branches/alpha/calendar.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert events and all(str(e["url"]).startswith(f"{PUBLISHED_SITEURL}/branches/alpha/") for e in events)
    assert "localhost" not in (published_output / "branches/alpha/events/index.html").read_text()


@pytest.mark.parametrize("address", ["", "localhost:8000", "/preview"])
def test_a_preview_address_without_a_host_is_refused_by_name(tmp_path, address):
    """Without a host a preview's calendars would have no webcal:// link: the settings check says so
    before anything is built."""
    project = copy_fixture("two_branches", tmp_path / "project")
    with pytest.raises(SettingsProblems) as stopped:
        build(project, now=NOW, ABSOLUTE_ADDRESSES_PREVIEW_SITEURL=address)
    (problem,) = stopped.value.problems
    assert problem.message.startswith(f"ABSOLUTE_ADDRESSES_PREVIEW_SITEURL is {address!r}: it must be a whole address")
    assert not (project / "output").exists()
