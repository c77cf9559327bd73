"""`branchsites import-calendar`: hand-written feeds as Google Calendar, Outlook and Mobilizon write
them (tests/fixtures/calendars/) become event files that pass `make check` and build into calendars
with the same instants and UIDs as the feed; importing again updates only what changed; nothing an
editor changed, and nothing at all for a bad input, is overwritten."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import re
import threading
import zoneinfo
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from kit_testing import FIXTURES, build, copy_fixture, make_check, project_settings, site_settings_file, tree_digest
from site_import.__main__ import main as site_import

NOW = "1798761600"  # 2027-01-01 00:00 UTC
CALENDARS = FIXTURES / "calendars"
GOOGLE, CHANGED, MOBILIZON = CALENDARS / "google.ics", CALENDARS / "google-changed.ics", CALENDARS / "mobilizon.ics"
WEEKLY = "2k7q9m1c0f4r8t6v3b5n1x7z9a@google.com"
ALPHA_EVENTS = Path("branches/alpha/events")
LONDON = zoneinfo.ZoneInfo("Europe/London")
WINDOW = (dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2028, 1, 1, tzinfo=dt.UTC))


def run(project: Path, feed, *more: str) -> int:
    return site_import(["import-calendar", str(feed), *more], project_settings(project))


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    return copy_fixture("two_branches", tmp_path / "project")


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """The Google feed imported into branch alpha and the Mobilizon one into the main site, built."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = NOW
    try:
        project = copy_fixture("two_branches", tmp_path_factory.mktemp("imported") / "project")
        assert run(project, GOOGLE, "--branch", "alpha") == 0
        assert run(project, MOBILIZON) == 0
        build(project, now=NOW)
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return project


def test_a_weekly_series_keeps_its_rule_its_skipped_dates_and_its_uid(imported):
    text = (imported / ALPHA_EVENTS / "2027-01-05-weekly-branch-meeting.md").read_text()
    assert text == (
        "---\n"
        'title: "Weekly branch meeting"\n'
        "start: 2027-01-05 19:00\n"
        "end: 2027-01-05 21:00\n"
        'location: "Alphaton Library, High Street, Alphaton AB1 2CD"\n'
        # UNTIL=20270330T235959Z read as London's clock (BST by then); EXDATE, the cancelled and the moved date
        'repeat: "FREQ=WEEKLY;UNTIL=20270331T005959;BYDAY=TU;WKST=MO"\n'
        "except: [2027-01-19, 2027-02-02, 2027-02-09]\n"
        "sequence: 2\n"
        f'uid: "{WEEKLY}"\n'
        "---\n"
        # Google's HTML: the tracker script gone, the link kept
        "**Agenda**\\\n"
        "Housing and the bus petition\\\n"
        "\\\n"
        "Read the [agenda](https://party.example/agenda) first.\n"
    )


def test_a_moved_date_is_an_event_of_its_own_with_a_uid_from_the_series(imported):
    text = (imported / ALPHA_EVENTS / "2027-02-11-weekly-branch-meeting-moved-to-thursday.md").read_text()
    assert text == (
        "---\n"
        'title: "Weekly branch meeting (moved to Thursday)"\n'
        "start: 2027-02-11 18:30\n"
        "end: 2027-02-11 20:30\n"
        'location: "Alphaton Community Centre, Mill Lane"\n'
        "sequence: 3\n"
        f'uid: "20270209-{WEEKLY}"\n'
        "---\n"
    )


def test_utc_plain_text_a_link_and_a_position(imported):
    text = (imported / ALPHA_EVENTS / "2027-06-12-litter-pick.md").read_text()
    assert text == (
        "---\n"
        'title: "Litter pick"\n'
        "start: 2027-06-12 14:00\n"  # 13:00Z is 14:00 BST
        "end: 2027-06-12 16:00\n"
        "geo: [51.5012, -2.4987]\n"
        'uid: "4d6f8h0j2l4n6p8r0t2v4x6z8b@google.com"\n'
        "---\n"
        "Bring \\*two\\* pens & &lt;paper>.\n"
        "\\# not a heading\n"
        "\n"
        "\\- not a list\n"
        "\n"
        "This event on the calendar it came from: <https://www.facebook.com/events/1234567890/>\n"
    )


def test_zones_all_day_windows_names_and_conference_links(imported):
    events = imported / ALPHA_EVENTS
    weekend = (events / "2027-05-15-regional-weekend-school.md").read_text()
    assert "start: 2027-05-15\nend: 2027-05-16\nall_day: true\n" in weekend  # DTEND 20270517 is the day after
    assert weekend.endswith("---\nTwo days of talks.\n\nBook your place early.\n")
    call = (events / "2027-03-10-call-with-our-twin-town-s-campaigners.md").read_text()
    assert "start: 2027-03-10 18:00\nend: 2027-03-10 19:30\ntimezone: America/New_York\n" in call
    assert 'online: "https://meet.google.com/abc-defg-hij"\n' in call
    social = (events / "2027-07-01-summer-social.md").read_text()  # "GMT Standard Time" is Europe/London
    assert "start: 2027-07-01 19:00\nend: 2027-07-01 20:30\n" in social and "timezone" not in social
    assert social.endswith("---\nDrinks *on us*\n")  # Outlook's X-ALT-DESC, not its plain copy
    stall = (events / "2027-02-20-street-stall.md").read_text()
    assert "status: cancelled\n" in stall


