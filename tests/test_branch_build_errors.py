"""An error that only a branch's own build meets fails the main build, named with its file."""

from __future__ import annotations

import pytest

from branch_subsites.generator import BranchBuildFailed
from kit_testing import build, tree_digest

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
