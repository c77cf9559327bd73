"""National calendars sized for subscribers (issue 17): windowed, capped by whole days, one per
English region; a branch's own calendar keeps everything. Read back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
import recurring_ical_events
from icalendar import Calendar

from kit_testing import build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC; the window is 25 December 2026 to 1 April 2027


def write_branch(project, slug: str, name: str, nation: str, region: str | None, areas: str) -> None:
    folder = project / "branches" / slug
    (folder / "events").mkdir(parents=True)
    region_line = f"region: {region}\n" if region else ""
    (folder / "branch.yaml").write_text(
        f"name: {name}\nkind: local\nnation: {nation}\n{region_line}areas: [{areas}]\n"
        f"contact: {slug}@example.org\ndescription: The {name} branch, for tests.\n"
        f"meets: Tuesdays, 7pm, the hall\neditors: [{slug}-editor]\n",
        encoding="utf-8",
    )


def write_event(project, slug: str, name: str, start: str, extra: str = "") -> None:
    (project / "branches" / slug / "events" / f"{name}.md").write_text(
        f"---\ntitle: {name.replace('-', ' ').capitalize()}\nstart: {start}\nduration: 2h\n"
        f"location: The hall\n{extra}---\nAn event.\n",
        encoding="utf-8",
    )


def make_project(folder):
    """The two-branch fixture (alpha: South West) with gamma in the North East and delta in Scotland."""
    project = copy_fixture("two_branches", folder / "project")
    write_branch(project, "gamma", "Gammaton", "England", "North East", "NE1")
    write_event(project, "gamma", "weekly-surgery", "2020-01-07 18:00", "repeat: FREQ=WEEKLY;BYDAY=TU\n")
    write_event(project, "gamma", "summer-fair", "2026-06-01 11:00")  # long past
    write_event(project, "gamma", "boxing-day-walk", "2026-12-26 10:00")  # within the last 7 days
    write_event(project, "gamma", "winter-quiz", "2026-12-20 19:00")  # 12 days before: out
    write_event(project, "gamma", "autumn-talk", "2027-09-10 19:00")  # beyond the next 90 days
    write_branch(project, "delta", "Deltaburgh", "Scotland", None, "EH1")
    write_event(project, "delta", "ceilidh", "2027-01-15 19:30")
    return project


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(make_project(tmp_path_factory.mktemp("feeds")), now=NOW)


def uids(output, path) -> list[str]:
    return sorted(str(e["uid"]) for e in Calendar.from_ical((output / path).read_bytes()).walk("VEVENT"))


def test_the_window_keeps_an_open_ended_weekly_series_and_drops_old_and_far_events(output):
    calendar = Calendar.from_ical((output / "calendars/all.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "alpha/branch-meeting@test-party.example",  # monthly, in January
        "alpha/clocks-change-walk@test-party.example",  # 28 March
        "alpha/stall@test-party.example",  # 20 February
        "delta/ceilidh@test-party.example",
        "gamma/boxing-day-walk@test-party.example",  # 6 days before: the short past is kept
        "gamma/weekly-surgery@test-party.example",
    ]  # not the national conference (May), alpha's social (October), gamma's fair, quiz and talk
    surgery = events["gamma/weekly-surgery@test-party.example"]
    assert surgery["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=TU"  # one VEVENT, its rule unchanged, no end
    assert surgery["dtstart"].dt == dt.datetime(2020, 1, 7, 18, 0, tzinfo=surgery["dtstart"].dt.tzinfo)
    later = recurring_ical_events.of(calendar).between(dt.date(2028, 6, 1), dt.date(2028, 6, 8))
    assert [str(e["uid"]) for e in later] == ["gamma/weekly-surgery@test-party.example"]  # and it goes on


def test_a_branch_calendar_keeps_all_its_events(output):
    assert uids(output, "branches/gamma/calendar.ics") == [
        "gamma/autumn-talk@test-party.example",
        "gamma/boxing-day-walk@test-party.example",
        "gamma/summer-fair@test-party.example",
        "gamma/weekly-surgery@test-party.example",
        "gamma/winter-quiz@test-party.example",
    ]
    assert len(uids(output, "calendar.ics")) == 1  # the main site's own: its conference, in May


def test_each_english_region_has_a_calendar_of_exactly_its_branches(output):
    branch_uids = {
        region: {u.split("/")[0] for u in uids(output, f"calendars/england/{region}.ics")}
        for region in ("north-east", "south-west", "london", "yorkshire-and-the-humber")
    }
    assert branch_uids == {"north-east": {"gamma"}, "south-west": {"alpha"}, "london": set(),
                           "yorkshire-and-the-humber": set()}  # fmt: skip
    assert len(list((output / "calendars/england").glob("*.ics"))) == 9
    assert {u.split("/")[0] for u in uids(output, "calendars/england.ics")} == {"alpha", "gamma"}
    assert uids(output, "calendars/scotland.ics") == ["delta/ceilidh@test-party.example"]
    name = Calendar.from_ical((output / "calendars/england/north-east.ics").read_bytes())["x-wr-calname"]
    assert str(name) == "The Test Party: North East"


def test_national_events_are_in_every_calendar_of_many_branches_within_the_window(tmp_path):
    output = build(make_project(tmp_path), now=NOW, EVENTS_FEED_AHEAD_DAYS=200)
    for path in ["calendars/all.ics", "calendars/wales.ics", "calendars/england/london.ics"]:
        assert "national/conference@test-party.example" in uids(output, path), path
    summaries = [
        str(e["summary"]) for e in Calendar.from_ical((output / "calendars/all.ics").read_bytes()).walk("VEVENT")
    ]
    assert "National: Spring conference" in summaries and "Gammaton branch: Weekly surgery" in summaries
    assert "gamma/autumn-talk@test-party.example" not in uids(output, "calendars/all.ics")  # 252 days ahead
    assert "alpha/clocks-back-social@test-party.example" not in uids(output, "calendars/all.ics")


def test_the_pages_say_what_each_calendar_holds(output):
    index = (output / "events/index.html").read_text(encoding="utf-8")
    assert "Follow every national event, past and planned, in your calendar app" in index
    assert (
        'href="http://localhost:8000/calendars/all.ics"' in index
        and 'href="http://localhost:8000/calendars/england/north-east.ics"' in index
    )
    assert "National events and those of 3 branches, from 25 December 2026 to 1 April 2027: 6 events now." in index
    assert "London (England)</strong>:" in index
    assert (
        "National events only (no branch here has events yet), from 25 December 2026 to 1 April 2027: 0 events" in index
    )
    england = (output / "events/england/index.html").read_text(encoding="utf-8")
    assert (
        "A calendar for your region" in england
        and 'href="http://localhost:8000/calendars/england/south-west.ics"' in england
    )
    region = (output / "branches/england/north-east/index.html").read_text(encoding="utf-8")
    assert 'href="http://localhost:8000/calendars/england/north-east.ics"' in region
    assert "National events and those of 1 branch, from 25 December 2026 to 1 April 2027: 2 events now." in region
    branch = (output / "branches/gamma/events/index.html").read_text(encoding="utf-8")
    assert "Follow every event of Gammaton, past and planned, in your calendar app" in branch
    event = (output / "branches/gamma/events/2027-01-05-weekly-surgery/index.html").read_text(encoding="utf-8")
    assert 'id="kit-calendar-address" type="url" value="http://localhost:8000/branches/gamma/calendar.ics"' in event
    national = (output / "events/2027-05-15-conference/index.html").read_text(encoding="utf-8")
    assert 'value="http://localhost:8000/calendar.ics" readonly' in national


def test_a_capped_calendar_holds_the_soonest_events_and_says_to_when(tmp_path):
    """Three events a day for a week in the North East: with room for 7 events, all.ics keeps the
    national events in its window (none here), then the soonest: the 3rd's and 4th's, and of the
    5th's four (with the weekly surgery) the first."""
    project = make_project(tmp_path)
    for day in range(3, 10):
        for hour in (10, 14, 18):
            write_event(project, "gamma", f"canvass-{day:02d}-{hour}", f"2027-01-{day:02d} {hour}:00")
    output = build(project, now=NOW, EVENTS_FEED_MAX_EVENTS=7)
    held = uids(output, "calendars/all.ics")
    soonest = [f"gamma/canvass-{day:02d}-{hour}@test-party.example" for day in (3, 4) for hour in (10, 14, 18)]
    assert held == sorted([*soonest, "gamma/canvass-05-10@test-party.example"])
    assert len(uids(output, "branches/gamma/calendar.ics")) == 5 + 21  # the branch's own: all
    assert uids(output, "calendars/scotland.ics") == ["delta/ceilidh@test-party.example"]  # not capped
    index = (output / "events/index.html").read_text(encoding="utf-8")
    assert (
        "National events from 25 December 2026 to 1 April 2027, but branch events only from 1 January 2027 to "
        "5 January 2027 (and of 5 January 2027, only the soonest): 7 events now. All the events of its 3 branches "
        "in that time would be more than calendar apps take (7 events or 1 MB)"
    ) in index


