"""`uid:`, the calendar UID an imported event keeps: used instead of the one the kit makes, refused
when it could pass for one the kit makes (another site's) or when two files of a site share it, and
qualified with the site's key in the national calendars, so that no branch can replace another
site's event in anyone's calendar."""

from __future__ import annotations

from icalendar import Calendar

from editor_checks.run import check_project
from kit_testing import build, copy_fixture, project_settings

NOW = "1798761600"  # 2027-01-01 00:00 UTC
SHARED = "4f1c2a9b7e@google.com"


def event(project, folder: str, name: str, uid: str, title: str = "Imported social") -> None:
    path = project / folder / "events" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\nstart: 2027-02-03 19:00\nduration: 2h\nuid: "{uid}"\n---\nTea.\n')


def uids(path) -> list[str]:
    return sorted(str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def errors(project) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.message) for p in check_project(project_settings(project)).sorted() if p.is_error]


def test_a_sites_calendar_keeps_the_imported_uid_and_the_national_ones_qualify_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    project = copy_fixture("two_branches", tmp_path / "project")
    event(project, "branches/alpha", "2027-02-03-imported-social.md", SHARED)
    event(project, "content", "2027-02-03-imported-social.md", SHARED, title="National social")
    assert errors(project) == []
    output = build(project, now=NOW)
    assert SHARED in uids(output / "branches/alpha/calendar.ics")  # as the branch's subscribers have it
    assert SHARED in uids(output / "calendar.ics")
    assert "alpha/conference@test-party.example" not in uids(output / "calendar.ics")
    national = uids(output / "calendars/all.ics")
    # one each, neither replacing the other; the UIDs the kit makes are as they were
    assert f"alpha/{SHARED}" in national and f"national/{SHARED}" in national and SHARED not in national
    assert "alpha/branch-meeting@test-party.example" in national
    england = uids(output / "calendars/england.ics")
    assert f"alpha/{SHARED}" in england and f"national/{SHARED}" in england


def test_a_uid_like_the_kits_own_is_refused_and_nothing_is_built(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    # the UID of the main site's conference, written into a branch's file
    event(project, "branches/alpha", "2027-02-03-imported-social.md", "national/conference@Test-Party.example")
    (message,) = [e for e in errors(project) if "uid" in e[2]]
    assert message[:2] == ("branches/alpha/events/2027-02-03-imported-social.md", 5)
    assert "ends in @test-party.example" in message[2]


def test_two_files_of_one_site_with_one_uid_are_both_named(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    event(project, "branches/alpha", "2027-02-03-imported-social.md", SHARED)
    event(project, "branches/alpha", "2027-02-03-copied-social.md", SHARED.upper(), title="Copied social")
    clashes = [e for e in errors(project) if "the same `uid`" in e[2]]
    assert sorted(path for path, _line, _ in clashes) == [
        "branches/alpha/events/2027-02-03-copied-social.md",
        "branches/alpha/events/2027-02-03-imported-social.md",
    ]
    assert all(line == 5 for _path, line, _ in clashes)
    both = "2027-02-03-copied-social.md, branches/alpha/events/2027-02-03-imported-social.md"
    assert all(both in message for *_, message in clashes)


def test_one_uid_on_two_sites_is_no_problem_for_the_check(tmp_path):
    """Each site's calendar holds its own; the national ones qualify both (above)."""
    project = copy_fixture("two_branches", tmp_path / "project")
    event(project, "branches/alpha", "2027-02-03-imported-social.md", SHARED)
    event(project, "content", "2027-02-03-imported-social.md", SHARED)
    assert errors(project) == []
