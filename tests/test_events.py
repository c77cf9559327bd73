"""Events: pages, month grids, iCalendar feeds and the national aggregates."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import recurring_ical_events
from icalendar import Calendar

from editor_checks.run import check_project
from kit_testing import NATIONAL_IMPRINT, build, copy_fixture, project_settings

NOW = "1798761600"  # 2027-01-01 00:00 UTC


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("events") / "project")
    return build(project, now=NOW)


def read(output, path):
    return (output / path).read_text(encoding="utf-8")


def calendar(output, path) -> Calendar:
    return Calendar.from_ical((output / path).read_bytes())


def test_monthly_second_tuesday_with_an_exception(output):
    events = output / "branches/alpha/events"
    dates = sorted(p.name[:10] for p in events.glob("*-branch-meeting"))
    assert dates == ["2027-01-12", "2027-02-09", "2027-03-09", "2027-05-11", "2027-06-08"]  # not 2027-04-13
    cal = calendar(output, "branches/alpha/calendar.ics")
    (meeting,) = [e for e in cal.walk("VEVENT") if str(e["summary"]) == "Branch meeting"]
    assert meeting["uid"] == "alpha/branch-meeting@test-party.example"
    assert meeting["rrule"].to_ical() == b"FREQ=MONTHLY;COUNT=6;BYDAY=2TU"
    assert meeting["dtstart"].dt == dt.datetime(2027, 1, 12, 19, 0, tzinfo=meeting["dtstart"].dt.tzinfo)
    assert meeting["dtstart"].params["TZID"] == "Europe/London"
    assert [d.dt for d in meeting["exdate"].dts] == [
        dt.datetime(2027, 4, 13, 19, 0, tzinfo=meeting["dtstart"].dt.tzinfo)
    ]
    # the feed gives the same dates as the HTML pages
    occurrences = recurring_ical_events.of(cal).between(dt.date(2027, 1, 1), dt.date(2028, 1, 1))
    ics_dates = sorted(str(o["dtstart"].dt.date()) for o in occurrences if str(o["summary"]) == "Branch meeting")
    assert ics_dates == dates
    (london,) = [c for c in cal.subcomponents if c.name == "VTIMEZONE"]
    assert london["tzid"] == "Europe/London"
    # the yearly rules, for ever, with the onsets at 01:00 GMT and 02:00 BST; no RDATE lists
    daylight, standard = london.subcomponents
    assert (daylight.name, standard.name) == ("DAYLIGHT", "STANDARD")
    assert daylight["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert daylight["dtstart"].to_ical() == b"19960331T010000"
    assert (daylight["tzoffsetfrom"].to_ical(), daylight["tzoffsetto"].to_ical()) == ("+0000", "+0100")
    assert standard["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    assert standard["dtstart"].to_ical() == b"19961027T020000"
    assert (str(daylight["tzname"]), str(standard["tzname"])) == ("BST", "GMT")
    assert b"RDATE" not in london.to_ical()


def test_daylight_saving_edges_show_gmt_and_bst(output):
    page = read(output, "branches/alpha/events/2027-03-28-clocks-change-walk/index.html")
    assert (
        '<time class="dt-start" datetime="2027-03-28T10:00:00+01:00">Sunday 28 March 2027, 10am to midday BST</time>'
        in page
    )
    jan = read(output, "branches/alpha/events/2027-01-12-branch-meeting/index.html")
    assert "Tuesday 12 January 2027, 7pm to 9pm GMT" in jan
    october = read(output, "branches/alpha/events/2027-10-31-clocks-back-social/index.html")
    assert 'datetime="2027-10-31T00:30:00+01:00"' in october  # BST before the change
    assert 'datetime="2027-10-31T03:30:00+00:00"' in october  # GMT after it
    assert "Sunday 31 October 2027, 12:30am BST to Sunday 31 October 2027, 3:30am GMT" in october


def test_cancelled_event_stays_listed_and_in_the_feed(output):
    listing = read(output, "branches/alpha/events/index.html")
    assert (
        '<strong class="kit-status kit-status--cancelled">Cancelled</strong> '
        '<a class="u-url p-name" href="/branches/alpha/events/2027-10-31-clocks-back-social/">' in listing
    )
    page = read(output, "branches/alpha/events/2027-10-31-clocks-back-social/index.html")
    assert "<strong>Cancelled.</strong> This event will not take place." in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["eventStatus"] == "https://schema.org/EventCancelled"
    (social,) = [
        e for e in calendar(output, "branches/alpha/calendar.ics").walk("VEVENT") if "Social" in str(e["summary"])
    ]
    assert str(social["status"]) == "CANCELLED"
    assert str(social["summary"]) == "Cancelled: Social on the day the clocks go back"


def test_rescheduled_event_has_previous_start(output):
    page = read(output, "branches/alpha/events/2027-02-20-stall/index.html")
    assert "<strong>Rescheduled.</strong> It was planned for Saturday 13 February 2027." in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["previousStartDate"] == "2027-02-13T11:00:00+00:00"  # with its offset, as startDate
    assert ld["startDate"] == "2027-02-20T11:00:00+00:00"
    assert ld["location"]["@type"] == "Place"
    assert ld["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_all_day_multi_day_event(output):
    page = read(output, "events/2027-05-15-conference/index.html")
    assert "Saturday 15 May 2027 to Sunday 16 May 2027" in page
    (conf,) = calendar(output, "calendar.ics").walk("VEVENT")
    assert conf["dtstart"].to_ical() == b"20270515"
    assert conf["dtend"].to_ical() == b"20270517"  # exclusive end: the day after the last day
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_branch_with_no_events(output):
    assert "No events are planned at the moment." in read(output, "branches/beta-net/events/index.html")
    assert calendar(output, "branches/beta-net/calendar.ics").walk("VEVENT") == []


def test_month_grid_is_an_accessible_table(output):
    page = read(output, "branches/alpha/events/2027/01/index.html")
    assert "<caption>January 2027, Alphaton branch</caption>" in page
    assert '<th scope="col"><abbr title="Monday">Mon</abbr></th>' in page
    assert (
        'href="/branches/alpha/events/2027-01-12-branch-meeting/"><span class="p-name">Branch meeting</span></a>'
        in page
    )
    assert 'rel="next" href="/branches/alpha/events/2027/02/"' in page


def test_national_aggregates(output):
    all_cal = calendar(output, "calendars/all.ics")
    uids = sorted(str(e["uid"]) for e in all_cal.walk("VEVENT"))
    assert uids == [  # the next 90 days (test_event_feeds): not the conference in May, nor October's social
        "alpha/branch-meeting@test-party.example",
        "alpha/clocks-change-walk@test-party.example",
        "alpha/stall@test-party.example",
    ]
    summaries = sorted(str(e["summary"]) for e in all_cal.walk("VEVENT"))
    assert "Alphaton branch: Branch meeting" in summaries
    england = sorted(str(e["uid"]) for e in calendar(output, "calendars/england.ics").walk("VEVENT"))
    assert england == uids  # alpha is in England
    assert calendar(output, "calendars/wales.ics").walk("VEVENT") == []
    page = read(output, "events/england/index.html")
    assert 'href="/branches/alpha/events/2027-01-12-branch-meeting/">Branch meeting</a>' in page
    home = read(output, "index.html")
    assert "Coming up across the country" in home
    assert home.index("2027-01-12-branch-meeting") < home.index("2027-02-09-branch-meeting")


def test_uid_survives_a_title_edit_and_sequence_rises_on_a_change(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    project = copy_fixture("two_branches", tmp_path / "p")
    output = build(project)
    path = project / "branches/alpha/events/2027-02-20-stall.md"

    def stall():
        cal = calendar(output, "branches/alpha/calendar.ics")
        return next(e for e in cal.walk("VEVENT") if str(e["uid"]) == "alpha/stall@test-party.example")

    assert stall()["sequence"] == 1  # rescheduled (previous_start): moved once already, cache or none
    path.write_text(path.read_text().replace("11:00\nend: 2027-02-20 14:00", "12:00\nend: 2027-02-20 15:00"))
    build(project)
    assert stall()["sequence"] == 2
    path.write_text(path.read_text().replace("title: Market stall", "title: Market stall and leaflets"))
    build(project)
    assert str(stall()["summary"]) == "Market stall and leaflets"
    assert stall()["sequence"] == 3


BAD = {
    "end before start": ("start: 2027-01-12 19:00\nend: 2027-01-12 18:00\n", 4, "ends (2027-01-12 18:00) before"),
    "unknown zone": ("start: 2027-01-12 19:00\nduration: 1h\ntimezone: Europe/Londn\n", 5, "`Europe/London`"),
    "bad date": ("start: 2027-02-30 19:00\nduration: 1h\n", 3, "February 2027 has 28 days"),
    "bad rrule": ("start: 2027-01-12 19:00\nduration: 1h\nrepeat: FREQ=SOMETIMES\n", 5, "`repeat` is"),
    "missing start": ("duration: 1h\n", 4, "has no `start`"),
    "http online": ("start: 2027-01-12 19:00\nduration: 1h\nonline: http://x.example.org/\n", 5, "https://"),
    "not an occurrence": (
        "start: 2027-01-12 19:00\nduration: 1h\nrepeat: FREQ=MONTHLY;BYDAY=2TU\nexcept: [2027-04-14]\n",
        6,
        "2027-04-14, which is not a date this event repeats on",
    ),
    "clocks forward gap": ("start: 2027-03-28 01:30\nduration: 1h\n", 3, "does not exist in Europe/London"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_events_name_file_line_and_fix(tmp_path, case):
    front, line, message = BAD[case]
    (tmp_path / "content" / "events").mkdir(parents=True)
    (tmp_path / "content/events/2027-01-12-x.md").write_text(f"---\ntitle: X\n{front}---\nText\n")
    problems = check_project(project_settings(tmp_path)).sorted()
    assert any(
        p.path == "content/events/2027-01-12-x.md"
        and p.line == line
        and (message in p.message or message in p.fix)
        and p.fix
        for p in problems
    ), [(p.line, p.message, p.fix) for p in problems]


def test_all_event_errors_reported_together(tmp_path):
    (tmp_path / "content" / "events").mkdir(parents=True)
    for case, (front, _line, _message) in BAD.items():
        name = re.sub(r"\W+", "-", case)
        (tmp_path / f"content/events/2027-01-12-{name}.md").write_text(f"---\ntitle: X\n{front}---\n")
    problems = check_project(project_settings(tmp_path)).sorted()
    assert len({p.path for p in problems}) == len(BAD)


def test_every_problem_in_one_event_file_is_reported(tmp_path):
    """A key with its own error does not hide the problems found by comparing keys."""
    (tmp_path / "content" / "events").mkdir(parents=True)
    (tmp_path / "content/events/2027-01-12-x.md").write_text(
        "---\ntitle: X\nstart: 2027-01-12 19:00\nend: 2027-01-12 18:00\n"
        "timezone: Europe/Londn\nonline: http://x.example.org/\n---\n"
    )
    problems = check_project(project_settings(tmp_path)).sorted()
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [(4, "the"), (5, "`timezone`"), (6, "`online`")]


def test_a_skipped_branch_is_rebuilt_once_its_next_event_has_passed(tmp_path, monkeypatch, capfd):
    project = copy_fixture("two_branches", tmp_path / "p")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    build(project)
    build(project)
    assert "nothing changed since the last build" in capfd.readouterr().out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW) + 30 * 86400))  # 31 January 2027
    output = build(project)
    assert "1 built, 1 unchanged" in capfd.readouterr().err  # alpha has events; beta-net has none
    listing = read(output, "branches/alpha/events/past/index.html")
    assert "2027-01-12-branch-meeting" in listing


def test_dtstamp_is_when_the_event_last_changed_so_a_later_build_rewrites_no_calendar(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "p")
    output = build(project, now=NOW)
    calendars = sorted(output.rglob("*.ics"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in calendars}
    later = str(int(NOW) + 5 * 3600)  # the same files, built five hours on
    build(project, now=later)
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in calendars} == before

    path = project / "branches/alpha/events/2027-02-20-stall.md"
    path.write_text(path.read_text().replace("title: Market stall", "title: Seed swap stall"))
    build(project, now=later)
    stamps = {str(e["uid"]): e["dtstamp"].dt for e in calendar(output, "calendars/all.ics").walk("VEVENT")}
    assert stamps["alpha/stall@test-party.example"] == dt.datetime.fromtimestamp(int(later), dt.UTC)
    assert stamps["alpha/branch-meeting@test-party.example"] == dt.datetime.fromtimestamp(int(NOW), dt.UTC)


def test_assembled_calendars_are_what_icalendar_writes_for_the_whole_calendar(tmp_path):
    """calendar_bytes joins VEVENTs serialised once each; the result must be byte for byte what
    icalendar gives for the same calendar built whole, with several time zones."""
    from icalendar import Calendar as WholeCalendar
    from icalendar import vDuration

    from branch_subsites.build_record import load_record
    from events.generator import load_series
    from events.ical import calendar_bytes, timezone_range, vevents
    from events.time_zones import vtimezone
    from events.vevent_texts import VeventTexts

    project = copy_fixture("two_branches", tmp_path / "p")
    stall = project / "branches/alpha/events/2027-02-20-stall.md"
    stall.write_text(
        stall.read_text().replace("end: 2027-02-20 14:00", "end: 2027-02-20 14:00\ntimezone: Europe/Dublin")
    )
    output = build(project, now=NOW)
    # the record names its cache files within .cache/branches/ (a shard's record reads on another runner)
    cache = str(project / ".cache/branches")
    records = load_series(load_record(cache, "alpha").exports.events, cache)
    assert {r["timezone"] for r in records} == {"Europe/London", "Europe/Dublin"}
    prefixes = {r["uid"]: "Alphaton branch" for r in records}
    zones = timezone_range(records)

    whole = WholeCalendar()
    for name, value in [
        ("prodid", "-//branchsites//Events//EN"),
        ("version", "2.0"),
        ("calscale", "GREGORIAN"),
        ("name", "All"),
        ("x-wr-calname", "All"),
        ("description", "Promoted by A. Agent, 1 Road, Town AB1 2CD."),
        ("x-wr-caldesc", "Promoted by A. Agent, 1 Road, Town AB1 2CD."),
    ]:
        whole.add(name, value)
    whole.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    whole.add("x-published-ttl", vDuration(dt.timedelta(hours=12)))
    for record in sorted(records, key=lambda r: r["uid"]):
        for event in vevents(record, prefixes[record["uid"]]):
            whole.add_component(event)
    for tzid in sorted(whole.get_used_tzids()):
        whole.add_component(vtimezone(tzid, zones))
    whole.subcomponents.sort(key=lambda c: (c.name != "VTIMEZONE", str(c.get("tzid", ""))))  # TZID order

    events = VeventTexts({})
    described = {"name": "All", "description": "Promoted by A. Agent, 1 Road, Town AB1 2CD."}
    assembled = calendar_bytes(records, **described, zones=zones, events=events, prefixes=prefixes)
    assert assembled == whole.to_ical()
    assert calendar_bytes(records, **described, zones=zones, events=events, prefixes=prefixes) == assembled
    assert b"TZID:Europe/Dublin" in (output / "calendars/all.ics").read_bytes()


def test_the_main_site_serialises_only_events_it_has_not_seen_before(tmp_path):
    from events.vevent_texts import VeventTexts
    from kit_testing import KIT_ROOT

    settings = {"PLUGIN_PATHS": [str(KIT_ROOT / "plugins")], "KIT_ROOT": str(KIT_ROOT)}
    path = str(tmp_path / "vevents.pickle")
    made = []

    def make(record, prefix):
        from icalendar import Event

        made.append(record["uid"])
        event = Event()
        event.add("uid", record["uid"])
        event.add("summary", f"{prefix}: {record['title']}")
        return [event]

    one, two = {"uid": "a/1", "title": "One"}, {"uid": "b/2", "title": "Two"}
    first = VeventTexts(settings, path)
    assert first.get(one, "A", make)[0].startswith(b"BEGIN:VEVENT")
    first.get(two, "B", make)
    first.get(one, "A", make)  # the same record again: not serialised again
    first.save()
    assert made == ["a/1", "b/2"]

    later = VeventTexts(settings, path)  # the next build
    later.get(dict(one), "A", make)
    later.get({**two, "title": "Two, moved"}, "B", make)
    assert made == ["a/1", "b/2", "b/2"]  # only the changed event
    later.save()

    (tmp_path / "vevents.pickle").write_bytes(b"not a pickle")
    VeventTexts(settings, path).get(one, "A", make)  # a damaged file is ignored
    assert made[-1] == "a/1"


def test_a_branch_whose_events_file_is_gone_is_built_again(tmp_path, capfd):
    """The national calendars read each branch's event records from the file its build left."""
    project = copy_fixture("two_branches", tmp_path / "p")
    build(project, now=NOW)
    for path in (project / ".cache/branches/alpha/pelican/events").glob("series-*.json"):
        path.unlink()
    (project / "output/calendars/all.ics").unlink()  # made again, from every branch's records
    capfd.readouterr()
    output = build(project, now=NOW)
    assert "1 built, 1 unchanged" in capfd.readouterr().err
    assert "Branch meeting" in (output / "calendars/all.ics").read_text()