def test_a_day_too_big_for_the_cap_gives_its_soonest_events(tmp_path):
    project = make_project(tmp_path)
    for hour in range(9, 19):
        write_event(project, "gamma", f"phone-bank-{hour}", f"2027-01-01 {hour}:00")
    output = build(project, now=NOW, EVENTS_FEED_MAX_EVENTS=4)
    assert uids(output, "calendars/england/north-east.ics") == [
        f"gamma/phone-bank-{hour}@test-party.example" for hour in (10, 11, 12, 9)
    ]  # 9, 10, 11 and 12 o'clock, sorted by UID here
    index = (output / "events/index.html").read_text(encoding="utf-8")
    assert "to 1 January 2027 (and of 1 January 2027, only the soonest)" in index


def test_no_calendar_of_many_branches_is_over_its_byte_cap(output, tmp_path):
    size = (output / "calendars/all.ics").stat().st_size
    capped = build(make_project(tmp_path), now=NOW, EVENTS_FEED_MAX_BYTES=size - 1)
    assert (capped / "calendars/all.ics").stat().st_size <= size - 1
    assert 0 < len(uids(capped, "calendars/all.ics")) < len(uids(output, "calendars/all.ics"))
    assert len(uids(capped, "calendars/england/north-east.ics")) == 2  # smaller: whole
    index = (capped / "events/index.html").read_text(encoding="utf-8")
    assert f"({1000:,} events or {(size - 1) / 1000:.0f} KB)" in index
    assert "but branch events only from 1 January 2027 to" in index


