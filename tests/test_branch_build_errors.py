"""An error that only a branch's own build meets fails the main build, named with its file."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from branch_subsites.generator import BranchBuildFailed
from kit_testing import KIT_PYTHONPATH, KIT_ROOT, SETTINGS_FILE, build, project_paths, tree_digest

BAD_POST = "Title: Broken date\nDate: not-a-date\n\nText.\n"


def test_branch_only_error_fails_the_build_names_the_file_and_keeps_the_output(two_branches):
    output = build(two_branches)
    before = tree_digest(output)
    bad = two_branches / "branches" / "alpha" / "news" / "2026-03-01-broken.md"
    bad.write_text(BAD_POST, encoding="utf-8")
    with pytest.raises(BranchBuildFailed) as failure:  # the checks are off: only the branch build sees it
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert "branches/alpha" in str(failure.value)
    assert "2026-03-01-broken.md" in str(failure.value)
    assert "Warning or error encountered" not in str(failure.value)
    after = tree_digest(output)
    for path, digest in before.items():  # the national site and beta-net are as the good build left them
        if not path.startswith("branches/alpha/"):
            assert after.get(path) == digest, path
    with pytest.raises(BranchBuildFailed) as again:  # not recorded as good: built, and failed, again
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert "2026-03-01-broken.md" in str(again.value)
    bad.unlink()
    build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert (output / "branches" / "alpha" / "index.html").is_file()


def test_under_fatal_errors_every_error_of_a_branch_is_reported_not_only_the_first(two_branches, monkeypatch):
    import logging

    from pelican.log import FatalLogger

    monkeypatch.setattr(FatalLogger, "fatal_lvl", logging.ERROR)  # as `pelican --fatal errors` (make html)
    news = two_branches / "branches" / "alpha" / "news"
    (news / "2026-03-01-broken.md").write_text(BAD_POST, encoding="utf-8")
    (news / "2026-03-02-other.md").write_text(BAD_POST.replace("Broken date", "Other"), encoding="utf-8")
    with pytest.raises(BranchBuildFailed) as failure:
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    report = str(failure.value)
    assert "Warning or error encountered" not in report
    for name in ("2026-03-01-broken.md", "2026-03-02-other.md"):
        assert f"branches/alpha/news/{name}:1: " in report, report
    assert FatalLogger.fatal_lvl == logging.ERROR  # given back after the branch's build
    output = two_branches / "output"
    assert not list(output.rglob("*broken*")) and not list(output.rglob("*other*"))
    assert not (output / "index.html").exists()


def make_html(project, **settings) -> subprocess.CompletedProcess:
    """The build as `make html` runs it: Pelican's own command, with --fatal errors."""
    extra = [f"{key}={json.dumps(value)}" for key, value in {**project_paths(project), **settings}.items()]
    args = [str(KIT_ROOT / ".venv" / "bin" / "pelican"), str(project / "content"), "-o", str(project / "output")]
    args += ["-s", str(SETTINGS_FILE), "--fatal", "errors", "-e", *extra]
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": KIT_PYTHONPATH}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.parametrize("checks", [False, True])
def test_make_html_ends_in_the_list_of_errors_not_a_traceback(two_branches, checks):
    (two_branches / "branches/alpha/news/2026-03-05-broken.md").write_text("---\ntitle: B\ndate: 2026-02-30\n---\nX\n")
    done = make_html(two_branches, EDITOR_CHECKS_ON_BUILD=checks)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "branches/alpha/news/2026-03-05-broken.md:3: " in said and "not a real date" in said
    assert "Traceback" not in said and "Warning or error encountered" not in said
    assert not (two_branches / "output" / "index.html").exists()
    assert not list((two_branches / "output").rglob("*broken*"))


def test_make_html_on_a_national_post_the_reader_refuses_names_it_without_a_traceback(two_branches):
    post = two_branches / "content/news/2026-01-10-national-hello.md"
    post.write_text(post.read_text().replace("date:", "date: 2026-02-30\nx:", 1))
    done = make_html(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    said = done.stdout + done.stderr
    assert done.returncode == 1, said
    assert "content/news/2026-01-10-national-hello.md:3: `date` is `2026-02-30`" in said
    assert "Traceback" not in said
    assert not (two_branches / "output" / "news" / "2026" / "national-hello").exists()


def test_a_fault_in_the_code_keeps_its_traceback():
    from editor_checks.last_word import ExplainedErrorsWithoutTraceback

    def critical(exc):
        try:
            raise exc
        except Exception:
            record = logging.LogRecord("pelican", logging.CRITICAL, __file__, 1, "%s", (exc,), sys.exc_info())
        ExplainedErrorsWithoutTraceback().filter(record)
        return record.exc_info

    assert critical(BranchBuildFailed("1 branch(es) failed to build")) is None
    assert critical(RuntimeError("Warning or error encountered")) is None  # the error is logged above it
    assert critical(ValueError("a bug"))[0] is ValueError