def test_the_main_sites_feed_utc_repeats_rdates_and_floating_times(imported):
    events = imported / "content/events"
    call = (events / "2027-01-06-members-online-call.md").read_text()
    assert call == (
        "---\n"
        'title: "Members\' online call"\n'
        "start: 2027-01-06 18:00\n"
        "end: 2027-01-06 19:30\n"
        "timezone: UTC\n"  # repeating in UTC: kept there, so that each date keeps the feed's instant
        'online: "https://meet.party.example/members"\n'
        'repeat: "FREQ=MONTHLY;COUNT=4;BYDAY=1WE"\n'
        'uid: "7f3b2c1a-9d8e-4f6a-b5c4-d3e2f1a0b9c8"\n'
        "---\n"
    )
    meeting = (events / "2027-03-20-cross-border-meeting.md").read_text()
    assert "start: 2027-03-20 14:00\nend: 2027-03-20 16:00\ntimezone: Europe/Dublin\n" in meeting  # DURATION:PT2H
    extra = (events / "2027-04-17-cross-border-meeting-2.md").read_text()  # the RDATE, an event of its own
    assert "start: 2027-04-17 14:00\nend: 2027-04-17 16:00\ntimezone: Europe/Dublin\n" in extra
    assert 'uid: "20270417-0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f"\n' in extra
    floating = (events / "2027-04-25-spring-leafleting.md").read_text()  # a floating time: UK time
    assert "start: 2027-04-25 10:30\nend: 2027-04-25 12:00\nuid:" in floating


def test_every_imported_file_passes_make_check(imported):
    checked = make_check(imported, site_settings_file(imported))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def occurrences(data: bytes) -> dict[str, list[str]]:
    """{UID: each start that goes ahead (UTC instant, or date)} over WINDOW, as recurring-ical-events reads
    them; a floating time (no zone) read as UK time, as the import reads it."""
    found: dict[str, list[str]] = {}
    for event in recurring_ical_events.of(Calendar.from_ical(data)).between(*WINDOW):
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = event["DTSTART"].dt
        if isinstance(start, dt.datetime) and start.tzinfo is None:
            start = start.replace(tzinfo=LONDON)
        when = start.astimezone(dt.UTC).isoformat() if isinstance(start, dt.datetime) else start.isoformat()
        found.setdefault(str(event["UID"]), []).append(when)
    return {uid: sorted(times) for uid, times in found.items()}


def by_series(found: dict[str, list[str]], feed_uids: set[str]) -> dict[str, list[str]]:
    """Each date under its feed UID: an event made of a moved date or an RDATE (`20270209-<uid>`) under its series'."""
    merged: dict[str, list[str]] = {}
    for uid, times in found.items():
        derived = re.fullmatch(r"\d{8}-(.+)", uid)
        series = derived[1] if derived and derived[1] in feed_uids else uid
        if series in feed_uids:
            merged.setdefault(series, []).extend(times)
    return {uid: sorted(times) for uid, times in merged.items()}


@pytest.mark.parametrize(("feed", "calendar"), [(GOOGLE, "branches/alpha/calendar.ics"), (MOBILIZON, "calendar.ics")])
def test_the_built_calendar_has_the_feeds_instants_and_uids(imported, feed, calendar):
    wanted = occurrences(feed.read_bytes())
    built = Calendar.from_ical((imported / "output" / calendar).read_bytes())
    uids = {str(e["UID"]) for e in built.walk("VEVENT")}
    feed_uids = {str(e["UID"]) for e in Calendar.from_ical(feed.read_bytes()).walk("VEVENT")}
    assert feed_uids <= uids  # the feed's own UIDs, for those who subscribed to it
    assert by_series(occurrences((imported / "output" / calendar).read_bytes()), feed_uids) == wanted
    assert sum(len(times) for times in wanted.values()) >= 5


def test_a_cancelled_event_is_cancelled_in_the_built_calendar(imported):
    calendar = Calendar.from_ical((imported / "output/branches/alpha/calendar.ics").read_bytes())
    (stall,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == "6h2j8k4l0p1q3r5s7t9u2v4w6x@google.com"]
    assert str(stall["STATUS"]) == "CANCELLED"


def files_and_times(folder: Path) -> dict[str, tuple[str, int]]:
    digests = tree_digest(folder)
    return {name: (digest, (folder / name).stat().st_mtime_ns) for name, digest in digests.items()}