def test_the_calendar_budget_finds_the_largest_and_fails_above_a_thousand_events(output, tmp_path, capsys):
    from bench.feed_budget import feeds, report

    found = {feed.path: feed for feed in feeds(output)}
    assert found["calendars/all.ics"].events == len(uids(output, "calendars/all.ics")) == 6
    assert found["branches/gamma/calendar.ics"].events == 5
    assert report(output)
    assert "largest by events: calendars/all.ics: 6 events" in capsys.readouterr().out

    (tmp_path / "calendars").mkdir()
    event = b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n"
    (tmp_path / "calendars/big.ics").write_bytes(b"BEGIN:VCALENDAR\r\n" + event * 1001 + b"END:VCALENDAR\r\n")
    (tmp_path / "small.ics").write_bytes(b"BEGIN:VCALENDAR\r\n" + event * 1000 + b"END:VCALENDAR\r\n")
    assert not report(tmp_path)
    printed = capsys.readouterr().out
    assert "OVER: calendars/big.ics: 0.033 MB, 1,001 events" in printed and "OVER: small.ics" not in printed


def test_past_days_come_after_every_upcoming_day_latest_first(tmp_path):
    project = make_project(tmp_path)
    write_event(project, "gamma", "carol-singing", "2026-12-30 18:00")
    output = build(project, now=NOW, EVENTS_FEED_MAX_EVENTS=6)  # 5 upcoming, then the 30th, not the 26th
    held = uids(output, "calendars/all.ics")
    assert "gamma/carol-singing@test-party.example" in held and "gamma/boxing-day-walk@test-party.example" not in held
    assert len(held) == 6
    index = (output / "events/index.html").read_text(encoding="utf-8")
    assert "but branch events only from 30 December 2026 to 1 April 2027" in index


