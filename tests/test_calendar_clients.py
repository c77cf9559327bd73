"""Every .ics of a build read alike by ical.js (node), vobject and tzdata (recurring-ical-events):
every fixture site, and the clock-change nights (bench/calendar_agreement.py); the demo site's in
test_example_site.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar, Timezone

from bench.calendar_agreement import compare, compare_output
from kit_testing import FIXTURES, KIT_ROOT, build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC
UNTIL = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # three years on: repeating events with no end stop here


def test_ical_js_is_installed():
    """`make test` installs it (npm ci): the comparison must never be skipped for want of it."""
    assert (KIT_ROOT / "node_modules/ical.js/package.json").is_file()


@pytest.fixture(scope="module")
def clock_changes(tmp_path_factory) -> Path:
    return build(copy_fixture("clock_changes", tmp_path_factory.mktemp("clocks") / "project"), now=NOW)


def has_events(fixture: Path) -> bool:
    return any((fixture / "content/events").glob("*.md")) or any(fixture.glob("branches/*/events/*.md"))


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and has_events(p)))
def test_every_fixture_site_with_events_reads_alike(tmp_path, fixture):
    output = build(copy_fixture(fixture, tmp_path / "project"), now=NOW)
    agreement = compare_output(output, UNTIL)
    assert agreement.files and agreement.occurrences
    assert agreement.disagreements == []


def test_the_nights_the_clocks_change_read_alike(clock_changes):
    agreement = compare_output(clock_changes, UNTIL)
    assert agreement.disagreements == []
    assert agreement.occurrences > 1000  # weekly, four times a Sunday, in London and New York, to 2030


def occurrence_vevent(output: Path, uid: str, recurrence_id: bytes):
    calendar = Calendar.from_ical((output / "calendar.ics").read_bytes())
    (event,) = [
        e
        for e in calendar.walk("VEVENT")
        if str(e["uid"]) == uid and "RECURRENCE-ID" in e and e["recurrence-id"].to_ical() == recurrence_id
    ]
    return event


def test_a_time_the_clocks_skip_is_given_in_utc_as_the_event_page_shows_it(clock_changes):
    """01:30 on 28 March 2027 does not happen in London: RFC 5545 and the page read it as 01:30 GMT."""
    moved = occurrence_vevent(clock_changes, "national/night-watch@test-party.example", b"20270328T013000")
    assert moved["recurrence-id"].params["TZID"] == "Europe/London"
    assert moved["dtstart"].to_ical() == b"20270328T013000Z"
    assert moved["dtend"].to_ical() == b"20270328T023000Z"  # the hour it lasts, not 02:30 local
    page = (clock_changes / "events/2027-03-28-night-watch/index.html").read_text(encoding="utf-8")
    assert 'datetime="2027-03-28T01:30:00+00:00"' in page


def test_a_time_the_clocks_repeat_is_the_first_of_the_two(clock_changes):
    moved = occurrence_vevent(clock_changes, "national/night-watch@test-party.example", b"20271031T013000")
    assert moved["dtstart"].to_ical() == b"20271031T003000Z"  # 01:30 BST
    page = (clock_changes / "events/2027-10-31-night-watch/index.html").read_text(encoding="utf-8")
    assert 'datetime="2027-10-31T01:30:00+01:00"' in page


def test_times_away_from_the_changes_keep_the_rule_alone(clock_changes):
    calendar = Calendar.from_ical((clock_changes / "events/sunday-social.ics").read_bytes())
    assert [e["uid"] for e in calendar.walk("VEVENT")] == ["national/sunday-social@test-party.example"]


def test_the_comparison_finds_icalendars_rdate_lists_an_hour_off(clock_changes, tmp_path):
    """The check can fail: the same calendar with the VTIMEZONE icalendar writes (the kit's before
    issue 17) reads an hour off in ical.js."""
    calendar = Calendar.from_ical((clock_changes / "calendar.ics").read_bytes())
    calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    for tzid in ("America/New_York", "Europe/London"):
        calendar.subcomponents.insert(0, Timezone.from_tzid(tzid, first_date=dt.date(2027, 1, 1)))
    old = tmp_path / "old.ics"
    old.write_bytes(calendar.to_ical())
    disagreements = compare([old], UNTIL).disagreements
    assert any(" ical.js: " in line for line in disagreements)