def test_importing_again_updates_what_changed_and_adds_no_duplicate(project, capsys):
    assert run(project, GOOGLE, "--branch", "alpha") == 0
    folder = project / ALPHA_EVENTS
    for path in folder.iterdir():  # an hour ago, so that a file written again would show
        os.utime(path, ns=(path.stat().st_mtime_ns - 3_600_000_000_000,) * 2)
    before = files_and_times(folder)
    capsys.readouterr()
    assert run(project, CHANGED, "--branch", "alpha") == 0
    said = capsys.readouterr().out
    after = files_and_times(folder)
    litter = "2027-06-12-litter-pick.md"  # moved an hour later: same file, its address kept
    added = "2027-09-04-weekly-branch-meeting-2.md"  # a new event, its slug not the series'
    assert set(after) == set(before) | {added}
    assert {n: v for n, v in after.items() if n not in (litter, added)} == {
        n: v for n, v in before.items() if n != litter
    }
    text = (folder / litter).read_text()
    assert "start: 2027-06-12 15:00\nend: 2027-06-12 17:00\n" in text
    assert "sequence: 1\n" in text  # Facebook's feed never raises SEQUENCE: the import does
    assert 'uid: "0n1m2l3k4j5h6g7f8d9s0a1p2o@google.com"' in (folder / added).read_text()
    assert "2027-03-10-call-with-our-twin-town-s-campaigners.md: this event" in said  # gone: named, kept
    uids = [line for path in folder.iterdir() for line in path.read_text().splitlines() if line.startswith("uid:")]
    assert len(uids) == len(set(uids)) == 8  # the feed's seven files and the new one
    assert run(project, CHANGED, "--branch", "alpha") == 0  # and once more: nothing changes
    assert files_and_times(folder) == after
    assert "0 files written" in capsys.readouterr().out


def test_a_file_an_editor_changed_is_kept_unless_forced(project, capsys):
    assert run(project, GOOGLE, "--branch", "alpha") == 0
    litter = project / ALPHA_EVENTS / "2027-06-12-litter-pick.md"
    edited = litter.read_text().replace("Bring", "Gloves provided. Bring")
    litter.write_text(edited)
    capsys.readouterr()
    assert run(project, CHANGED, "--branch", "alpha") == 1
    assert litter.read_text() == edited
    assert "2027-06-12-litter-pick.md: it already exists and it was changed after the last import" in (
        capsys.readouterr().err
    )
    assert run(project, CHANGED, "--branch", "alpha", "--force") == 0
    forced = litter.read_text()
    assert "Gloves" not in forced and "start: 2027-06-12 15:00\n" in forced


def test_a_file_that_is_not_icalendar_writes_nothing(project, tmp_path, capsys):
    page = tmp_path / "events.html"
    page.write_text("<!doctype html><title>Events</title><p>BEGIN:VCALENDAR</p>")
    before = tree_digest(project)
    assert run(project, page, "--branch", "alpha") == 2
    assert tree_digest(project) == before
    assert f"{page} is not an iCalendar file (it does not begin with BEGIN:VCALENDAR)" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["too large", "unreadable"])
def test_a_feed_too_large_or_unreadable_writes_nothing(project, tmp_path, monkeypatch, capsys, kind):
    import site_import.calendar_feed as calendar_feed

    monkeypatch.setattr(calendar_feed, "MAX_FEED_BYTES", 2 * 1024 * 1024)
    feed = tmp_path / "large.ics"
    if kind == "too large":  # a calendar all the same: only its size is wrong
        feed.write_bytes(GOOGLE.read_bytes() + b"\r\n" * (1024 * 1024))
        said = f"{feed} is larger than 2 MB, more than a calendar of events"
    else:
        feed.mkdir()
        said = f"{feed} cannot be read (Is a directory): nothing was written"
    before = tree_digest(project)
    assert run(project, feed, "--branch", "alpha") == 2
    assert tree_digest(project) == before
    assert said in capsys.readouterr().err


def test_an_unknown_branch_writes_nothing(project, capsys):
    before = tree_digest(project)
    assert run(project, GOOGLE, "--branch", "gamma") == 2
    assert tree_digest(project) == before
    assert "there is no branch `gamma`; the branches are: alpha, beta-net" in capsys.readouterr().err


@pytest.fixture
def feed_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(CALENDARS))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_feed_fetched_over_http_gives_the_same_files(tmp_path, monkeypatch, feed_server):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    by_file = copy_fixture("two_branches", tmp_path / "file")
    by_http = copy_fixture("two_branches", tmp_path / "http")
    assert run(by_file, GOOGLE, "--branch", "alpha") == 0
    assert run(by_http, f"{feed_server}/google.ics", "--branch", "alpha") == 0
    assert tree_digest(by_http / "branches/alpha") == tree_digest(by_file / "branches/alpha")
    before = tree_digest(by_http)
    assert run(by_http, f"{feed_server}/missing.ics", "--branch", "alpha") == 2  # a 404 writes nothing
    assert tree_digest(by_http) == before
