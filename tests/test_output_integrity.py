"""Links, feeds and reproducibility of the built output, for the fixtures (the demo site's: test_example_site.py)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from pypdf import PdfReader, PdfWriter

from kit_testing import broken_links, build, copy_fixture, tree_digest

ATOM = "{http://www.w3.org/2005/Atom}"


def test_fixture_has_no_broken_links(two_branches_output):
    assert broken_links(two_branches_output) == []


def test_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="/missing/">x</a><a href="#nowhere">y</a><p id="here"></p>')
    assert broken_links(tmp_path) == ["index.html:1: /missing/", "index.html:1: #nowhere (no such id)"]


def test_feeds_parse_as_atom(two_branches_output):
    feeds = sorted(two_branches_output.rglob("*.atom.xml"))
    assert len(feeds) == 3  # the main site and both branches
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == f"{ATOM}feed"
    alpha = ET.parse(two_branches_output / "branches/alpha/feeds/all.atom.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in alpha.iter(f"{ATOM}entry")] == ["Alphaton saves the library"]
    assert alpha.findtext(f"{ATOM}title") == "Alphaton branch"


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = build(copy_fixture("two_branches", tmp_path / "one"))
    second = build(copy_fixture("two_branches", tmp_path / "two"))
    assert tree_digest(first) == tree_digest(second)
    assert len(tree_digest(first)) > 20


def test_empty_feed_is_dated_by_source_date_epoch(tmp_path, monkeypatch):
    project = copy_fixture("two_branches", tmp_path / "p")
    (project / "branches" / "beta-net" / "news" / "2026-03-01-beta-news.md").unlink()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    output = build(project)
    feed = ET.parse(output / "branches/beta-net/feeds/all.atom.xml").getroot()
    assert feed.findtext(f"{ATOM}updated") == "2026-01-01T00:00:00+00:00"


def test_news_lists_paginate_with_working_links(two_branches):
    for number in range(23):
        (two_branches / "content/news" / f"2026-02-{number + 1:02d}-post-{number}.md").write_text(
            f"---\ntitle: Post {number}\ndate: 2026-02-{number + 1:02d}\n---\nText {number}.\n"
        )
    output = build(two_branches)
    assert (output / "news/page/3/index.html").is_file()
    middle = (output / "news/page/2/index.html").read_text()
    assert 'rel="prev" href="/news/"' in middle and 'rel="next" href="/news/page/3/"' in middle
    assert broken_links(output) == []


def snapshot(output):
    return {str(p.relative_to(output)): p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def test_a_rebuild_rewrites_only_what_changed(two_branches, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    output = build(two_branches)
    before = snapshot(output)
    build(two_branches)
    assert snapshot(output) == before  # nothing changed: no file rewritten, none added or removed
    post = two_branches / "branches/alpha/news/2026-02-01-alpha-news.md"
    post.write_text(post.read_text().replace("The library stays open.", "The library stays open on Sundays too."))
    build(two_branches)
    after = snapshot(output)
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert "branches/alpha/news/2026/alpha-news/index.html" in changed
    assert all(path.startswith("branches/alpha/") for path in changed), changed
    assert not [path for path in changed if path.startswith("branches/alpha/events/")]  # not affected


def test_attach_links_move_their_file_and_it_is_kept(two_branches):
    (two_branches / "content/images").mkdir(exist_ok=True)
    leaflet = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.write(leaflet)
    (two_branches / "content/images/leaflet.pdf").write_bytes(leaflet.getvalue())
    page = two_branches / "content/pages/contact.md"
    page.write_text(page.read_text() + "\n[Our leaflet]({attach}/images/leaflet.pdf)\n")
    output = build(two_branches)
    assert len(PdfReader(output / "contact/leaflet.pdf").pages) == 1  # published without its metadata
    build(two_branches)
    assert (output / "contact/leaflet.pdf").is_file()
