"""Repeat rules limited to what branches hold (issue 16): several times a day get their own pages,
rules more often than daily and series with too many dates are editor problems, never a crash."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import recurring_ical_events
from icalendar import Calendar

from content_schema import ContentProblems
from editor_checks.run import check_project
from events.event_source import EventSeries, parse_rrule
from events.occurrences import expand
from kit_testing import build, project_settings, tree_digest

NOW = "1798761600"  # 2027-01-01 00:00 UTC
EVENT = "branches/alpha/events/2027-01-12-sessions.md"


def write_event(project, repeat: str, extra: str = "", start: str = "2027-01-12 10:00") -> None:
    (project / EVENT).write_text(
        f"---\ntitle: Canvassing sessions\nstart: {start}\nduration: 1h\nlocation: Market Square\n"
        f"repeat: {repeat}\n{extra}---\nMorning and afternoon.\n",
        encoding="utf-8",
    )


REPEAT_LINE = 6


def problems_of(project, **settings) -> list[tuple[str, int, str, str]]:
    now = dt.datetime.fromtimestamp(int(NOW), dt.UTC)
    report = check_project(project_settings(project, BUILD_NOW=now, **settings))
    return [(p.path, p.line, p.message, p.fix) for p in report.errors]


def test_two_times_a_day_get_two_pages_showing_their_times_and_the_calendar_has_both(two_branches):
    write_event(two_branches, "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10,14;COUNT=6", "except: [2027-01-19]\n")
    assert problems_of(two_branches) == []
    output = build(two_branches, now=NOW)
    events = output / "branches/alpha/events"
    morning = (events / "2027-01-12-1000-sessions/index.html").read_text(encoding="utf-8")
    afternoon = (events / "2027-01-12-1400-sessions/index.html").read_text(encoding="utf-8")
    assert "10am to 11am GMT" in morning and '"startDate": "2027-01-12T10:00:00+00:00"' in morning
    assert "2pm to 3pm GMT" in afternoon and '"startDate": "2027-01-12T14:00:00+00:00"' in afternoon
    assert sorted(p.name for p in events.glob("*-sessions")) == [
        "2027-01-12-1000-sessions",
        "2027-01-12-1400-sessions",
        "2027-01-26-1000-sessions",
        "2027-01-26-1400-sessions",
    ]  # COUNT=6 counts the except day's two sessions
    assert (events / "2027-01-12-branch-meeting/index.html").is_file()  # once a day: the address as before

    calendar = Calendar.from_ical((events / "sessions.ics").read_bytes())
    starts = sorted(
        e["dtstart"].dt.isoformat()
        for e in recurring_ical_events.of(calendar).between(dt.date(2027, 1, 1), dt.date(2027, 3, 1))
    )
    assert starts == [
        "2027-01-12T10:00:00+00:00",
        "2027-01-12T14:00:00+00:00",
        "2027-01-26T10:00:00+00:00",
        "2027-01-26T14:00:00+00:00",
    ]


@pytest.mark.parametrize(
    "repeat, words",
    [
        ("FREQ=HOURLY", "more often than once a day"),
        ("FREQ=MINUTELY;INTERVAL=15", "more often than once a day"),
        ("FREQ=SECONDLY", "more often than once a day"),
        ("FREQ=DAILY;BYHOUR=9,10,11,12,13;BYMINUTE=0,10,20,30,40,50", "30 times on each day"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "never happen"),
        ("FREQ=DAILY;BYMONTH=1;BYYEARDAY=366", "never happen"),
        ("FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=-31", "never happen"),
    ],
)
def test_a_rule_beyond_what_branches_hold_is_a_problem_at_its_repeat_line(two_branches, repeat, words):
    write_event(two_branches, repeat)
    began = time.perf_counter()
    problems = problems_of(two_branches)
    assert time.perf_counter() - began < 3  # dateutil would look for a date up to the year 9999
    assert [(path, line) for path, line, _message, _fix in problems] == [(EVENT, REPEAT_LINE)], problems
    _path, _line, message, fix = problems[0]
    assert words in message and fix


def test_a_sub_daily_rule_stops_the_build_and_publishes_nothing(two_branches):
    before = tree_digest(build(two_branches, now=NOW))
    write_event(two_branches, "FREQ=MINUTELY;COUNT=5")
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches, now=NOW)
    assert [(p.path, p.line) for p in stopped.value.problems if p.is_error] == [(EVENT, REPEAT_LINE)]
    after = tree_digest(two_branches / "output")
    assert after == before  # the other sites' earlier output as it was, nothing of alpha's half-written
    assert "index.html" in after and "branches/beta-net/index.html" in after
    assert not any("sessions" in path for path in after)


def test_a_series_with_more_dates_than_the_cap_is_a_problem_and_the_cap_is_a_setting(two_branches):
    write_event(two_branches, "FREQ=DAILY;BYHOUR=10,14", start="2026-01-13 10:00")  # 2 a day, 2 years listed
    problems = problems_of(two_branches)
    assert [(p[0], p[1]) for p in problems] == [(EVENT, REPEAT_LINE)], problems
    assert "more than 1000 dates" in problems[0][2] and "UNTIL or COUNT" in problems[0][3]
    write_event(two_branches, "FREQ=WEEKLY;BYDAY=TU;COUNT=8")
    assert problems_of(two_branches) == []
    problems = problems_of(two_branches, EVENTS_MAX_OCCURRENCES=7)
    assert [(p[0], p[1]) for p in problems] == [(EVENT, REPEAT_LINE)] and "more than 7 dates" in problems[0][2]
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches, now=NOW, EVENTS_MAX_OCCURRENCES=7)
    assert any(
        (p.path, p.line) == (EVENT, REPEAT_LINE) and "more than 7 dates" in p.message for p in stopped.value.problems
    ), stopped.value.problems
    assert not (two_branches / "output/branches/alpha/events/2027-01-12-sessions").exists()


def series(start: dt.datetime, repeat: str) -> EventSeries:
    return EventSeries(
        slug="s",
        title="S",
        all_day=False,
        start=start,
        end=start + dt.timedelta(hours=1),
        timezone="Europe/London",
        status="scheduled",
        body="",
        source_path="s.md",
        repeat=repeat,
    )


@pytest.mark.parametrize("repeat", ["FREQ=DAILY", "FREQ=DAILY;INTERVAL=2;BYDAY=MO,TH", "FREQ=WEEKLY;BYDAY=TU,TH"])
def test_a_series_begun_long_ago_gives_its_dates_without_walking_from_its_start(repeat):
    now = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
    first = dt.datetime(1, 1, 2, 19)
    walked = parse_rrule(repeat, first).between(dt.datetime(2027, 1, 1), dt.datetime(2028, 1, 1), inc=True)
    began = time.perf_counter()
    dates = expand(series(first, repeat), now, 12, 0)
    took = time.perf_counter() - began
    assert [o.start.replace(tzinfo=None) for o in dates] == walked and walked
    assert took < 0.5, took  # walking from the year 1 day by day takes seconds


def test_an_occurrence_address_taken_twice_is_a_problem_in_both_files_not_a_crash(two_branches):
    before = tree_digest(build(two_branches, now=NOW))
    write_event(two_branches, "FREQ=DAILY;BYHOUR=10,14;COUNT=2")
    other = "branches/alpha/events/2027-01-12-1000-sessions.md"  # a one-off at the morning session's address
    (two_branches / other).write_text(
        "---\ntitle: Other\nstart: 2027-01-12 18:00\nduration: 1h\n---\nText\n", encoding="utf-8"
    )
    clash = "`2027-01-12-1000-sessions`"
    problems = problems_of(two_branches)
    assert sorted((p[0], p[1]) for p in problems if clash in p[2]) == sorted([(EVENT, REPEAT_LINE), (other, 1)]), (
        problems
    )
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches, now=NOW)
    assert {p.path for p in stopped.value.problems if clash in p.message} == {EVENT, other}
    assert tree_digest(two_branches / "output") == before


def test_an_all_day_event_cannot_repeat_several_times_a_day(two_branches):
    write_event(two_branches, "FREQ=WEEKLY;BYHOUR=10,14", start="2027-01-12\nall_day: true")
    problems = problems_of(two_branches)
    several = [(p[0], p[1]) for p in problems if "several times on one day" in p[2]]
    assert several == [(EVENT, REPEAT_LINE + 1)], problems
