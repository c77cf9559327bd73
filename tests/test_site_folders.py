"""No site writes in another site's folder (issue 16): the main site's output/ holds each branch's
output/branches/<slug>/, which is that branch's alone, and a branch writes only in its own.

Checked in the output itself: the branch's page as the branch built it, the national page not there.
"""

from __future__ import annotations

import pytest

from incremental_build.containment import OutsideItsFolder
from kit_testing import build

NOW = "1798761600"  # 2027-01-01 00:00 UTC
NATIONAL_PAGE = "---\ntitle: Alphaton, from the national office\n---\nNational words.\n"


def test_a_national_page_that_lands_in_a_branch_s_folder_is_refused_naming_both(two_branches):
    """Settings that put pages under branches/ (PAGE_SAVE_AS), and a national page whose slug is a
    branch's: Pelican would write it over the branch's home page, which the branch built first."""
    (two_branches / "content" / "pages" / "alpha.md").write_text(NATIONAL_PAGE, encoding="utf-8")
    pages = {"PAGE_SAVE_AS": "branches/{slug}/index.html", "PAGE_URL": "branches/{slug}/"}
    with pytest.raises(OutsideItsFolder) as refused:
        build(two_branches, now=NOW, **pages)
    message = str(refused.value)
    assert "content/pages/alpha.md" in message
    assert "branch alpha (branches/alpha/)" in message
    assert "never writes in another site's folder" in message
    home = (two_branches / "output" / "branches" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "Alphaton branch" in home
    assert "National words" not in home
    assert "from the national office" not in home
    # the national site's other pages are its own to write there: branches/about/ is no branch's
    (two_branches / "content" / "pages" / "alpha.md").unlink()
    output = build(two_branches, now=NOW, **pages)
    assert "Alphaton branch" in (output / "branches" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert (output / "branches" / "about" / "index.html").is_file()


def test_a_national_file_written_over_a_branch_s_folder_itself_is_refused(two_branches):
    """A file named like the folder (branches/alpha) is in the branch's way as much as a file in it."""
    (two_branches / "content" / "pages" / "alpha.md").write_text(NATIONAL_PAGE, encoding="utf-8")
    with pytest.raises(OutsideItsFolder, match="branch alpha"):
        build(two_branches, now=NOW, PAGE_SAVE_AS="branches/{slug}", PAGE_URL="branches/{slug}")
    assert "Alphaton branch" in (two_branches / "output" / "branches" / "alpha" / "index.html").read_text()


def test_a_national_static_file_placed_in_a_branch_s_folder_is_not_published_there(two_branches, caplog):
    table = two_branches / "content" / "images" / "results.csv"
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_bytes(b"ward,votes\n")
    placed = {
        "FILE_POLICY_MAIN_SUFFIXES": [".csv"],  # a kind of file the national site may publish as it is
        "EXTRA_PATH_METADATA": {"images/results.csv": {"save_as": "branches/alpha/results.csv"}},
    }
    output = build(two_branches, now=NOW, **placed)
    assert not (output / "branches" / "alpha" / "results.csv").exists()
    refusals = [r.getMessage() for r in caplog.records if "was not published" in r.getMessage()]
    assert len(refusals) == 1
    assert "images/results.csv" in refusals[0] and "branch alpha" in refusals[0]
