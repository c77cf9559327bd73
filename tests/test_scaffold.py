"""Scaffolding (make new-branch, new-post, new-event) and CODEOWNERS (make codeowners)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from branch_subsites.codeowners import write_codeowners
from branch_subsites.codeowners_cli import main as codeowners_cli
from content_schema.problems import ContentProblems
from editor_checks.run import check_project
from editor_checks.scaffold_text import SCAFFOLD_TEXTS
from kit_testing import build, copy_fixture, project_settings, site_settings_file
from scaffold.__main__ import COMMANDS
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
    assert "accessibility" not in event.split("---")[1]  # no access claim the editor did not make
    assert (project / "content/news/2027-01-01-national-news.md").is_file()
    out = capsys.readouterr().out
    assert "wrote branches/alpha/news/2027-01-01-yes-the-cafe-opens.md" in out
    assert "    branches/alpha/news/2027-01-01-yes-the-cafe-opens.md line 6\n" in out  # the line to replace
    assert {(p.path, p.line) for p in errors(project)} == {
        ("branches/alpha/news/2027-01-01-yes-the-cafe-opens.md", 6),
        ("branches/alpha/events/2027-03-02-no-to-the-bypass.md", 6),
        ("content/news/2027-01-01-national-news.md", 5),
    }
    for written in _written(project):
        _replace_scaffold_text(written)
    assert errors(project) == []


def test_new_branch_round_trip(project):
    settings = project_settings(project)
    args = ["new-branch", "--name", "Gamma Vale", "--nation", "England", "--region", "South West",
            "--areas", "ex1, ex2", "--contact", "gamma@example.org", "--editors", "gil @han"]  # fmt: skip
    assert scaffold(args, settings) == 0
    branch_yaml = (project / "branches/gamma-vale/branch.yaml").read_text()
    assert "areas: [EX1, EX2]\n" in branch_yaml and "editors: [gil, han]\n" in branch_yaml
    assert (project / "branches/gamma-vale/pages/about.md").read_text().startswith('---\ntitle: "About Gamma Vale"\n')
    assert (project / "branches/gamma-vale/events/.gitkeep").is_file()
    assert {(p.path, p.line) for p in errors(project)} == {
        ("branches/gamma-vale/branch.yaml", 7),
        ("branches/gamma-vale/branch.yaml", 8),
        ("branches/gamma-vale/pages/about.md", 5),
    }
    for written in _written(project):
        _replace_scaffold_text(written)
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


def _written(project: Path) -> list[Path]:
    """The files the scaffolding wrote into ``project`` (the fixture's own are older)."""
    files = [p for suffix in ("*.md", "*.yaml") for p in project.rglob(suffix)]
    return [p for p in sorted(files) if _has_scaffold_text(p.read_text())]


def _has_scaffold_text(text: str) -> bool:
    return any(left.text in text for left in SCAFFOLD_TEXTS)


def _replace_scaffold_text(path: Path) -> None:
    """What an editor does: write their own words over each line of example text."""
    lines = path.read_text().split("\n")
    for number, line in enumerate(lines):
        for left in SCAFFOLD_TEXTS:
            if left.text in line:
                lines[number] = f"{left.key}: Our own words." if left.key else "Our own words."
    path.write_text("\n".join(lines))


# Every scaffold the kit has, with answers, and the lines of each file that come from the answers or
# the file's layout: every other line must be example text that `make check` refuses.
SCAFFOLDS = {
    "new-post": (
        ["--branch", "alpha", "--title", "Housing surgery", "--date", "2027-01-05"],
        {
            "branches/alpha/news/2027-01-05-housing-surgery.md": [
                "---",
                'title: "Housing surgery"',
                "date: 2027-01-05",
                "---",
            ]
        },
    ),
    "new-event": (
        ["--branch", "alpha", "--title", "Street stall", "--start", "2027-03-06 10:00", "--location", "Market Sq"],
        {
            "branches/alpha/events/2027-03-06-street-stall.md": [
                "---",
                'title: "Street stall"',
                "start: 2027-03-06 10:00",
                "duration: 2h",
                'location: "Market Sq"',
                "---",
            ]
        },
    ),
    "new-branch": (
        [
            "--name",
            "Gamma Vale",
            "--nation",
            "Wales",
            "--areas",
            "CF10",
            "--contact",
            "g@example.org",
            "--editors",
            "gil",
        ],
        {
            "branches/gamma-vale/branch.yaml": [
                'name: "Gamma Vale"',
                "kind: local",
                "nation: Wales",
                "areas: [CF10]",
                "contact: g@example.org",
                "editors: [gil]",
            ],
            "branches/gamma-vale/pages/about.md": ["---", 'title: "About Gamma Vale"', "order: 1", "---"],
            "branches/gamma-vale/news/.gitkeep": [],
            "branches/gamma-vale/events/.gitkeep": [],
            "branches/gamma-vale/images/.gitkeep": [],
        },
    ),
}


def test_every_scaffold_is_tested():
    assert sorted(SCAFFOLDS) == sorted(COMMANDS)


@pytest.mark.parametrize("command", sorted(SCAFFOLDS))
def test_every_line_of_example_text_a_scaffold_writes_is_an_error_until_replaced(project, command, capsys):
    args, answer_lines = SCAFFOLDS[command]
    assert scaffold([command, *args], project_settings(project)) == 0
    out = capsys.readouterr().out
    expected = set()
    for name, answers in answer_lines.items():
        lines = (project / name).read_text().split("\n")
        assert lines[-1] == ""  # every file ends with a line end
        left = [(number, line) for number, line in enumerate(lines[:-1], start=1) if _has_scaffold_text(line)]
        # each line is an answer, the layout, or example text: nothing else
        assert [line for line in lines[:-1] if not _has_scaffold_text(line)] == answers
        expected |= {(name, number) for number, _ in left}
        for number, _ in left:
            assert f"    {name} line {number}\n" in out  # the scaffolding says which lines to replace
    assert expected  # every scaffold leaves something for its editor to write
    found = errors(project)
    assert {(p.path, p.line) for p in found} == expected
    assert all(p.fix.startswith(f"Replace line {p.line} ") for p in found)

    # the build refuses, and writes nothing
    output = project / "output"
    with pytest.raises(ContentProblems):
        build(project, OUTPUT_PATH=str(output))
    assert not output.exists() or not any(output.iterdir())
    assert f"{sorted(expected)[0][0]}:{sorted(expected)[0][1]}: error:" in capsys.readouterr().err

    for name in answer_lines:
        _replace_scaffold_text(project / name)
    assert errors(project) == []


@pytest.mark.parametrize(
    "front, line",
    [
        ("accessibility: [Step-free access]", 4),  # what `make new-event` used to write
        ("accessibility:\n  - step-free  Access", 4),
        ("accessibility: [Step-free entrance from Mill Street]", 4),  # the example it offers now
    ],
)
def test_an_access_note_left_as_the_kits_example_is_an_error(project, front, line):
    event = project / "branches/alpha/events/2027-03-02-surgery.md"
    event.write_text(
        f"---\ntitle: Surgery\nstart: 2027-03-02 19:00\n{front}\nlocation: Alphaton Library\nduration: 1h\n"
        "---\nCome along.\n"
    )
    found = errors(project)
    assert [(p.path, p.line) for p in found] == [("branches/alpha/events/2027-03-02-surgery.md", line)]
    assert found[0].fix.startswith(f"Replace line {line} with what the venue really offers")
    assert "or delete it if you do not know" in found[0].fix
    output = project / "output"
    with pytest.raises(ContentProblems):
        build(project, OUTPUT_PATH=str(output))
    assert not output.exists() or not any(output.iterdir())
    # the editor's own notes pass, even when "Step-free access" is one of them (as in the fixture's events)
    event.write_text(event.read_text().replace(front, "accessibility: [Step-free access, Hearing loop]"))
    assert errors(project) == []
