"""The check report: text for people, annotations for pull requests, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from editor_checks.problems import ERROR, WARNING, ContentProblems, Problem
from editor_checks.report import format_github, format_text
from kit_testing import KIT_ROOT, site_settings_file

PROBLEMS = [
    Problem("branches/a/news/x.md", 3, "`date` is `2026-02-30`, which is not a real date", "Check the day.", ERROR),
    Problem("content/news/notes.docx", 0, "this file is not Markdown, so it is not published", "Rename it.", WARNING),
]


def test_text_format():
    assert format_text(PROBLEMS) == (
        "branches/a/news/x.md:3: error: `date` is `2026-02-30`, which is not a real date\n"
        "    fix: Check the day.\n"
        "content/news/notes.docx: warning: this file is not Markdown, so it is not published\n"
        "    fix: Rename it."
    )


def test_github_annotations_escape_and_carry_file_and_line():
    lines = format_github([*PROBLEMS, Problem("a,b:c.md", 1, "100% wrong\nreally", "Fix, now.", ERROR)])
    assert lines.splitlines() == [
        "::error file=branches/a/news/x.md,line=3,title=`date` is `2026-02-30`%2C which is not a real date::"
        "`date` is `2026-02-30`, which is not a real date. Fix: Check the day.",
        "::warning file=content/news/notes.docx,title=this file is not Markdown%2C so it is not published::"
        "this file is not Markdown, so it is not published. Fix: Rename it.",
        "::error file=a%2Cb%3Ac.md,line=1,title=100%25 wrong%0Areally::100%25 wrong%0Areally. Fix: Fix, now.",
    ]


def run_check(project, *args):
    settings = site_settings_file(project)
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT / "plugins")}
    return subprocess.run(
        [sys.executable, "-m", "editor_checks", "--settings", str(settings), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_make_check_exit_status(two_branches):
    ok = run_check(two_branches)
    assert ok.returncode == 0, ok.stderr
    assert "make check: 0 errors, 0 warnings" in ok.stderr

    (two_branches / "content" / "news" / "odd.txt").write_text("x")
    warned = run_check(two_branches)
    assert warned.returncode == 0
    assert "content/news/odd.txt: warning:" in warned.stdout

    (two_branches / "content" / "pages" / "broken.md").write_text("---\ntitle: [\n---\n")
    failed = run_check(two_branches, "--format", "github")
    assert failed.returncode == 1
    assert "::error file=content/pages/broken.md,line=" in failed.stdout
    assert "make check: 1 error, 1 warning" in failed.stderr


def test_the_build_checks_only_sites_that_changed_but_still_reports_everything(two_branches, capsys):
    from kit_testing import build

    (two_branches / "content/news/notes.docx").write_text("x")  # a branch may not have it at all
    build(two_branches)
    assert "content/news/notes.docx: warning:" in capsys.readouterr().err
    cache = json.loads((two_branches / ".cache/main/editor-checks.json").read_text())
    assert len(cache) == 3  # the main site and both branches were checked clean, warnings stored
    build(two_branches)  # nothing changed: nothing read again, the stored warning still shown
    assert "content/news/notes.docx: warning:" in capsys.readouterr().err
    (two_branches / "branches/beta-net/pages").mkdir()
    (two_branches / "branches/beta-net/pages/bad.md").write_text("---\ntitle: [\n---\n")
    with pytest.raises(ContentProblems):
        build(two_branches)
    assert "branches/beta-net/pages/bad.md:" in capsys.readouterr().err


def test_many_sites_are_checked_in_worker_processes_with_the_same_report(tmp_path):
    import shutil

    from editor_checks.run import check_project
    from kit_testing import FIXTURES, copy_fixture, project_settings

    project = copy_fixture("two_branches", tmp_path / "p")
    alpha = project / "branches/alpha"
    for number in range(24):  # 26 sites in all: over editor_checks.run.PARALLEL_FROM
        copy = project / "branches" / f"copy-{number:02d}"
        shutil.copytree(alpha, copy)  # same districts as alpha: a warning that spans branches, too
        yaml_file = copy / "branch.yaml"  # each its own name: two branches may not share one
        yaml_file.write_text(yaml_file.read_text().replace("Alphaton", f"Copy {number:02d}"))
        if number % 5 == 0:  # a mistake in some of them, each in its own file
            (copy / "news/2026-02-01-alpha-news.md").write_text("---\ntitle: [\n---\n")
    assert (FIXTURES / "two_branches/branches/alpha/news/2026-02-01-alpha-news.md").is_file()

    one = check_project(project_settings(project, EDITOR_CHECKS_JOBS=1)).sorted()
    two = check_project(project_settings(project, EDITOR_CHECKS_JOBS=2)).sorted()
    assert two == one
    # started as on macOS and Windows: each worker imports the plugins and connects their checks itself
    spawned = check_project(project_settings(project, EDITOR_CHECKS_JOBS=2, WORKER_START_METHOD="spawn")).sorted()
    assert spawned == one
    assert any("is covered by both" in p.message for p in one)
    broken = sorted({p.path for p in one if p.is_error})
    assert broken == [f"branches/copy-{n:02d}/news/2026-02-01-alpha-news.md" for n in range(0, 24, 5)]


def test_problems_the_build_meets_without_the_checks_carry_their_list(two_branches, capsys):
    from kit_testing import build

    yaml = two_branches / "branches/alpha/branch.yaml"
    yaml.write_text(yaml.read_text().replace("name:", "name: [\nx:"))
    with pytest.raises(ContentProblems) as raised:  # nothing printed a list: the message is the list
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    message = str(raised.value)
    assert "branches/alpha/branch.yaml:3: error: branch.yaml cannot be read" in message
    assert "    fix: Check the indentation and punctuation" in message and "see the list above" not in message
    assert not (two_branches / "output").exists()
    capsys.readouterr()
    with pytest.raises(ContentProblems) as raised:  # the checks printed it: the message points to it
        build(two_branches)
    assert "see the list above" in str(raised.value) and "branch.yaml:3" not in str(raised.value)
    assert "branches/alpha/branch.yaml:3: error: branch.yaml cannot be read" in capsys.readouterr().err


def test_a_post_the_reader_refuses_is_logged_with_its_file_and_line(two_branches, caplog):
    from kit_testing import build

    post = two_branches / "content/news/2026-01-10-national-hello.md"
    post.write_text(post.read_text().replace("date:", "date: 2026-02-30\nx:", 1))
    output = build(two_branches, EDITOR_CHECKS_ON_BUILD=False)  # `make html` (--fatal errors) stops here
    where = "content/news/2026-01-10-national-hello.md"
    assert f"front_matter: {where}:3: `date` is `2026-02-30`, which is not a real date" in caplog.text
    assert f"front_matter: {where}:4: `x` is not a key a news post can have" in caplog.text
    assert not (output / "news/2026/national-hello").exists() and (output / "index.html").is_file()
