"""Building the main site plus one subsite per branch."""

from __future__ import annotations

import os
import time

from kit_testing import build


def read(output, path):
    return (output / path).read_text(encoding="utf-8")


def test_every_branch_has_a_home(two_branches_output):
    for slug in ("alpha", "beta-net"):
        assert (two_branches_output / "branches" / slug / "index.html").is_file()


def test_branch_header_names_the_branch_and_links_home(two_branches_output):
    home = read(two_branches_output, "branches/alpha/index.html")
    assert '<a class="kit-header__branch" href="/branches/alpha/">Alphaton branch</a>' in home
    assert '<a class="kit-header__party" href="/">' in home
    # the party's name leads to the national site; the menu's `branches` to every branch
    assert '<a class="kit-nav__link" href="/branches/">All branches</a>' in home
    assert "<title>Alphaton branch · The Test Party</title>" in home
    network = read(two_branches_output, "branches/beta-net/index.html")
    assert ">Beta Network</a>" in network  # a network keeps its own name, no "branch"


def test_branch_pages_news_tags_and_feed_are_built(two_branches_output):
    alpha = two_branches_output / "branches" / "alpha"
    for path in (
        "about/index.html",
        "news/index.html",
        "news/2026/alpha-news/index.html",
        "tags/index.html",
        "tags/libraries/index.html",
        "feeds/all.atom.xml",
    ):
        assert (alpha / path).is_file(), path
    article = read(alpha, "news/2026/alpha-news/index.html")
    assert 'href="/branches/alpha/about/"' in article  # {filename} link resolved inside the branch


def test_branch_contact_card(two_branches_output):
    home = read(two_branches_output, "branches/alpha/index.html")
    assert 'class="kit-card h-card"' in home
    assert 'href="mailto:alpha@example.org"' in home
    assert 'Signal group</span> <a class="u-url" href="https://signal.example.org/alpha">' in home
    assert "AB1, AB2" in home  # districts normalised to capitals


def test_theme_assets_written_once(two_branches_output):
    assert (two_branches_output / "theme" / "css" / "site.css").is_file()
    assert not list((two_branches_output / "branches").rglob("site.css"))
    home = read(two_branches_output, "branches/alpha/index.html")
    assert 'href="/theme/css/site.css"' in home


def test_main_home_shows_branch_news_linking_to_branch_articles(two_branches_output):
    home = read(two_branches_output, "index.html")
    assert 'href="/branches/alpha/news/2026/alpha-news/">Alphaton saves the library</a>' in home
    assert 'href="/branches/beta-net/news/2026/beta-news/">Beta network meets online</a>' in home
    # newest first
    assert home.index("Beta network meets online") < home.index("Alphaton saves the library")
    assert 'href="/news/2026/national-hello/">National hello</a>' in home


def test_main_navigation_links_to_directory_not_to_each_branch(two_branches_output):
    home = read(two_branches_output, "index.html")
    nav = home[home.index('<nav class="kit-nav"') : home.index("</nav>")]
    assert 'href="/branches/"' in nav
    assert "/branches/alpha/" not in nav


def test_directory_groups_by_nation_then_region_with_networks_apart(two_branches_output):
    page = read(two_branches_output, "branches/index.html")
    england = page.index('<h2 id="nation-england"><a href="/branches/england/">England</a></h2>')
    south_west = page.index('<h3><a href="/branches/england/south-west/">South West</a></h3>')
    assert england < south_west < page.index('href="/branches/alpha/">Alphaton branch</a>')
    assert page.index('<h2 id="networks">') < page.index('href="/branches/beta-net/">Beta Network</a>')


def test_unchanged_branches_are_skipped_and_edits_rebuild(two_branches, capfd):
    output = build(two_branches)
    assert "2 branches, 2 built, 0 unchanged" in capfd.readouterr().err
    alpha_home = output / "branches" / "alpha" / "index.html"
    first_mtime = alpha_home.stat().st_mtime_ns

    build(two_branches)  # nothing changed at all: the whole build ends at once
    assert "nothing changed since the last build" in capfd.readouterr().out
    assert alpha_home.stat().st_mtime_ns == first_mtime

    page = next((two_branches / "content" / "pages").glob("*.md"))  # the main site changed, no branch did
    page.write_text(page.read_text() + "\nOne more line.\n")
    build(two_branches)
    assert "2 branches, 0 built, 2 unchanged" in capfd.readouterr().err
    assert alpha_home.stat().st_mtime_ns == first_mtime

    post = two_branches / "branches" / "beta-net" / "news" / "2026-03-01-beta-news.md"
    post.write_text(post.read_text().replace("Beta network meets online", "Beta network meets in Leeds"))
    later = time.time() + 5
    os.utime(post, (later, later))
    build(two_branches)
    assert "2 branches, 1 built, 1 unchanged" in capfd.readouterr().err
    assert "Beta network meets in Leeds" in read(output, "branches/beta-net/news/2026/beta-news/index.html")
    assert "Beta network meets in Leeds" in read(output, "index.html")  # the aggregate follows
    assert alpha_home.stat().st_mtime_ns == first_mtime


