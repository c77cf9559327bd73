"""A build with nothing changed since the last one ends at once; any change makes it build again."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest
from pelican import Pelican

from editor_checks import ContentProblems
from kit_testing import KIT_ROOT, PUBLISH_SETTINGS_FILE, build, project_settings

NOW = "1798761600"  # 1 January 2027
SKIPPED = "nothing changed since the last build"


def snapshot(output: Path) -> dict[str, tuple[bytes, int]]:
    files = [path for path in output.rglob("*") if path.is_file()]
    return {str(path.relative_to(output)): (path.read_bytes(), path.stat().st_mtime_ns) for path in files}


def touch_later(path: Path, text: str | None = None) -> None:
    """Change ``path`` (or only its time), a few seconds on, as an editor's save would."""
    if text is not None:
        path.write_text(text)
    later = time.time() + 5
    os.utime(path, (later, later))


@pytest.fixture
def built(two_branches, monkeypatch, capfd):
    """The fixture built once at NOW, with that build's messages read."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    build(two_branches)
    capfd.readouterr()
    return two_branches


def test_a_build_with_nothing_changed_ends_at_once_and_writes_nothing(built, capfd):
    output = built / "output"
    before = snapshot(output)
    build(built)
    messages = capfd.readouterr()
    assert SKIPPED in messages.out
    assert f"its {len(before)} files" in messages.out.replace("\n", " ")
    assert "branch_subsites" not in messages.err  # not even the branches were looked at
    assert snapshot(output) == before


@pytest.mark.parametrize(
    "change",
    [
        "content/pages/about.md",  # the main site's content
        "branches/alpha/news/2026-02-01-alpha-news.md",  # a branch's content
        "branches/beta-net/branch.yaml",  # a branch's settings
    ],
)
def test_an_edited_input_file_builds_again(built, capfd, change):
    path = built / change
    touch_later(path, path.read_text().replace("\n", "\n\n", 1))
    build(built)
    assert SKIPPED not in capfd.readouterr().out


def test_a_new_file_or_branch_builds_again_and_appears(built, capfd):
    shutil.copytree(built / "branches" / "beta-net", built / "branches" / "gamma-net")
    yaml = built / "branches" / "gamma-net" / "branch.yaml"
    yaml.write_text(yaml.read_text().replace("Beta", "Gamma").replace("beta", "gamma"))
    output = build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert (output / "branches" / "gamma-net" / "index.html").is_file()
    build(built)
    assert SKIPPED in capfd.readouterr().out


def test_a_deleted_output_file_is_made_again(built, capfd):
    page = built / "output" / "about" / "index.html"
    page.unlink()
    build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert page.is_file()


def test_changed_settings_build_again(built, capfd):
    output = build(built, SITESUBTITLE="Growing in every street")
    assert SKIPPED not in capfd.readouterr().out
    assert "Growing in every street" in (output / "index.html").read_text()


def test_a_changed_theme_builds_again(built, capfd):
    theme = built / "theme"
    shutil.copytree(KIT_ROOT / "theme", theme)
    build(built, THEME=str(theme))  # the same files elsewhere: a different setting, so built again
    capfd.readouterr()
    build(built, THEME=str(theme))
    assert SKIPPED in capfd.readouterr().out
    base = theme / "templates" / "base.html"
    touch_later(base, base.read_text().replace("</footer>", "<p>Printed on recycled pixels</p></footer>", 1))
    output = build(built, THEME=str(theme))
    assert SKIPPED not in capfd.readouterr().out
    assert "Printed on recycled pixels" in (output / "branches" / "alpha" / "index.html").read_text()


def test_time_that_moves_past_what_the_pages_show_builds_again(built, monkeypatch, capfd):
    # alpha's next event (12 January 2027) is more than a day off: the pages hold for a day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW) + 6 * 3600))
    build(built)
    assert SKIPPED in capfd.readouterr().out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW) + 86400))
    build(built)
    assert SKIPPED not in capfd.readouterr().out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)  # earlier than the last build: its pages may show less
    build(built)
    assert SKIPPED not in capfd.readouterr().out


def test_security_txt_never_keeps_an_expiry_more_than_a_day_old(two_branches, capfd):
    """publishconf.py writes security.txt, whose Expires counts from "now"."""
    start = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
    publish = {"SITEURL": "https://party.example"}
    build(two_branches, PUBLISH_SETTINGS_FILE, BUILD_NOW=start, **publish)
    build(two_branches, PUBLISH_SETTINGS_FILE, BUILD_NOW=start + dt.timedelta(hours=23), **publish)
    assert SKIPPED in capfd.readouterr().out
    output = build(two_branches, PUBLISH_SETTINGS_FILE, BUILD_NOW=start + dt.timedelta(days=1), **publish)
    assert SKIPPED not in capfd.readouterr().out
    assert "Expires: 2027-" in (output / ".well-known" / "security.txt").read_text()


def test_a_failed_build_is_not_recorded_so_the_next_one_builds(built, capfd):
    post = built / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md"
    good = post.read_text()
    touch_later(post, good.replace("title:", "title: [unclosed", 1))
    with pytest.raises(ContentProblems):
        build(built)
    touch_later(post, good)  # put back as it was: its time still differs from the last good build's
    capfd.readouterr()
    build(built)
    assert SKIPPED not in capfd.readouterr().out


def test_one_pelican_run_again_after_an_edit_builds_the_edit(built, capfd):
    """`pelican --autoreload` runs one Pelican many times: each run looks at the files afresh."""
    pelican = Pelican(project_settings(built))
    pelican.run()
    assert SKIPPED in capfd.readouterr().out
    post = built / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md"
    touch_later(post, post.read_text().replace("The library stays open.", "The library opens on Sundays."))
    pelican.run()
    assert SKIPPED not in capfd.readouterr().out
    page = built / "output" / "branches" / "alpha" / "news" / "2026" / "alpha-news" / "index.html"
    assert "The library opens on Sundays." in page.read_text()


def test_the_skip_can_be_turned_off(built, capfd):
    build(built, BUILD_SKIP_UNCHANGED=False)
    build(built, BUILD_SKIP_UNCHANGED=False)
    messages = capfd.readouterr()
    assert SKIPPED not in messages.out
    assert "2 branches, 0 built, 2 unchanged" in messages.err  # each branch is still skipped on its own