def test_every_calendar_names_itself_says_how_often_to_refresh_and_has_no_method(output):
    for path in sorted(output.rglob("*.ics")):
        cal = Calendar.from_ical(path.read_bytes())
        assert str(cal["name"]) == str(cal["x-wr-calname"]), path
        assert cal["refresh-interval"].params["VALUE"] == "DURATION"
        assert cal["refresh-interval"].dt == dt.timedelta(hours=12)
        assert cal["x-published-ttl"].to_ical() == b"PT12H"
        assert "METHOD" not in cal  # PUBLISH without ORGANIZER fails libical's iTIP check
    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in (output / "branches/alpha/calendar.ics").read_bytes()


def test_the_refresh_interval_is_a_setting(tmp_path):
    output = build(copy_fixture("two_branches", tmp_path / "p"), now=NOW, EVENTS_CALENDAR_REFRESH_HOURS=6)
    cal = calendar(output, "calendars/all.ics")
    assert cal["refresh-interval"].dt == dt.timedelta(hours=6)
    assert cal["x-published-ttl"].to_ical() == b"PT6H"


@pytest.mark.parametrize("hours", [0, "12h", True, 24 * 7 + 1])
def test_a_bad_refresh_interval_stops_the_build_before_any_calendar(tmp_path, hours):
    from kit_settings.declared_settings import SettingsProblems

    project = copy_fixture("two_branches", tmp_path / "p")
    # the settings check stops it before anything is built (events.ical checks it again where it is used)
    with pytest.raises(SettingsProblems, match="EVENTS_CALENDAR_REFRESH_HOURS is"):
        build(project, now=NOW, EVENTS_CALENDAR_REFRESH_HOURS=hours)
    assert list((project / "output").rglob("*.ics")) == []