def test_deleted_post_and_deleted_branch_leave_no_pages(two_branches):
    output = build(two_branches)
    (two_branches / "branches" / "alpha" / "news" / "2026-02-01-alpha-news.md").unlink()
    build(two_branches)
    assert not (output / "branches" / "alpha" / "news" / "2026" / "alpha-news").exists()
    assert "Alphaton saves the library" not in read(output, "index.html")

    import shutil

    cache = two_branches / ".cache" / "branches"
    assert (cache / "beta-net" / "build.json").is_file()
    # a folder outside the cache, linked in as if it were a deleted branch's: only the link goes
    outside = two_branches.parent / "not-the-cache"
    (outside / "pelican").mkdir(parents=True)
    (outside / "build.json").write_text("{}")
    (cache / "gone-elsewhere").symlink_to(outside)
    shutil.rmtree(two_branches / "branches" / "beta-net")
    build(two_branches)
    assert not (output / "branches" / "beta-net").exists()
    assert "Beta Network" not in read(output, "branches/index.html")
    assert sorted(p.name for p in cache.iterdir()) == ["alpha"]  # the deleted branch's cache went too
    assert (outside / "build.json").read_text() == "{}" and (outside / "pelican").is_dir()


def test_a_missing_output_file_rebuilds_its_branch(two_branches, capfd):
    output = build(two_branches)
    (output / "branches" / "alpha" / "about" / "index.html").unlink()
    capfd.readouterr()
    build(two_branches)
    assert "1 built, 1 unchanged" in capfd.readouterr().err
    assert (output / "branches" / "alpha" / "about" / "index.html").is_file()


def test_branch_on_its_own_domain_has_its_own_theme_copy(two_branches):
    # Under the CSP (default-src 'self') a page may load the stylesheet only from its own host.
    with open(two_branches / "branches" / "beta-net" / "branch.yaml", "a", encoding="utf-8") as handle:
        handle.write("domain: beta.example\n")
    output = build(two_branches, SITEURL="https://party.example", BRANCH_OWN_DOMAINS=True)
    beta = read(output, "branches/beta-net/index.html")
    assert 'href="https://beta.example/theme/css/site.css"' in beta
    assert (output / "branches" / "beta-net" / "theme" / "css" / "site.css").is_file()
    assert (output / "branches" / "beta-net" / "theme" / "lunr.min.js").is_file()
    alpha = read(output, "branches/alpha/index.html")
    assert 'href="https://party.example/theme/css/site.css"' in alpha
    assert not (output / "branches" / "alpha" / "theme").exists()


def test_an_edit_reaches_every_page_and_file_that_shows_it(two_branches, monkeypatch):
    """An incremental build never serves stale content: after one edit to a branch's event and one to its
    news post, every page, feed, calendar and index that shows them has the new words."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: the stall is coming up
    output = build(two_branches)
    alpha = two_branches / "branches" / "alpha"
    later = time.time() + 5
    for path, old, new in [
        (alpha / "events/2027-02-20-stall.md", "title: Market stall", "title: Seed swap stall"),
        (alpha / "news/2026-02-01-alpha-news.md", "Alphaton saves the library", "Alphaton library saved"),
    ]:
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new))
        os.utime(path, (later, later))
    build(two_branches)
    for page in [
        "branches/alpha/events/2027-02-20-stall/index.html",
        "branches/alpha/events/index.html",
        "branches/alpha/events/2027/02/index.html",
        "branches/alpha/events/stall.ics",
        "branches/alpha/calendar.ics",
        "branches/alpha/search/search.json",
        "calendars/all.ics",
        "calendars/england.ics",
        "events/england/index.html",
        "search/search.json",  # the main site indexes each branch's next two events
    ]:
        text = read(output, page)
        assert "Seed swap stall" in text, page
        assert "Market stall" not in text, page
    for page in [
        "branches/alpha/news/2026/alpha-news/index.html",
        "branches/alpha/index.html",
        "branches/alpha/feeds/all.atom.xml",
        "branches/alpha/search/search.json",
        "index.html",
    ]:
        text = read(output, page)
        assert "Alphaton library saved" in text, page
        assert "Alphaton saves the library" not in text, page


def test_pelicans_reader_cache_is_emptied_when_the_settings_or_code_change(tmp_path):
    from branch_subsites.reader_cache import prepare_reader_cache

    cache = tmp_path / "pelican"
    prepare_reader_cache(str(cache), "settings one")
    (cache / "ArticlesGenerator-Readers").write_bytes(b"made under settings one")
    (cache / "event-sequences.json").write_text("{}")
    prepare_reader_cache(str(cache), "settings one")
    assert (cache / "ArticlesGenerator-Readers").is_file()  # same settings and code: kept
    prepare_reader_cache(str(cache), "settings two")
    assert not (cache / "ArticlesGenerator-Readers").exists()  # a change: Pelican reads every file again
    assert (cache / "event-sequences.json").is_file()  # the rest of the branch's cache stays


def test_a_branch_rebuilt_with_its_reader_cache_matches_a_fresh_build(two_branches, tmp_path, monkeypatch):
    import shutil

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    output = build(two_branches)
    assert (two_branches / ".cache/branches/alpha/pelican/ArticlesGenerator-Readers").is_file()
    page = two_branches / "branches/alpha/pages/about.md"
    page.write_text(page.read_text() + "\nA sentence added later.\n")
    later = time.time() + 5
    os.utime(page, (later, later))
    build(two_branches)
    fresh = tmp_path / "fresh"
    shutil.copytree(two_branches, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    fresh_output = build(fresh)
    for path in sorted(fresh_output.rglob("*")):
        if path.is_file():
            assert (output / path.relative_to(fresh_output)).read_bytes() == path.read_bytes(), path
    assert "A sentence added later." in read(output, "branches/alpha/about/index.html")
