"""`branchsites event-from-issue`: an "Add an event" issue, in the form's real submitted format
(tests/fixtures/issue_bodies/), becomes the event file the scaffolding writes, checked as `make check`
checks it; a problem is answered on the issue with its fix, and nothing is written."""

from __future__ import annotations

import pytest
import yaml

from kit_testing import FIXTURES, KIT_ROOT, copy_fixture, project_settings, tree_digest
from scaffold.__main__ import main as scaffold
from scaffold.issue_form import form_fields

BODIES = FIXTURES / "issue_bodies"
FORM = KIT_ROOT / ".github/ISSUE_TEMPLATE/add-event.yml"
NOW = "1798761600"  # 2027-01-01


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    return copy_fixture("two_branches", tmp_path / "project")


def from_issue(project, body: str, tmp_path):
    """(exit status, the pull request's text, the issue's answer)."""
    pr, comment = tmp_path / "pr.md", tmp_path / "comment.md"
    args = ["event-from-issue", "--body-file", str(BODIES / body), "--form", str(FORM)]
    args += ["--comment-file", str(comment), "--pr-body-file", str(pr)]
    status = scaffold(args, project_settings(project))
    return status, pr.read_text() if pr.exists() else "", comment.read_text() if comment.exists() else ""


def test_every_field_of_the_form_is_read():
    form = yaml.safe_load(FORM.read_text())
    ids = {item["id"] for item in form["body"] if "id" in item}
    assert set(form_fields(FORM.read_text()).values()) == ids


def test_an_issue_becomes_the_scaffoldings_event_file_and_passes_the_check(project, tmp_path, capsys):
    status, pr, comment = from_issue(project, "good.md", tmp_path)
    assert status == 0 and comment == ""
    written = project / "branches/alpha/events/2027-03-14-library-open-day.md"
    assert capsys.readouterr().out.strip() == "branches/alpha/events/2027-03-14-library-open-day.md"
    assert written.read_text() == (
        "---\n"
        'title: "Library open day"\n'
        "start: 2027-03-14 19:00\n"
        "end: 2027-03-14 21:00\n"
        'location: "Alphaton Library, High Street"\n'
        'postcode: "AB1 2CD"\n'
        'accessibility: ["Step-free access", "Hearing loop"]\n'
        "tags: [libraries, campaigns]\n"
        "---\n"
        "Come and see the library we saved.\n\n"
        "Tea and cake from 7.\n"
    )
    assert "passes `make check`" in pr and "second Saturday of every month" in pr and "`repeat:`" in pr


def test_empty_answers_are_left_out_and_a_ticked_box_is_true(project, tmp_path):
    status, _, comment = from_issue(project, "minimal.md", tmp_path)
    assert status == 0, comment
    written = project / "content/events/2027-05-01-national-day-of-action.md"
    assert written.read_text() == (
        "---\n"
        'title: "National day of action"\n'
        "start: 2027-05-01\n"
        'online: "https://meet.example.org/day-of-action"\n'
        "all_day: true\n"
        "address_on_request: true\n"
        "---\n"
        "Stalls in every town centre.\n"
    )


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("bad-date.md", "**When it starts**: "),
        ("unknown-branch.md", "**Which branch?**: there is no branch `gamma`. Fix: write one of alpha, beta-net"),
        ("hostile-branch.md", "**Which branch?**: there is no branch `../../etc`."),
    ],
)
def test_a_problem_is_answered_on_the_issue_and_nothing_is_written(project, tmp_path, body, said):
    before = tree_digest(project)
    status, pr, comment = from_issue(project, body, tmp_path)
    assert status == 1 and pr == ""
    assert comment.startswith("This event could not be added to the website yet.")
    assert said in comment and "Fix:" in comment
    assert tree_digest(project) == before  # no file written, none left behind
