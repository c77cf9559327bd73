"""Scaffolding (make new-branch, new-post, new-event) and CODEOWNERS (make codeowners)."""

from __future__ import annotations

import io

import pytest

from branch_subsites.codeowners import write_codeowners
from branch_subsites.codeowners_cli import main as codeowners_cli
from content_schema.problems import ContentProblems
from editor_checks.run import check_project
from kit_testing import copy_fixture, project_settings, site_settings_file
from scaffold.__main__ import main as scaffold

NOW = "1798761600"  # 2027-01-01


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    return copy_fixture("two_branches", tmp_path / "project")


def errors(project, **overrides):
    return [p for p in check_project(project_settings(project, **overrides)).sorted() if p.is_error]


def test_new_post_and_event_round_trip_through_make_check(project, capsys):
    settings = project_settings(project)
    assert (
        scaffold(
            ["new-post", "--branch", "alpha", "--title", "Yes: the café opens!", "--tags", "food, campaigns"], settings
        )
        == 0
    )
    assert (
        scaffold(
            ["new-event", "--branch", "alpha", "--title", "No to the bypass", "--start", "2027-03-02 19:00"], settings
        )
        == 0
    )
    assert scaffold(["new-post", "--title", "National news"], settings) == 0
    post = (project / "branches/alpha/news/2027-01-01-yes-the-cafe-opens.md").read_text()
    assert post.startswith('---\ntitle: "Yes: the café opens!"\ndate: 2027-01-01\ntags: [food, campaigns]\n---\n')
    event = (project / "branches/alpha/events/2027-03-02-no-to-the-bypass.md").read_text()
    assert 'title: "No to the bypass"\nstart: 2027-03-02 19:00\nduration: 2h\n' in event
    assert (project / "content/news/2027-01-01-national-news.md").is_file()
    assert errors(project) == []
    assert "wrote branches/alpha/news/2027-01-01-yes-the-cafe-opens.md" in capsys.readouterr().out


def test_new_branch_round_trip(project):
    settings = project_settings(project)
    args = ["new-branch", "--name", "Gamma Vale", "--nation", "England", "--region", "South West",
            "--areas", "ex1, ex2", "--contact", "gamma@example.org", "--editors", "gil @han"]  # fmt: skip
    assert scaffold(args, settings) == 0
    branch_yaml = (project / "branches/gamma-vale/branch.yaml").read_text()
    assert "areas: [EX1, EX2]\n" in branch_yaml and "editors: [gil, han]\n" in branch_yaml
    assert (project / "branches/gamma-vale/pages/about.md").read_text().startswith('---\ntitle: "About Gamma Vale"\n')
    assert (project / "branches/gamma-vale/events/.gitkeep").is_file()
    assert errors(project) == []


def test_scaffolding_refuses_to_overwrite(project, capsys):
    settings = project_settings(project)
    args = ["new-post", "--branch", "alpha", "--title", "Same", "--date", "2027-01-05"]
    assert scaffold(args, settings) == 0
    path = project / "branches/alpha/news/2027-01-05-same.md"
    path.write_text(path.read_text() + "My words.\n")
    assert scaffold(args, settings) == 2
    assert path.read_text().endswith("My words.\n")
    assert "already exists: nothing was written" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["new-event", "--branch", "alpha", "--title", "X", "--start", "2027-02-30 19:00"],
            "February 2027 has 28 days",
        ),
        (["new-event", "--branch", "alpha", "--title", "X"], "START is needed"),
        (["new-post", "--branch", "nowhere", "--title", "X"], "there is no branch `nowhere`"),
        (
            ["new-event", "--branch", "alpha", "--title", "X", "--start", "2027-03-01 19:00", "--duration", "2 hours"],
            "not a length of time",
        ),
        (
            ["new-event", "--branch", "alpha", "--title", "X", "--start", "2027-03-01 19:00", "--end", "tomorrow"],
            "END=tomorrow",
        ),
        (
            ["new-branch", "--name", "Q", "--nation", "Wales", "--areas", "QQ1", "--contact", "q@example.org"],
            "no postcodes start with QQ",
        ),
    ],
)
def test_bad_answers_are_refused_with_the_reason(project, capsys, monkeypatch, args, message):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: nothing is asked
    assert scaffold(args, project_settings(project)) == 2
    assert message in capsys.readouterr().err


