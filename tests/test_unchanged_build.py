"""A build with nothing changed since the last one ends at once; any change makes it build again."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest
from pelican import Pelican

from content_schema import ContentProblems
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
    ("change", "page"),
    [
        ("content/pages/about.md", "about/index.html"),  # the main site's content
        ("branches/alpha/news/2026-02-01-alpha-news.md", "branches/alpha/news/2026/alpha-news/index.html"),
        ("branches/beta-net/branch.yaml", "branches/beta-net/index.html"),  # a branch's settings
    ],
)
def test_an_edited_input_file_builds_again(built, capfd, change, page):
    path = built / change
    if path.suffix == ".md":
        touch_later(path, path.read_text() + "\nZebracrossing.\n")
    else:
        touch_later(path, path.read_text() + "description: Zebracrossing\n")
    output = build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert "Zebracrossing" in (output / page).read_text()


def test_a_deleted_input_file_builds_again(built, capfd):
    (built / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md").unlink()
    output = build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert not (output / "branches" / "alpha" / "news" / "2026" / "alpha-news").exists()


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


def broken_theme(project: Path) -> Path:
    """A copy of the theme whose pages fail to render: an error inside the run, not at the checks."""
    theme = project / "broken-theme"
    shutil.copytree(KIT_ROOT / "theme", theme)
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("</footer>", "{{ no_such_function() }}</footer>", 1))
    return theme


def test_a_failed_build_leaves_no_record_so_the_next_one_builds(built, capfd):
    theme = broken_theme(built)
    for _attempt in range(2):  # the second time nothing changed, and it must fail again
        with pytest.raises(Exception, match="no_such_function"):
            build(built, THEME=str(theme))
    # the output is now half the failed runs': the settings of the last good build must not skip
    capfd.readouterr()
    build(built)
    assert SKIPPED not in capfd.readouterr().out


def test_a_branch_event_ending_today_ends_the_skip(built, monkeypatch, capfd):
    """The main site's own pages hold for a day; a branch's event that ends sooner is passed on."""
    event = built / "branches" / "alpha" / "events" / "2027-01-01-breakfast.md"
    event.write_text("---\ntitle: New year breakfast\nstart: 2027-01-01 08:00\nduration: 1h\n---\nPancakes.\n")
    build(built)  # at NOW, midnight: the breakfast is still to come
    build(built)
    assert SKIPPED in capfd.readouterr().out
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW) + 10 * 3600))  # 10:00, the breakfast is over
    output = build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert "New year breakfast" in (output / "branches" / "alpha" / "events" / "past" / "index.html").read_text()


def test_a_file_the_theme_copies_from_elsewhere_is_an_input(built, capfd):
    lunr = built / "lunr.min.js"
    shutil.copy(KIT_ROOT / "node_modules" / "lunr" / "lunr.min.js", lunr)
    static = ["static", str(lunr)]
    build(built, THEME_STATIC_PATHS=static)
    build(built, THEME_STATIC_PATHS=static)
    assert SKIPPED in capfd.readouterr().out
    touch_later(lunr, lunr.read_text() + "\n// a newer lunr\n")
    output = build(built, THEME_STATIC_PATHS=static)
    assert SKIPPED not in capfd.readouterr().out
    assert "a newer lunr" in (output / "theme" / "lunr.min.js").read_text()


def test_a_branch_published_alone_leaves_the_full_build_whole(built, capfd):
    """`make publish BRANCH=alpha` shares the build cache and makes other event records (other
    addresses): the next full build must still make its national calendars."""
    from branch_subsites.standalone import build_branch_alone

    with open(built / "branches" / "alpha" / "branch.yaml", "a", encoding="utf-8") as handle:
        handle.write("domain: alpha.example\n")
    build(built)
    publish = project_settings(built, PUBLISH_SETTINGS_FILE, SITEURL="https://party.example")
    build_branch_alone(publish, "alpha", str(built / "output.branch-alpha"))
    (built / "output" / "calendars" / "all.ics").unlink()
    capfd.readouterr()
    output = build(built)
    assert "1 built, 1 unchanged" in capfd.readouterr().err  # alpha, whose records the lone build replaced
    assert "Branch meeting" in (output / "calendars" / "all.ics").read_text()


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


@pytest.mark.parametrize("hidden", ["images/.htaccess", "images/.well-known/renew.html", ".well-known/renew.html"])
def test_a_hidden_file_new_in_a_checked_branch_is_checked_and_never_published(built, hidden):
    """The branch's folder was clean and checked; what is added to it later, under a hidden name or
    in a hidden folder, changes its state (the check cache's and the branch's fingerprint): the
    checks run again, the build stops, and the file is not in output/."""
    added = built / "branches" / "alpha" / hidden
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text("<script src=renew.js></script>\n")
    with pytest.raises(ContentProblems) as stopped:
        build(built)
    assert [p.path for p in stopped.value.problems if p.is_error] == [f"branches/alpha/{hidden}"]
    assert not (built / "output" / "branches" / "alpha" / hidden).exists()
    assert not list((built / "output").rglob("renew.html"))


FORGED = "<!doctype html><title>Renew your membership</title><script src=/x.js></script>\n"


@pytest.mark.parametrize("whole_skip", [True, False])
@pytest.mark.parametrize("keep_times", [False, True])
def test_a_branch_page_written_over_since_its_build_is_made_again(built, capfd, whole_skip, keep_times):
    """Nothing in the branch's folder changed, so its build is skipped (and, with nothing else
    changed either, the whole build): but a page of its output was written over since, by another
    site or by hand, even with its old size and times given back. The next build finds it and
    makes the branch's page again."""
    page = built / "output" / "branches" / "alpha" / "index.html"
    good = page.read_bytes()
    before = page.stat()
    forged = FORGED.encode().ljust(len(good), b" ") if keep_times else FORGED.encode()
    page.write_bytes(forged)
    if keep_times:
        os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    capfd.readouterr()
    build(built, BUILD_SKIP_UNCHANGED=whole_skip)
    messages = capfd.readouterr()
    assert SKIPPED not in messages.out
    assert "2 branches, 1 built, 1 unchanged" in messages.err  # alpha only
    assert page.read_bytes() == good


def test_a_missing_or_forged_file_of_an_unchanged_main_site_is_made_again(built, capfd):
    page = built / "output" / "about" / "index.html"
    good = page.read_bytes()
    page.write_bytes(FORGED.encode())
    build(built)
    assert SKIPPED not in capfd.readouterr().out
    assert page.read_bytes() == good
    build(built)  # and then, with nothing changed, the skip holds again
    assert SKIPPED in capfd.readouterr().out
