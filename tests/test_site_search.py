"""Search: what each site's index holds, ranking, escaping, Python and lunr.js agreeing, and the page in Chromium."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lunr.index import Index

from kit_testing import KIT_ROOT, build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC

HOSTILE = """\
---
title: Safety <script>alert("x")</script> first
date: 2026-03-01
summary: Running stalls safely in winter.
tags: [stalls]
---
Gloves, flasks and a second table.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("search") / "project")
    (project / "branches/alpha/news/2026-03-01-stall-safety.md").write_text(HOSTILE)
    return build(project, now=NOW)


def search_data(output: Path, site_path: str) -> dict:
    return json.loads((output / site_path / "search/search.json").read_text())


def cards(data: dict) -> list[list]:
    """The result cards as [url, title, kind, site, date, snippet] (search.json lists each site once)."""
    sites = data["sites"]
    return [
        [sites[s][1] + path, title, kind, sites[s][0], date, snippet]
        for s, path, title, kind, date, snippet in data["docs"]
    ]


def python_search(data: dict, query: str) -> list[list]:
    index = Index.load(data["index"])
    return [cards(data)[int(hit["ref"])] for hit in index.search(query)]


def titles(hits) -> list[str]:
    return [hit[1] for hit in hits]


# ---- what is indexed ---------------------------------------------------------


def test_branch_index_finds_title_word_stem_and_tag(site):
    data = search_data(site, "branches/alpha")
    assert titles(python_search(data, "library"))[0] == "Alphaton saves the library"
    assert "Alphaton saves the library" in titles(python_search(data, "libraries"))  # stemmed
    assert titles(python_search(data, "campaigns")) == ["Alphaton saves the library"]  # a tag
    assert "Branch meeting" in titles(python_search(data, "meeting"))  # events too
    kinds = {doc[2] for doc in cards(data)}
    assert kinds == {"news", "page", "event"}


def test_a_repeating_event_is_one_result_at_its_next_date(site):
    data = search_data(site, "branches/alpha")
    meetings = [doc for doc in cards(data) if doc[1] == "Branch meeting"]
    assert len(meetings) == 1
    assert meetings[0][0] == "/branches/alpha/events/2027-01-12-branch-meeting/"
    assert meetings[0][4].startswith("Tue 12 Jan")


def test_main_site_finds_a_branch_by_town_first_and_not_branch_articles(site):
    data = search_data(site, "")
    hits = python_search(data, "Alphaton")
    assert hits[0][:3] == ["/branches/alpha/", "Alphaton branch", "branch"]
    assert "Alphaton saves the library" not in titles(hits)  # that is for the branch's own search
    assert data["branch_search"] is True
    # the branches' upcoming events, found by place and branch
    assert any(doc[2] == "event" and doc[3] == "Alphaton branch" for doc in hits)
    assert titles(python_search(data, "AB1"))[0] == "Alphaton branch"  # a postcode district


def test_search_data_loads_only_on_search_pages(site):
    for page in site.rglob("*.html"):
        text = page.read_text()
        if page.parent.name != "search":
            assert "search.json" not in text and "lunr" not in text, page


def test_lunr_js_and_python_agree(site):
    data_path = site / "search/search.json"
    queries = ["alphaton", "meeting", "meetings", "library", "conference", "title:branch", "walk*", "AB1"]
    script = (
        "import lunr from 'lunr'; import fs from 'node:fs';"
        "const data = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));"
        "const index = lunr.Index.load(data.index); const out = {};"
        "for (const q of process.argv.slice(2)) out[q] = index.search(q).map(r => r.ref);"
        "console.log(JSON.stringify(out));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, str(data_path), *queries],
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    in_js = json.loads(result.stdout)
    index = Index.load(json.loads(data_path.read_text())["index"])
    for query in queries:
        assert in_js[query] == [hit["ref"] for hit in index.search(query)], query
    assert in_js["alphaton"], "the queries must find something to compare"


# ---- the page in Chromium ----------------------------------------------------


def test_typing_shows_marked_results_and_the_address_keeps_the_query(site, serve, open_page):
    page = open_page(width=360)
    base = serve(site)
    page.goto(f"{base}/branches/alpha/search/")
    page.get_by_label("Search Alphaton branch").press_sequentially("librar")
    page.locator("#search-results li").first.wait_for()
    first = page.locator("#search-results li").first
    assert first.locator("h2").inner_text() == "Alphaton saves the library"
    assert first.locator(".kit-results__meta").inner_text() == "News · Alphaton branch · 1 February 2026"
    assert first.locator("mark").all_inner_texts() == ["library"]
    page.wait_for_url("**/search/?q=librar")
    shown = page.locator("#search-results h2").all_inner_texts()
    assert page.locator("#search-status").inner_text() == f"{len(shown)} results for “librar”."
    assert page.problems == []


def test_follow_a_result_and_come_back_to_the_same_results(site, serve, open_page):
    page = open_page()
    base = serve(site)
    page.goto(f"{base}/search/")
    page.get_by_label("Search The Test Party").fill("alphaton")
    page.keyboard.press("Enter")
    link = page.locator("#search-results li a").first
    link.wait_for()
    assert link.inner_text() == "Alphaton branch"
    more = page.get_by_role("link", name="More in Alphaton branch's search")
    assert more.get_attribute("href") == f"{base}/branches/alpha/search/?q=alphaton"
    link.click()
    page.wait_for_url(f"{base}/branches/alpha/")
    page.go_back()
    page.locator("#search-results li a").first.wait_for()
    assert page.get_by_label("Search The Test Party").input_value() == "alphaton"
    assert page.locator("#search-results li a").first.inner_text() == "Alphaton branch"
    assert page.problems == []


def test_a_title_with_script_shows_as_text(site, serve, open_page):
    page = open_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{serve(site)}/branches/alpha/search/?q=safety")
    title = page.locator("#search-results h2").first
    title.wait_for()
    assert title.inner_text() == 'Safety <script>alert("x")</script> first'
    assert page.locator("#search-results script").count() == 0
    assert dialogs == [] and page.problems == []


def test_without_javascript_search_says_so_and_offers_the_lists(site, serve, open_page):
    page = open_page(javascript=False)
    page.goto(f"{serve(site)}/search/")
    assert page.get_by_text("it needs JavaScript").is_visible()
    for name in ("all news", "all events", "every branch"):
        assert page.get_by_role("link", name=name).is_visible()
    assert not page.locator("#site-search").is_visible()


def test_a_site_with_nothing_to_index_still_has_a_search_page():
    from site_search.index import search_json

    data = json.loads(search_json([], site="New branch", branch_search=False))
    assert data["docs"] == [] and data["sites"] == [] and data["index"] is None