def test_codeowners_written_and_checked(project):
    files = {".github/CODEOWNERS": "glob", ".gitea/CODEOWNERS": "regexp"}
    settings = project_settings(project, CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"])
    missing = errors(project, CODEOWNERS_FILES=files)
    assert [(p.path, p.message) for p in missing] == [
        (".gitea/CODEOWNERS", ".gitea/CODEOWNERS and .github/CODEOWNERS are missing")
    ]
    assert write_codeowners(settings) == [".github/CODEOWNERS", ".gitea/CODEOWNERS"]
    github = (project / ".github/CODEOWNERS").read_text().splitlines()
    assert github[-3:] == ["* @party/web", "/branches/alpha/ @alice", "/branches/beta-net/ @bob"]
    gitea = (project / ".gitea/CODEOWNERS").read_text().splitlines()
    assert gitea[-2:] == ["branches/alpha/.* @alice", "branches/beta-net/.* @bob"]
    assert errors(project, CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"]) == []
    # a new editor makes the files out of date until `make codeowners` runs again
    yaml_path = project / "branches/alpha/branch.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("editors: [alice]", "editors: [alice, carol]"))
    stale = errors(project, CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"])
    # one message for both files, since one `make codeowners` brings both up to date
    assert [(p.path, p.message, p.fix) for p in stale] == [
        (
            ".gitea/CODEOWNERS",
            ".gitea/CODEOWNERS and .github/CODEOWNERS are out of date with the `editors` lists",
            "Run `make codeowners` and commit the result, so each branch's editors review its changes.",
        )
    ]
    (project / ".gitea/CODEOWNERS").unlink()
    assert [p.message for p in errors(project, CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"])] == [
        ".gitea/CODEOWNERS is missing; .github/CODEOWNERS is out of date with the `editors` lists"
    ]


def _break_both_branches(project):
    alpha = project / "branches/alpha/branch.yaml"
    # line 5 indented under `region`: a YAML mistake, so the whole file is unreadable
    alpha.write_text(alpha.read_text().replace("areas: [AB1, ab2]", "  areas: [AB1, ab2]"))
    beta = project / "branches/beta-net/branch.yaml"
    beta.write_text(beta.read_text().replace("contact: beta@example.org\n", ""))


def test_codeowners_refuses_while_a_branch_yaml_is_broken(project, capsys):
    """Writing without the broken branches would drop their editors' review silently: nothing is written."""
    files = {".github/CODEOWNERS": "glob", ".gitea/CODEOWNERS": "regexp"}
    settings_file = site_settings_file(
        project, KIT_ROOT=str(project), CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"]
    )
    assert codeowners_cli(["--settings", str(settings_file)]) == 0
    before = {path: (project / path).read_bytes() for path in files}
    assert b"/branches/alpha/ @alice" in before[".github/CODEOWNERS"]
    _break_both_branches(project)
    capsys.readouterr()

    assert codeowners_cli(["--settings", str(settings_file)]) == 1
    assert {path: (project / path).read_bytes() for path in files} == before
    out = capsys.readouterr()
    assert out.out == ""
    lines = out.err.splitlines()
    # both files, each with its line and its fix, in one run
    alpha = [i for i, line in enumerate(lines) if line.startswith("branches/alpha/branch.yaml:5: error:")]
    beta = [i for i, line in enumerate(lines) if line.startswith("branches/beta-net/branch.yaml") and "contact" in line]
    assert alpha and beta, out.err
    assert lines[alpha[0] + 1].startswith("    fix: ") and lines[beta[0] + 1].startswith("    fix: ")
    assert lines[-1] == (
        "make codeowners: 2 errors in the branch.yaml files; no CODEOWNERS file was changed, "
        "since a broken branch would be left out of it. Fix them and run it again."
    )

    with pytest.raises(ContentProblems):
        write_codeowners(project_settings(project, CODEOWNERS_FILES=files, CODEOWNERS_NATIONAL=["@party/web"]))
    assert {path: (project / path).read_bytes() for path in files} == before


def test_check_reports_the_broken_branch_yaml_not_codeowners(project):
    """CODEOWNERS written without a broken branch would differ; saying "out of date" would send the
    editor to `make codeowners`, which refuses: the branch.yaml's own errors are the message."""
    files = {".github/CODEOWNERS": "glob"}
    write_codeowners(project_settings(project, CODEOWNERS_FILES=files))
    _break_both_branches(project)
    found = errors(project, CODEOWNERS_FILES=files)
    assert {p.path for p in found} == {"branches/alpha/branch.yaml", "branches/beta-net/branch.yaml"}
