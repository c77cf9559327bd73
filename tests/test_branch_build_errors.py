"""An error that only a branch's own build meets fails the main build, named with its file."""

from __future__ import annotations

import pytest

from kit_testing import build, tree_digest

BAD_POST = "Title: Broken date\nDate: not-a-date\n\nText.\n"


def test_branch_only_error_fails_the_build_names_the_file_and_keeps_the_output(two_branches):
    output = build(two_branches)
    before = tree_digest(output)
    bad = two_branches / "branches" / "alpha" / "news" / "2026-03-01-broken.md"
    bad.write_text(BAD_POST, encoding="utf-8")
    with pytest.raises(Exception) as failure:  # the checks are off: only the branch build sees it
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert "branches/alpha" in str(failure.value)
    assert "2026-03-01-broken.md" in str(failure.value)
    assert "Warning or error encountered" not in str(failure.value)
    after = tree_digest(output)
    for path, digest in before.items():  # the national site and beta-net are as the good build left them
        if not path.startswith("branches/alpha/"):
            assert after.get(path) == digest, path
    with pytest.raises(Exception) as again:  # not recorded as good: built, and failed, again
        build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert "2026-03-01-broken.md" in str(again.value)
    bad.unlink()
    build(two_branches, EDITOR_CHECKS_ON_BUILD=False)
    assert (output / "branches" / "alpha" / "index.html").is_file()
