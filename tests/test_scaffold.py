"""Scaffolding (make new-branch, new-post, new-event) and CODEOWNERS (make codeowners)."""

from __future__ import annotations

import io

import pytest

from branch_subsites.codeowners import write_codeowners
from editor_checks.run import check_project
from kit_testing import copy_fixture, project_settings
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
    assert [p.message for p in errors(project, CODEOWNERS_FILES=files)] == ["CODEOWNERS is missing"] * 2
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
    assert [(p.path, p.message) for p in stale] == [
        (".gitea/CODEOWNERS", "CODEOWNERS is out of date with the `editors` lists"),
        (".github/CODEOWNERS", "CODEOWNERS is out of date with the `editors` lists"),
    ]
