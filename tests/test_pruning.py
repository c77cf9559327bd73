"""Pruning removes what the kit wrote before and no longer makes, and nothing else: a third-party
Pelican plugin's file (pelican-sitemap, from PyPI, writes sitemap.txt with open()) survives every build."""

from __future__ import annotations

import json

import pytest

from kit_testing import PUBLISH_SETTINGS_FILE, build, project_settings

EPOCH = "1798761600"
# the kit writes sitemap.xml itself when publishing: the third-party plugin writes its text form
THIRD_PARTY_SITEMAP = {"format": "txt"}


def with_sitemap_plugin(project):
    """The kit's settings with pelican-sitemap, an ordinary namespace plugin, listed after the kit's."""
    plugins = [*project_settings(project)["PLUGINS"], "pelican.plugins.sitemap"]
    return {"PLUGINS": plugins, "SITEMAP": THIRD_PARTY_SITEMAP}


def mtimes(output):
    return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def sitemap_urls(path):
    return path.read_text(encoding="utf-8").split()


def test_a_third_party_plugins_file_survives_a_build_and_rebuilds(two_branches, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    settings = with_sitemap_plugin(two_branches)
    volunteer = two_branches / "content/pages/volunteer.md"
    volunteer.write_text("---\ntitle: Volunteer\n---\nHelp us.\n")
    join = two_branches / "branches/alpha/pages/join.md"
    join.write_text("---\ntitle: Join\n---\nJoin the branch.\n")

    output = build(two_branches, **settings)
    assert "/volunteer/" in sitemap_urls(output / "sitemap.txt")
    assert (output / "branches/alpha/join/index.html").is_file()
    (output / "google0123456789abcdef.html").write_text("google-site-verification: google0123456789abcdef.html")

    before = mtimes(output)
    build(two_branches, **settings)  # nothing changed: skipped whole, the plugin's files included
    assert mtimes(output) == before

    volunteer.unlink()
    join.unlink()
    build(two_branches, **settings)
    assert not (output / "volunteer").exists()  # the kit's page for a page removed from content
    assert not (output / "branches/alpha/join").exists()  # and a branch's, by the branch's own build
    assert (output / "index.html").is_file() and (output / "branches/alpha/index.html").is_file()
    main_urls = sitemap_urls(output / "sitemap.txt")
    assert "/volunteer/" not in main_urls and "/contact/" in main_urls  # written again by the plugin
    assert (output / "google0123456789abcdef.html").is_file()  # a file the party put there itself

    build(two_branches)  # the plugin taken out again: its files stay, the kit never wrote them
    assert sitemap_urls(output / "sitemap.txt") == main_urls


def test_a_file_left_by_a_build_before_the_record_is_kept_and_a_kit_file_is_removed(two_branches):
    output = build(two_branches)
    record = two_branches / ".cache/main/written-files.json"
    written = json.loads(record.read_text())
    assert "contact/index.html" in written and "index.html" in written
    assert not [name for name in written if name.startswith("branches/alpha/")]  # the branch's own
    (two_branches / "content/pages/contact.md").unlink()
    (two_branches / "content/pages/about.md").write_text("---\ntitle: About\n---\nAbout us.\n")
    (output / "old-page.html").write_text("not written by the kit, as far as its record says")
    build(two_branches)
    assert not (output / "contact").exists()  # the file and the folder it emptied
    assert (output / "old-page.html").read_text() == "not written by the kit, as far as its record says"
    assert "contact/index.html" not in json.loads(record.read_text())


def test_pruning_keeps_retained_names_and_never_touches_content(two_branches):
    output = two_branches / "output"
    (output / ".git").mkdir(parents=True)
    (output / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    record = two_branches / ".cache/main/written-files.json"
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps([".git/HEAD"]))  # a record naming a retained file: still kept
    build(two_branches)
    assert (output / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"  # OUTPUT_RETENTION
    with pytest.raises(Exception, match="contains"):
        build(two_branches, OUTPUT_PATH=str(two_branches))  # an output folder holding the content


def test_a_record_naming_files_outside_the_output_folder_removes_none_of_them(two_branches, tmp_path):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.html").write_text("keep me too")
    output = two_branches / "output"
    output.mkdir()
    (output / "linked").symlink_to(elsewhere)  # a folder replaced by a link since the last build
    record = two_branches / ".cache/main/written-files.json"
    record.parent.mkdir(parents=True)
    names = ["../../precious.txt", str(outside), "linked/page.html", "../project/content/pages/about.md"]
    record.write_text(json.dumps(names))
    build(two_branches)
    assert outside.read_text() == "keep me"
    assert (elsewhere / "page.html").read_text() == "keep me too"
    assert (two_branches / "content/pages/about.md").is_file()
    assert (output / "index.html").is_file()


def test_a_temporary_file_left_by_a_killed_build_is_removed(two_branches):
    output = build(two_branches)
    leftover = output / "contact" / ".tmp-4242-0123456789ab"  # atomic.TEMPORARY_PREFIX
    leftover.write_text("half a page")
    (two_branches / "content/pages/contact.md").touch()  # a change: the build runs
    build(two_branches)
    assert not leftover.exists()
    assert (output / "contact/index.html").is_file()


def test_with_pruning_off_nothing_is_removed_and_a_later_build_catches_up(two_branches):
    page = two_branches / "content/pages/volunteer.md"
    page.write_text("---\ntitle: Volunteer\n---\nHelp us.\n")
    output = build(two_branches, OUTPUT_PRUNE=False)
    page.unlink()
    build(two_branches, OUTPUT_PRUNE=False)
    assert (output / "volunteer/index.html").is_file()  # left, as asked
    build(two_branches)
    assert not (output / "volunteer").exists()


def test_pages_a_failed_build_wrote_are_removed_by_the_next_build_that_no_longer_makes_them(two_branches):
    page = two_branches / "content/pages/volunteer.md"
    page.write_text("---\ntitle: Volunteer\n---\nHelp us.\n")
    failing = {"SITEURL": "https://party.example", "SITE_FILES_SECURITY_CONTACT": []}  # fails after the pages
    with pytest.raises(ValueError, match="SITE_FILES_SECURITY_CONTACT"):
        build(two_branches, PUBLISH_SETTINGS_FILE, **failing)
    output = two_branches / "output"
    assert (output / "volunteer/index.html").is_file()  # written before it failed, never pruned
    page.unlink()
    build(two_branches)
    assert not (output / "volunteer").exists()
    assert (output / "contact/index.html").is_file()
