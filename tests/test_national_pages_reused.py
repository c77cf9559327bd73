"""The national events pages (the lists and month grids of every area) are rendered again only when
what they show changed (incremental_build.derived.write_derived_page): a branch's news edited leaves
them alone; a branch's event or a main-site page edited makes them again, with the change on them."""

from __future__ import annotations

import re

from pelican.writers import Writer

from kit_testing import build, copy_fixture

NOW = "1798761600"
# the national lists and month grids, the nations' and regions' (not the main site's own event pages)
NATIONAL_PAGES = re.compile(r"^events/(index\.html|page/|\d{4}/\d{2}/|(england|wales|scotland|northern-ireland)/)")


def _rendered(monkeypatch) -> list[str]:
    names: list[str] = []
    write = Writer.write_file

    def recorded(self, name, *args, **kwargs):
        names.append(name)
        return write(self, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", recorded)
    return names


def _national(names: list[str]) -> list[str]:
    return sorted(n for n in names if NATIONAL_PAGES.match(n))


def test_national_event_pages_are_made_again_only_for_a_change_they_show(tmp_path, monkeypatch):
    project = copy_fixture("two_branches", tmp_path / "site")
    output = build(project, now=NOW)
    listing = output / "events" / "index.html"
    assert "Branch meeting" in listing.read_text(encoding="utf-8")
    rendered = _rendered(monkeypatch)

    # a branch's news post: nothing any national events page shows
    post = project / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    output = build(project, now=NOW)
    assert _national(rendered) == []
    assert (output / "events" / "2027" / "01" / "index.html").exists()
    before = listing.read_bytes()

    # a branch's event: the national list holds it, so it is made again, with the new title
    rendered.clear()
    event = project / "branches" / "alpha" / "events" / "2027-01-12-branch-meeting.md"
    event.write_text(event.read_text(encoding="utf-8").replace("Branch meeting", "Branch AGM", 1), encoding="utf-8")
    build(project, now=NOW)
    assert "events/index.html" in rendered
    text = listing.read_text(encoding="utf-8")
    assert "Branch AGM" in text and "Branch meeting" not in text

    # a main-site page the footer names: every page shows it, the national lists too
    rendered.clear()
    contact = project / "content" / "pages" / "contact.md"
    contact.write_text(contact.read_text(encoding="utf-8").replace("title: Contact", "title: Write to us"), "utf-8")
    build(project, now=NOW)
    assert "events/index.html" in rendered
    assert "Write to us" in listing.read_text(encoding="utf-8") and listing.read_bytes() != before


def test_a_national_events_page_that_was_deleted_is_made_again(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "site")
    output = build(project, now=NOW)
    listing = output / "events" / "index.html"
    made = listing.read_bytes()
    listing.unlink()
    build(project, now=NOW)
    assert listing.read_bytes() == made


def test_a_site_can_have_them_rendered_on_every_build(tmp_path, monkeypatch):
    project = copy_fixture("two_branches", tmp_path / "site")
    build(project, now=NOW, EVENTS_REUSE_NATIONAL_PAGES=False)
    rendered = _rendered(monkeypatch)
    post = project / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    build(project, now=NOW, EVENTS_REUSE_NATIONAL_PAGES=False)
    assert "events/index.html" in _national(rendered)


def test_a_page_rendered_with_reuse_off_is_not_taken_for_its_old_stamp(tmp_path):
    """on, off, on: the page the build with reuse off made (from an event since changed back) is made
    again, not kept as the one the first build's stamp describes."""
    project = copy_fixture("two_branches", tmp_path / "site")
    event = project / "branches" / "alpha" / "events" / "2027-01-12-branch-meeting.md"
    original = event.read_text(encoding="utf-8")
    output = build(project, now=NOW)
    listing = output / "events" / "index.html"
    made = listing.read_bytes()
    stamp = project / ".cache" / "main" / "derived" / "events" / "index.html.digest"
    assert stamp.is_file()

    event.write_text(original.replace("Branch meeting", "Branch AGM", 1), encoding="utf-8")
    build(project, now=NOW, EVENTS_REUSE_NATIONAL_PAGES=False)
    assert "Branch AGM" in listing.read_text(encoding="utf-8")
    assert not stamp.exists()  # the page is no longer the one it described

    event.write_text(original, encoding="utf-8")
    build(project, now=NOW)
    assert listing.read_bytes() == made
    assert stamp.is_file()


def test_the_stamps_of_pages_no_longer_made_are_removed(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "site")
    output = build(project, now=NOW)
    stamps = project / ".cache" / "main" / "derived"
    may = stamps / "events" / "2027" / "05" / "index.html.digest"
    assert (output / "events" / "2027" / "05" / "index.html").is_file() and may.is_file()
    before = sorted(p.relative_to(stamps) for p in stamps.rglob("*.digest"))

    (project / "content" / "events" / "2027-05-15-conference.md").unlink()  # May's only event
    build(project, now=NOW)
    assert not (output / "events" / "2027" / "05" / "index.html").exists()  # the page pruned,
    assert not may.exists() and not may.parent.exists()  # and its stamp, and its folder
    after = sorted(p.relative_to(stamps) for p in stamps.rglob("*.digest"))
    gone = [name for name in before if name not in after]
    assert gone and all(not (output / str(name)[: -len(".digest")]).exists() for name in gone)
    assert all((output / str(name)[: -len(".digest")]).is_file() for name in after)  # each one's file made
    assert "events/index.html.digest" in map(str, after)