def test_national_events_are_kept_even_past_the_cap_and_the_build_says_so(tmp_path, caplog):
    output = build(make_project(tmp_path), now=NOW, EVENTS_FEED_AHEAD_DAYS=200, EVENTS_FEED_MAX_EVENTS=0)
    assert uids(output, "calendars/all.ics") == ["national/conference@test-party.example"]
    assert uids(output, "calendars/england/north-east.ics") == ["national/conference@test-party.example"]
    assert len(uids(output, "branches/gamma/calendar.ics")) == 5
    index = (output / "events/index.html").read_text(encoding="utf-8")
    assert "National events from 25 December 2026 to 20 July 2027, and no branch events: 1 event now." in index
    assert "calendars/all.ics holds 1 VEVENTs, " in caplog.text and "EVENTS_FEED_AHEAD_DAYS" in caplog.text


def record(uid: str, start: str, end: str, repeat: str | None = None, exdates=(), all_day: bool = False) -> dict:
    return {"uid": uid, "start": start, "end": end, "timezone": "Europe/London", "all_day": all_day,
            "repeat": repeat, "exdates": list(exdates)}  # fmt: skip


def test_a_date_in_the_window_decides_even_for_all_day_events_begun_before_it_and_except_days():
    from events.feeds import FeedWindow, feed_place

    settings = {"TIMEZONE": "Europe/London", "EVENTS_FEED_PAST_DAYS": 7, "EVENTS_FEED_AHEAD_DAYS": 90}  # the defaults
    window = FeedWindow.around(dt.datetime.fromtimestamp(int(NOW), dt.UTC), settings)
    assert (window.first_day, window.last_day) == (dt.date(2026, 12, 25), dt.date(2027, 4, 1))
    camp = record("a/camp", "2026-12-20", "2026-12-26", all_day=True)  # its last day is in the window
    assert feed_place(camp, window) is not None
    assert feed_place(record("a/gone", "2026-12-20", "2026-12-24", all_day=True), window) is None
    # a series whose only date in the window is an `except` day is left out
    once = record("a/once", "2026-12-01 19:00", "2026-12-01 21:00", "FREQ=MONTHLY;BYDAY=1TU;COUNT=2", ["2027-01-05"])
    assert feed_place(once, window) is None
    assert feed_place({**once, "exdates": []}, window) is not None
    daily = record("a/daily", "2001-01-01 08:00", "2001-01-01 09:00", "FREQ=DAILY")  # long ago, no end
    assert feed_place(daily, window)[1] == dt.date(2027, 1, 1).toordinal()  # today's, upcoming
    assert feed_place(record("a/later", "2027-04-02 00:30", "2027-04-02 01:00"), window) is None


def test_the_cap_counts_the_vevents_a_clock_change_adds_to_a_repeating_event(tmp_path):
    from bench.feed_budget import feeds

    project = make_project(tmp_path)
    # 01:30 on 28 March 2027 does not happen in London: the series gets a VEVENT more for that night
    write_event(project, "gamma", "night-shift", "2027-01-03 01:30", "repeat: FREQ=WEEKLY;BYDAY=SU;COUNT=20\n")
    output = build(project, now=NOW, EVENTS_FEED_MAX_EVENTS=7)
    calendar = Calendar.from_ical((output / "branches/gamma/calendar.ics").read_bytes())
    assert sum(1 for e in calendar.walk("VEVENT") if "night-shift" in str(e["uid"])) == 2
    held = uids(output, "calendars/all.ics")
    assert "gamma/night-shift@test-party.example" in held
    assert "gamma/boxing-day-walk@test-party.example" not in held  # 7 records, but 8 VEVENTs
    assert {f.path: f.events for f in feeds(output)}["calendars/all.ics"] == 7
