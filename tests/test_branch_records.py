"""A branch's build hands the national site typed records (branch_subsites.records), kept in its
build record while the branch is unchanged: what the national pages show comes from them."""

from __future__ import annotations

import json

import icalendar

from branch_subsites.build_record import load_record
from branch_subsites.records import BranchExports, EventsExport, NewsItem, PictureCounts
from kit_testing import build

NOW = "1798761600"  # 2027-01-01: the fixture's events are still to come


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
        events=EventsExport("/cache/series-1.pickle", "1", ["2027-01-01", "2027-02-01"], [{"uid": "a/x"}], None),
        pictures=PictureCounts(processed=2, cards_drawn=3),
        cache_files=["/cache/series-1.pickle"],
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