def test_an_online_event_carries_its_join_link_and_its_page_stays_the_url(output):
    (conference,) = calendar(output, "calendar.ics").walk("VEVENT")
    link = "https://meet.example.org/conference"
    assert str(conference["conference"]) == link
    assert conference["conference"].params["VALUE"] == "URI"
    assert conference["conference"].params["FEATURE"] == "VIDEO"
    assert str(conference["description"]) == f"Two days.\n\nJoin online: {link}\n\n{NATIONAL_IMPRINT}"
    assert str(conference["url"]).endswith("/events/2027-05-15-conference/")
    (meeting,) = [e for e in calendar(output, "branches/alpha/calendar.ics").walk("VEVENT") if "meeting" in e["uid"]]
    assert "CONFERENCE" not in meeting and "Join online" not in str(meeting["description"])


def test_location_has_the_postcode_the_page_shows(output):
    (meeting,) = [e for e in calendar(output, "branches/alpha/calendar.ics").walk("VEVENT") if "meeting" in e["uid"]]
    assert str(meeting["location"]) == "Alphaton Library, High Street, AB1 2CD"
    page = read(output, "branches/alpha/events/2027-01-12-branch-meeting/index.html")
    assert '<span class="p-location">Alphaton Library, High Street, AB1 2CD</span>' in page


def test_a_rescheduled_event_has_a_raised_sequence_on_a_first_build(output):
    """The fixture is built with an empty cache: previous_start alone says the stall has moved."""
    events = {str(e["uid"]): e for e in calendar(output, "branches/alpha/calendar.ics").walk("VEVENT")}
    assert events["alpha/stall@test-party.example"]["sequence"] == 1
    assert events["alpha/branch-meeting@test-party.example"]["sequence"] == 0
