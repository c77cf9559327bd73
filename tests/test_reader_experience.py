"""Every page type of the demo, in Chromium at a phone width and a desktop width: WCAG 2.2 AA with
axe-core, nothing from another origin, no console errors, the keyboard, no JavaScript; the Nu checker
over every page; the weight budget. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from browser import describe_violations

from bench.page_budget import PAGE_TYPES, measure, newest_article, problems
from kit_testing import KIT_ROOT

WIDTHS = (360, 1280)
SCREENSHOTS = KIT_ROOT / "test-artifacts" / "screenshots"
VNU_JAR = KIT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# page type -> (address, what must be on the page before it is judged)
PAGES = {name: "/" + (path or "").removesuffix("index.html") for name, (path, _, _) in PAGE_TYPES.items()}
PAGES["finder result"] = "/branches/?postcode=S1"
PAGES["search results"] = "/search/?q=meeting"
READY = {"finder result": "#finder-result a", "search results": "#search-results li"}


def address(site, name: str) -> str:
    return PAGES[name] if name != "news article" else "/" + newest_article(site).removesuffix("index.html")


@pytest.fixture(scope="module")
def base(demo_site, serve):
    return serve(demo_site)


def open_ready(open_page, base, site, name, width, javascript=True):
    page = open_page(width=width, javascript=javascript)
    response = page.goto(base + address(site, name))
    assert response.ok, name
    if javascript and name in READY:
        page.locator(READY[name]).first.wait_for()
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_type_meets_wcag_22_aa_and_loads_only_from_us(demo_site, base, open_page, run_axe, name, width):
    page = open_ready(open_page, base, demo_site, name, width)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.problems == []  # console errors, CSP violations, requests to other origins
    # WCAG 1.4.10 reflow: nothing wider than a phone at 360 px (320 CSS px is the criterion's floor)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"{name.replace(' ', '-').replace('(', '').replace(')', '')}-{width}.png"),
        full_page=True,
    )


FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_keyboard_skip_link_first_and_everything_reachable_with_visible_focus(demo_site, base, open_page, name):
    page = open_ready(open_page, base, demo_site, name, 1280)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    # number every element that should take focus, then Tab through the page and see which do
    reachable = page.evaluate(
        f"""() => [...document.querySelectorAll("{FOCUSABLE}")]
              .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
              .map((e, i) => {{ e.dataset.tabCheck = i; return i; }})"""
    )
    page.evaluate("document.querySelector('.kit-skip-link').focus()")  # back to the first stop
    focused, without_visible_focus = [0], []
    for _ in range(len(reachable) + 3):
        page.keyboard.press("Tab")
        number, shows_focus, html = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                 return [e.dataset.tabCheck === undefined ? null : Number(e.dataset.tabCheck), ring,
                         e.outerHTML.slice(0, 80)]; }"""
        )
        if number is None or number in focused:
            break  # past the last element, back to the page itself
        focused.append(number)
        if not shows_focus:
            without_visible_focus.append(html)
    assert set(reachable) <= set(focused), sorted(set(reachable) - set(focused))
    assert without_visible_focus == []


@pytest.mark.parametrize("name", sorted(set(PAGES) - {"search", "search results"}))
def test_without_javascript_every_page_but_search_does_its_job(demo_site, base, open_page, name):
    page = open_ready(open_page, base, demo_site, name, 360, javascript=False)
    assert page.locator("h1").first.is_visible()
    text = page.locator("main").inner_text()
    assert "needs JavaScript" not in text and len(text) > 40
    if name in ("branch directory", "finder result"):
        assert page.get_by_role("link", name="Sheffield branch").first.is_visible()


def test_every_page_passes_the_nu_html_checker(demo_site):
    assert shutil.which("java") and VNU_JAR.exists(), "java or vnu.jar missing: run `make test`"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--stdout",
            str(demo_site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages[:20])


def test_weight_budget(demo_site):
    assert problems(measure(demo_site)) == []
