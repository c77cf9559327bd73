"""A branch's build hands the national site typed records (branch_subsites.records), kept in its
build record while the branch is unchanged: what the national pages show comes from them."""

from __future__ import annotations

import json

import icalendar
import pytest

from branch_subsites.build_record import load_record
from branch_subsites.records import BranchExports, EventsExport, NewsItem, PictureCounts
from kit_testing import build

NOW = "1798761600"  # 2027-01-01: the fixture's events are still to come
OCCURRENCE = {
    "title": "Branch meeting",
    "url": "/branches/a/events/2027-01-20-meeting/",
    "start": "2027-01-20T19:00:00",
    "end": "2027-01-20T21:00:00",
    "starts_at": "2027-01-20T19:00:00+00:00",
    "ends_at": "2027-01-20T21:00:00+00:00",
    "all_day": False,
    "timezone": "Europe/London",
    "status": "scheduled",
    "place": "The library",
    "online": False,
    "site_name": "Alphaton branch",
    "site_url": "/branches/a",
    "nation": "England",
}


def test_a_branch_build_hands_back_typed_records_that_its_build_record_keeps(two_branches):
    output = build(two_branches, now=NOW)
    record = load_record(str(two_branches / ".cache" / "branches"), "alpha")
    exports = record.exports
    assert isinstance(exports, BranchExports)
    assert exports.news and all(isinstance(item, NewsItem) for item in exports.news)
    assert isinstance(exports.events, EventsExport) and exports.events.upcoming
    assert isinstance(exports.pictures, PictureCounts)
    assert exports.events.series_file in exports.cache_files
    # the national site shows what the records hold: the branch's latest post on the home page,
    # its next events on its nation's events page, its events in the national calendar
    home = (output / "index.html").read_text(encoding="utf-8")
    assert exports.news[0].url in home
    nation_page = (output / "events" / "england" / "index.html").read_text(encoding="utf-8")
    assert all(item["url"] in nation_page for item in exports.events.upcoming)
    calendar = icalendar.Calendar.from_ical((output / "calendars" / "all.ics").read_bytes())
    assert any(str(event["UID"]).startswith("alpha/") for event in calendar.walk("VEVENT"))


def test_the_records_round_trip_through_json():
    exports = BranchExports(
        news=[NewsItem("A post", "/branches/a/news/2027/a-post/", "2027-01-01T10:00:00+00:00", "Words")],
        events=EventsExport("/cache/series-1.json", "1", ["2027-01-01", "2027-02-01"], [OCCURRENCE], OCCURRENCE),
        pictures=PictureCounts(processed=2, cards_drawn=3),
        cache_files=["/cache/series-1.json"],
        valid_until="2027-01-02T00:00:00+00:00",
    )
    assert BranchExports.from_json(json.loads(json.dumps(exports.to_json()))) == exports


def test_a_build_record_of_another_shape_is_built_again(two_branches):
    build(two_branches, now=NOW)
    path = two_branches / ".cache" / "branches" / "alpha" / "build.json"
    data = json.loads(path.read_text())
    data["exports"] = {"news": [{"title": "Old", "link": "/old/"}]}  # an older kit's keys
    path.write_text(json.dumps(data))
    assert load_record(str(two_branches / ".cache" / "branches"), "alpha") is None
    build(two_branches, now=NOW, BUILD_SKIP_UNCHANGED=False)  # as after an upgrade: the kit's code changed
    record = load_record(str(two_branches / ".cache" / "branches"), "alpha")
    assert record is not None and record.exports.news[0].title != "Old"


# An exported occurrence changed in a build record (as a CI artifact could be): each is refused, so
# the branch is built again and its pages show what its files say.
DAMAGED_OCCURRENCES = {
    "an unknown status": ("status", "exploded"),
    "a start that is no date": ("starts_at", "soon"),
    "a UTC time without its offset": ("starts_at", "2027-01-20T19:00:00"),
    "an unknown time zone": ("timezone", "../../etc/passwd"),
    "markup for a flag": ("online", "<b>yes</b>"),
    "a field too many": ("onclick", "alert(1)"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_OCCURRENCES))
def test_an_exported_event_of_another_shape_is_refused_and_the_branch_built_again(two_branches, damage):
    output = build(two_branches, now=NOW)
    path = two_branches / ".cache" / "branches" / "alpha" / "build.json"
    data = json.loads(path.read_text())
    name, value = DAMAGED_OCCURRENCES[damage]
    data["exports"]["events"]["upcoming"][0][name] = value
    data["exports"]["events"]["upcoming"][0]["title"] = "Damaged meeting"
    path.write_text(json.dumps(data))
    assert load_record(str(two_branches / ".cache" / "branches"), "alpha") is None
    build(two_branches, now=NOW, BUILD_SKIP_UNCHANGED=False)  # past the check that no input changed
    nation_page = (output / "events" / "england" / "index.html").read_text(encoding="utf-8")
    assert "Damaged meeting" not in nation_page
    record = load_record(str(two_branches / ".cache" / "branches"), "alpha")
    assert record.exports.events.upcoming[0]["title"] != "Damaged meeting"
    assert all(item["url"] in nation_page for item in record.exports.events.upcoming)


def test_an_exported_event_elsewhere_is_left_out_and_a_branch_named_as_the_directory_names_it(two_branches):
    output = build(two_branches, now=NOW)
    path = two_branches / ".cache" / "branches" / "alpha" / "build.json"
    data = json.loads(path.read_text())
    events = data["exports"]["events"]
    first, second = events["upcoming"][0], events["upcoming"][-1]
    kept_url, dropped_url = second["url"], first["url"]
    assert dropped_url in (output / "events" / "england" / "index.html").read_text(encoding="utf-8")
    first.update(url="javascript:alert(1)", title="Elsewhere meeting")
    second.update(site_name="The party itself")
    events["next"] = dict(first)
    path.write_text(json.dumps(data))
    # the record is kept (the branch is unchanged), its values not trusted
    build(two_branches, now=NOW, BUILD_SKIP_UNCHANGED=False)
    for page in ("events/england/index.html", "events/index.html", "branches/index.html"):
        html = (output / page).read_text(encoding="utf-8")
        assert "javascript:" not in html and "Elsewhere meeting" not in html, page
        assert "The party itself" not in html, page
    nation_page = (output / "events" / "england" / "index.html").read_text(encoding="utf-8")
    assert kept_url in nation_page and dropped_url not in nation_page  # made again, without it
    kept = load_record(str(two_branches / ".cache" / "branches"), "alpha").exports.events
    assert kept.upcoming[0]["url"] == "javascript:alert(1)" and kept.next["url"] == "javascript:alert(1)"
