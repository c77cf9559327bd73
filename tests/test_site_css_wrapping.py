"""site.css on a 360 px phone: a long email address in the facts of a finder card and of an event
page wraps inside the page (no sideways scrolling), and the ordinary words beside it are never
broken (overflow-wrap: break-word breaks only a word that cannot fit a line by itself)."""

from __future__ import annotations

import pytest

from kit_testing import build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC
LONG_EMAIL = "membership-secretary-and-volunteer-coordinator@alphaton-and-district.example.org"
TEA = """\
---
title: Winter tea
start: 2027-02-27 15:00
duration: 2h
location: The Alphaton community centre
address_on_request: true
---
Tea and cake.
"""

# Every word (a run without spaces) in the text of ``selector``'s elements that spans more than one
# line, except those containing "@": the long address is meant to wrap.
SPLIT_WORDS = """(selector) => {
  const split = [];
  for (const box of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        if (match[0].includes("@")) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""

# The lines the long address's text takes, and the right edge of the rightmost (its link may be an
# inline-block, whose box has one rectangle however many lines are inside it).
EMAIL_LINES = """(selector) => {
  const link = [...document.querySelectorAll(selector + " a")].find((a) => a.textContent.includes("@"));
  const range = document.createRange();
  range.selectNodeContents(link);
  const rects = [...range.getClientRects()];
  const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
  return {lines, right: Math.max(...rects.map((rect) => rect.right))};
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The two-branch fixture, Alphaton reached at a long address and holding an event whose address
    is given on request (its page shows the branch's address)."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("wrapping") / "project")
    branch = project / "branches/alpha/branch.yaml"
    branch.write_text(branch.read_text().replace("alpha@example.org", LONG_EMAIL))
    (project / "branches/alpha/events/2027-02-27-winter-tea.md").write_text(TEA, encoding="utf-8")
    return build(project, now=NOW)


def assert_wraps_within_the_page(page, selector: str) -> None:
    assert any(LONG_EMAIL in text for text in page.locator(selector).all_inner_texts())
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    email = page.evaluate(EMAIL_LINES, selector)
    assert email["lines"] > 1 and email["right"] <= width  # it did need to wrap, and it wrapped inside
    assert page.evaluate(SPLIT_WORDS, selector) == []


def test_a_long_address_in_a_finder_card_wraps_and_no_word_beside_it_breaks(site, serve, open_page):
    page = open_page(width=360)
    page.goto(f"{serve(site)}/branches/")
    page.get_by_label("Your postcode").fill("AB1")
    page.get_by_label("Your postcode").press("Enter")
    page.locator(".kit-finder__facts").wait_for()
    assert_wraps_within_the_page(page, ".kit-finder__facts dd")
    assert page.problems == []


def test_a_long_address_in_an_event_pages_facts_wraps_and_no_word_beside_it_breaks(site, serve, open_page):
    page = open_page(width=360)
    page.goto(f"{serve(site)}/branches/alpha/events/2027-02-27-winter-tea/")
    assert_wraps_within_the_page(page, ".kit-event__facts dd")
    assert page.problems == []
