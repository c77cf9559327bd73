"""The imprint in every calendar (events): each calendar's description is the imprint of the site
that publishes it, and every VEVENT's description ends with its event's own imprint (its own
promoter, else its branch's, else the party's), in the national calendars too. Read back with
icalendar and with ical.js (node)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar

from kit_testing import ALPHA_IMPRINT, KIT_ROOT, KIT_SITE, NATIONAL_IMPRINT, build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC; the national calendars' window is 25 December 2026 to 1 April 2027
NATIONAL = NATIONAL_IMPRINT
ALPHA = ALPHA_IMPRINT
UID_DOMAIN = KIT_SITE["EVENTS_UID_DOMAIN"]  # every UID's @domain
CANDIDATE = "Promoted by Kim Agent on behalf of Jo Candidate, both at 9 Mill Lane, Alphaton AB1 3EF."
CANDIDATE_PROMOTER = (
    "promoter:\n  name: Kim Agent\n  address: '9 Mill Lane, Alphaton AB1 3EF'\n"
    "  on_behalf_of: {name: Jo Candidate, address: '9 Mill Lane, Alphaton AB1 3EF'}\n"
)
# weekly at 01:30 on Sundays: 28 March 2027 is in the hour the clocks skip, a VEVENT of its own
NIGHT_WATCH = """\
---
title: Night watch
start: 2027-03-21 01:30
duration: 1h
location: Alphaton Park gates
repeat: FREQ=WEEKLY;BYDAY=SU;COUNT=3
---
Bring a torch.
"""
DESCRIPTIONS_SCRIPT = KIT_ROOT / "tests" / "calendar_clients" / "descriptions.mjs"


def with_candidate_and_night_watch(project: Path) -> Path:
    """The two-branch fixture; alpha (its own promoter) has a candidate's stall and a night watch."""
    stall = project / "branches/alpha/events/2027-02-20-stall.md"
    stall.write_text(stall.read_text().replace("---\nMoved", f"{CANDIDATE_PROMOTER}---\nMoved"), encoding="utf-8")
    (project / "branches/alpha/events/2027-03-21-night-watch.md").write_text(NIGHT_WATCH, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("imprints") / "project")
    return build(with_candidate_and_night_watch(project), now=NOW)


def expected_imprint(uid: str) -> str:
    if uid == f"alpha/stall@{UID_DOMAIN}":
        return CANDIDATE
    return ALPHA if uid.startswith("alpha/") else NATIONAL


def site_of(path: str) -> str:
    return ALPHA if path.startswith("branches/alpha/") else NATIONAL


def calendars(output: Path) -> list[str]:
    found = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.ics"))
    assert "calendars/all.ics" in found and "calendars/england.ics" in found and "branches/alpha/calendar.ics" in found
    return found


def read_with_icaljs(output: Path, paths: list[str]) -> dict:
    request = json.dumps({"files": [str(output / p) for p in paths]})
    ran = subprocess.run(
        ["node", str(DESCRIPTIONS_SCRIPT)], input=request, capture_output=True, text=True, check=True, cwd=KIT_ROOT
    )
    return {Path(path).relative_to(output).as_posix(): found for path, found in json.loads(ran.stdout).items()}


def test_every_calendar_is_described_by_its_sites_imprint(output):
    for path in calendars(output):
        calendar = Calendar.from_ical((output / path).read_bytes())
        assert str(calendar["description"]) == site_of(path), path
        assert str(calendar["x-wr-caldesc"]) == site_of(path), path


def test_every_event_ends_with_its_own_imprint_read_by_icalendar(output):
    seen = set()
    for path in calendars(output):
        for event in Calendar.from_ical((output / path).read_bytes()).walk("VEVENT"):
            uid = str(event["uid"])
            description = str(event["description"])
            assert description.endswith(f"\n\n{expected_imprint(uid)}"), (path, uid)
            seen.add((path, uid, "RECURRENCE-ID" in event))
    # the branch's own events, with their own imprint or the branch's, in a national calendar too
    for path in ("branches/alpha/calendar.ics", "calendars/all.ics", "calendars/england.ics"):
        assert (path, f"alpha/stall@{UID_DOMAIN}", False) in seen
        assert (path, f"alpha/branch-meeting@{UID_DOMAIN}", False) in seen
        assert (path, f"alpha/night-watch@{UID_DOMAIN}", True) in seen  # the time moved at the clock change
    assert ("calendar.ics", f"national/conference@{UID_DOMAIN}", False) in seen


def test_ical_js_reads_the_same_imprints(output):
    paths = calendars(output)
    read = read_with_icaljs(output, paths)
    assert sorted(read) == paths
    for path, found in read.items():
        assert found["calendar"] == {"description": site_of(path), "x-wr-caldesc": site_of(path)}, path
        for uid, _recurrence, description in found["events"]:
            assert description.endswith(f"\n\n{expected_imprint(uid)}"), (path, uid)
    stall = [d for uid, _r, d in read["calendars/all.ics"]["events"] if uid == f"alpha/stall@{UID_DOMAIN}"]
    assert stall == [f"Moved a week.\n\n{CANDIDATE}"]
    moved = [r for uid, r, _d in read["calendars/england.ics"]["events"] if uid == f"alpha/night-watch@{UID_DOMAIN}"]
    assert moved == [None, "2027-03-28T01:30:00"]


def test_an_event_with_no_text_is_described_by_its_imprint_alone(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    walk = project / "branches/alpha/events/2027-03-28-clocks-change-walk.md"
    walk.write_text(walk.read_text().replace("---\nA walk.\n", "---\n"), encoding="utf-8")
    output = build(project, now=NOW)
    (event,) = [
        e
        for e in Calendar.from_ical((output / "calendars/all.ics").read_bytes()).walk("VEVENT")
        if str(e["uid"]) == f"alpha/clocks-change-walk@{UID_DOMAIN}"
    ]
    assert str(event["description"]) == ALPHA


def test_a_changed_branch_promoter_reaches_the_national_calendars_and_rebuilds_are_byte_stable(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    output = build(project, now=NOW)
    first = {p: (output / p).read_bytes() for p in calendars(output)}
    build(project, now=NOW)
    assert {p: (output / p).read_bytes() for p in calendars(output)} == first  # reproducible
    branch = project / "branches/alpha/branch.yaml"
    branch.write_text(branch.read_text().replace("Alex Agent", "Bo Agent"), encoding="utf-8")
    build(project, now=NOW)
    meeting_in = {}
    for path in ("calendars/all.ics", "calendars/england.ics", "branches/alpha/calendar.ics"):
        calendar = Calendar.from_ical((output / path).read_bytes())
        meeting_in[path] = [
            str(e["description"]) for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("alpha/branch-meeting")
        ]
    new = ALPHA.replace("Alex Agent", "Bo Agent")
    assert meeting_in == {path: [f"Our monthly meeting.\n\n{new}"] for path in meeting_in}
    assert str(Calendar.from_ical((output / "branches/alpha/calendar.ics").read_bytes())["description"]) == new
    assert str(Calendar.from_ical((output / "calendars/all.ics").read_bytes())["description"]) == NATIONAL
