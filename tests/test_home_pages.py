"""Home pages that recruit: the national hero and "what we stand for" from the editors' home file,
the next events by nation (narrowed to the reader's postcode with JavaScript), news with
thumbnails, and the branch home's picture, next meeting and contact."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from browser import describe_violations, remembered_postcode

from content_schema import ContentProblems
from editor_checks.run import check_project
from events.home_events import next_meeting
from kit_testing import FIXTURES, PUBLISH_SETTINGS_FILE, broken_links, build, copy_fixture, project_settings

NOW = "1798761600"  # 2027-01-01 00:00 UTC
NOW_DATETIME = dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
HOME_FILE = "content/pages/home.md"

NATIONAL_POST = """\
---
title: Hedges planted across the country
date: 2026-11-20
summary: Forty branches planted hedges on one Saturday.
tags: [hedges]
image: images/hero.jpg
image_alt: Neighbours planting a hedge along a lane
---
A good day's work.
"""

ALPHA_POST = """\
---
title: Alphaton plants a hedge
date: 2026-11-21
summary: Our first hedge, by the library.
image: images/alpha.jpg
image_alt: Four members of Alphaton branch with spades by the library
---
Two hundred whips.
"""

ALPHA_PICTURE = """\
picture: images/alpha.jpg
picture_alt: Alphaton branch members outside the library
"""


def draw_picture(path: Path, size=(1600, 900)) -> None:
    """A photograph-like JPEG (a gradient with noise, which compresses as photos do)."""
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.effect_noise(size, 40).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 40):
        draw.rectangle([x, 0, x + 20, size[1]], fill=(40 + x % 200, 120, 60))
    image.save(path, quality=85)


def home_project(root: Path) -> Path:
    """The two-branch fixture with tests/fixtures/home_pages laid over it (the national home file), the
    pictures it names, a picture for branch Alphaton and a post with a picture on each site."""
    project = copy_fixture("two_branches", root / "project")
    shutil.copytree(FIXTURES / "home_pages", project, dirs_exist_ok=True)
    draw_picture(project / "content/images/hero.jpg")
    draw_picture(project / "branches/alpha/images/alpha.jpg", (1200, 800))
    (project / "content/news/2026-11-20-hedges.md").write_text(NATIONAL_POST)
    (project / "branches/alpha/news/2026-11-21-hedge.md").write_text(ALPHA_POST)
    branch_yaml = project / "branches/alpha/branch.yaml"
    branch_yaml.write_text(branch_yaml.read_text() + ALPHA_PICTURE)
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(home_project(tmp_path_factory.mktemp("home")), now=NOW)


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def between(html: str, start: str, end: str) -> str:
    """The markup from the first ``start`` to the next ``end`` after it."""
    head = html.index(start)
    return html[head : html.index(end, head)]


def group(html: str, slug: str) -> str:
    return between(html, f'aria-labelledby="events-{slug}"', "</section>")


# ---- the national home -------------------------------------------------------


def test_hero_and_statements_come_from_the_home_file(site):
    html = read(site, "index.html")
    hero = between(html, '<div class="kit-home-hero"', "</picture>")
    assert '<h1 class="kit-title">Change that starts on your street</h1>' in hero
    assert "The Test Party is branches that run themselves. Come to a meeting near you." in hero
    # the picture went through responsive_images: WebP and JPEG at each width, loaded first (not lazy)
    assert 'srcset="/images/hero-480w.webp 480w, /images/hero-960w.webp 960w, /images/hero-1600w.webp 1600w"' in hero
    assert 'alt="Neighbours planting a hedge along a lane"' in hero
    assert 'loading="lazy"' not in hero
    statements = between(html, '<ul class="kit-statements">', "</ul>")
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', statements) == [
        ("/about/", "Buses that turn up on time."),
        ("/start-a-branch/", "Branches that choose their own campaigns."),
        ("/contact/", "A party you can talk to."),
    ]
    assert '<h2 id="stand-for">What we stand for</h2>' in html
    # the home file is the home page's, never a page of its own nor in the menu
    assert not (site / "home").exists()
    assert "Change that starts" not in read(site, "about/index.html")
    assert broken_links(site) == []


def test_without_a_home_file_the_home_page_keeps_the_site_name(two_branches_output):
    html = read(two_branches_output, "index.html")
    assert '<h1 class="kit-title">The Test Party</h1>' in html
    assert "kit-statements" not in html


BAD_HOME = """\
---
headline: Change that starts on your street
lead: One sentence.
image: images/hero.jpg
statements:
  - text: {long}
    link: "{{filename}}/pages/about.md"
  - text: Branches that choose their own campaigns.
    link: "{{filename}}/pages/manifesto.md"
---
"""
LONG_STATEMENT = "Buses that turn up on time, every time, in every town and village, whatever the weather, " * 2


def test_every_mistake_in_the_home_file_is_reported_at_once(tmp_path, capsys):
    project = home_project(tmp_path)
    (project / HOME_FILE).write_text(BAD_HOME.format(long=LONG_STATEMENT.strip()))
    problems = [(p.line, p.message) for p in check_project(project_settings(project)).sorted() if p.path == HOME_FILE]
    messages = dict(problems)
    assert messages[4] == "the picture has no `image_alt` text"
    assert messages[5] == "`statements` has 2 statements; the home page shows from 3 to 6"
    assert messages[6].startswith("`statements` item 1: `text` is ") and messages[6].endswith("; at most 140 fit")
    assert messages[9] == "the link `{filename}/pages/manifesto.md` points to a file that does not exist"
    assert len(problems) == 4
    # and nothing is published: the build stops before it writes a page
    with pytest.raises(ContentProblems):
        build(project, now=NOW)
    assert not (project / "output" / "index.html").exists()
    assert f"{HOME_FILE}:9: error: the link" in capsys.readouterr().err


def test_more_than_six_statements_is_reported_at_the_seventh(tmp_path):
    project = home_project(tmp_path)
    head, fence, tail = (project / HOME_FILE).read_text().rpartition("---\n")
    extra = "".join(f'  - text: Statement {n}.\n    link: "{{filename}}/pages/about.md"\n' for n in range(4, 8))
    (project / HOME_FILE).write_text(head + extra + fence + tail)
    problems = [(p.line, p.message) for p in check_project(project_settings(project)).sorted() if p.path == HOME_FILE]
    seventh = (project / HOME_FILE).read_text().splitlines().index("  - text: Statement 7.") + 1
    assert problems == [(seventh, "`statements` has 7 statements; the home page shows at most 6")]


def test_a_statement_without_a_link_and_a_stray_key(tmp_path):
    project = home_project(tmp_path)
    text = (project / HOME_FILE).read_text()
    text = text.replace('    link: "{filename}/pages/contact.md"\n', "    url: https://test-party.example/\n")
    (project / HOME_FILE).write_text(text)
    problems = [(p.line, p.message) for p in check_project(project_settings(project)).sorted() if p.path == HOME_FILE]
    lines = text.splitlines()
    item = lines.index("  - text: A party you can talk to.") + 1
    assert problems == [
        (
            item,
            "`statements` item 3: the statement has no `link` (the page that says more: {filename}/pages/... "
            "or an https:// address)",
        ),
        (item + 1, "`statements` item 3: `url` is not a key a statement can have"),
    ]


def test_events_by_nation_with_uk_wide_events_first(site):
    html = read(site, "index.html")
    headings = re.findall(r'<h3 id="events-([a-z-]+)">([^<]+)</h3>', html)
    assert headings == [
        ("uk", "Across the UK"),
        ("england", "England"),
        ("scotland", "Scotland"),
        ("wales", "Wales"),
        ("northern-ireland", "Northern Ireland"),
    ]
    assert "Spring conference" in group(html, "uk")
    england = group(html, "england")
    assert re.findall(r'class="u-url p-name" href="[^"]+">([^<]+)</a>', england) == [
        "Branch meeting",
        "Branch meeting",
        "Market stall",
    ]
    assert "No events are planned at the moment." in group(html, "scotland")


def test_the_postcode_area_file_lists_its_branches_and_every_event_the_lists_hold(site):
    data = json.loads(read(site, "events/near/AB.json"))
    assert data["version"] == 1 and data["area"] == "AB" and data["nation"] == "England"
    (alpha,) = data["branches"]
    assert alpha["name"] == "Alphaton branch" and alpha["url"] == "/branches/alpha/"
    assert alpha["districts"] == ["AB1", "AB2"]
    assert alpha["region"] == "south-west"  # as the region's list is named, for the lists' filter
    # every one of its events the national list holds (on whichever page), soonest first: more than
    # the home page shows (HOME_NEAR_EVENTS, 3), which the page takes from the start
    listed = re.findall(r'class="u-url p-name" href="(/branches/alpha/[^"]+)"', read(site, "events/index.html"))
    assert [e["url"] for e in alpha["events"]] == listed and len(listed) > 3
    assert [(e["title"], e["when"]) for e in alpha["events"][:3]] == [
        ("Branch meeting", "Tue 12 Jan, 7pm"),
        ("Branch meeting", "Tue 9 Feb, 7pm"),
        ("Market stall", "Sat 20 Feb, 11am"),
    ]
    assert alpha["events"][2]["status"] == "Rescheduled" and alpha["events"][2]["status_code"] == "rescheduled"
    assert alpha["events"][0]["status"] == "" and alpha["events"][0]["status_code"] == "scheduled"
    home = read(site, "index.html")
    assert 'data-near-limit="3"' in home
    assert sorted(p.name for p in (site / "events/near").iterdir()) == ["AB.json"]


MANY = """\
name: {name}
kind: local
nation: {nation}
{region}areas: [{district}]
contact: branch{n}@example.org
editors: [ed{n}]
"""

EVENT = """\
---
title: {title}
start: 2027-0{month}-1{day} 19:00
duration: 2h
location: Hall {n}
---
All welcome.
"""


def test_the_home_page_holds_the_same_number_of_events_however_many_branches(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    nations = [("England", "region: North West\n", "M"), ("Scotland", "", "EH"), ("Wales", "", "CF")]
    for n in range(12):
        nation, region, area = nations[n % 3]
        folder = project / "branches" / f"many-{n}"
        (folder / "events").mkdir(parents=True)
        text = MANY.format(name=f"Many {n}", nation=nation, region=region, district=f"{area}{n + 1}", n=n)
        (folder / "branch.yaml").write_text(text)
        for e in range(3):
            event = EVENT.format(title=f"Event {n}-{e}", month=e + 1, day=n % 10, n=n)
            (folder / "events" / f"event-{e}.md").write_text(event)
    output = build(project, now=NOW, HOME_NATION_EVENTS=2)
    html = read(output, "index.html")
    for slug in ("england", "scotland", "wales"):
        assert len(re.findall(r'class="kit-events__item h-event"', group(html, slug))) == 2, slug
    assert (
        len(re.findall(r'class="kit-events__item h-event"', html)) == 1 + 2 + 2 + 2
    )  # the national conference, 3 nations
    data = json.loads(read(output, "events/near/EH.json"))
    assert [b["name"] for b in data["branches"]] == [
        "Many 1 branch",
        "Many 10 branch",
        "Many 4 branch",
        "Many 7 branch",
    ]
    assert all(len(b["events"]) == 3 for b in data["branches"]) and data["nation"] == "Scotland"


def test_national_home_news_has_thumbnails_with_the_posts_alt_text(site):
    html = read(site, "index.html")
    national = between(html, 'aria-labelledby="national-news"', "</section>")
    thumbnail = between(national, '<div class="kit-news__thumbnail">', "</div>")
    assert 'alt="Neighbours planting a hedge along a lane"' in thumbnail
    assert 'loading="lazy"' in thumbnail and 'sizes="(min-width: 42rem) 8rem, 6rem"' in thumbnail
    assert 'src="/images/hero-480w.jpg"' in thumbnail
    branch_news = between(html, 'aria-labelledby="branch-news"', "</section>")
    thumbnail = between(branch_news, '<div class="kit-news__thumbnail">', "</div>")
    assert 'alt="Four members of Alphaton branch with spades by the library"' in thumbnail
    assert 'src="/branches/alpha/images/alpha-480w.jpg"' in thumbnail
    # a post without a picture has none
    assert national.count("kit-news__thumbnail") == 1


@pytest.mark.parametrize(
    ("page", "alt"),
    [
        ("news/index.html", "Neighbours planting a hedge along a lane"),
        ("tags/hedges/index.html", "Neighbours planting a hedge along a lane"),
        ("branches/alpha/news/index.html", "Four members of Alphaton branch with spades by the library"),
        ("branches/alpha/index.html", "Four members of Alphaton branch with spades by the library"),
    ],
)
def test_list_pages_show_a_thumbnail_for_posts_with_a_picture(site, page, alt):
    html = read(site, page)
    items = re.findall(r'<li class="kit-news__item[^"]*">.*?</li>', html, re.S)
    with_picture = [item for item in items if "kit-news__item--picture" in item]
    assert len(with_picture) == 1
    assert f'alt="{alt}"' in with_picture[0] and 'loading="lazy"' in with_picture[0]
    assert all("<picture>" not in item for item in items if item not in with_picture)


def test_a_branch_on_its_own_domain_shows_its_thumbnails_at_home_only(tmp_path):
    """The pages allow pictures from their own origin alone: a post of a branch published at its own
    domain is listed on the national home page without its picture, and shown with it on the branch's."""
    project = home_project(tmp_path)
    with open(project / "branches/alpha/branch.yaml", "a", encoding="utf-8") as handle:
        handle.write("domain: alpha.example\n")
    output = build(project, PUBLISH_SETTINGS_FILE, SITEURL="https://test-party.example", BUILD_NOW=NOW_DATETIME)
    national = read(output, "index.html")
    branch_news = between(national, 'aria-labelledby="branch-news"', "</section>")
    assert "Alphaton plants a hedge" in branch_news and "<picture>" not in branch_news
    assert 'src="https://test-party.example/images/hero-480w.jpg"' in national  # its own posts keep theirs
    alpha = read(output, "branches/alpha/index.html")
    assert 'src="https://alpha.example/images/alpha-480w.jpg"' in alpha


# ---- the branch home ---------------------------------------------------------


def test_branch_home_shows_its_picture_next_meeting_and_contact(site):
    html = read(site, "branches/alpha/index.html")
    hero = between(html, '<div class="kit-home-hero"', "</picture>")
    assert '<h1 class="kit-title">Alphaton branch</h1>' in hero
    assert "The Alphaton branch, for tests." in hero
    assert 'alt="Alphaton branch members outside the library"' in hero
    assert "/branches/alpha/images/alpha-480w.webp 480w" in hero
    meeting = between(html, 'aria-labelledby="next-meeting"', "</section>")
    assert (
        '<a href="/branches/alpha/events/2027-01-12-branch-meeting/">'
        '<time datetime="2027-01-12T19:00:00+00:00">Tuesday 12 January 2027, 7pm to 9pm GMT</time></a>'
    ) in meeting
    assert "Branch meeting · Alphaton Library, High Street" in meeting
    assert 'href="mailto:alpha@example.org"' in html
    assert "Alphaton Signal group" in html


def test_a_branch_without_meeting_events_shows_when_it_meets_in_words(site):
    html = read(site, "branches/beta-net/index.html")
    meeting = between(html, 'aria-labelledby="next-meeting"', "</section>")
    assert "No meeting is planned at the moment" in meeting


def page(title: str, *, tags=(), repeat=None, status="scheduled"):
    series = SimpleNamespace(title=title, tags=tuple(tags), repeat=repeat, status=status)
    return SimpleNamespace(occurrence=SimpleNamespace(series=series))


def test_the_next_meeting_is_the_tagged_event_else_the_soonest_repeating_one():
    social = page("Social")
    monthly = page("Litter pick", repeat="FREQ=MONTHLY")
    called_off = page("Meeting", tags=["meetings"], status="cancelled")
    agm = page("AGM", tags=["Meeting"])
    assert next_meeting([social, monthly, called_off, agm]) is agm
    assert next_meeting([social, called_off, monthly]) is monthly
    assert next_meeting([social]) is None


BAD_PICTURES = {
    "picture: images/alpha.jpg\n": (
        "the branch's picture has no `picture_alt` text",
        "Add `picture_alt:` saying what the picture shows, for readers who cannot see it.",
    ),
    "picture: images/missing.jpg\npicture_alt: A hall\n": (
        "`picture` is `images/missing.jpg`, but there is no such file",
        "Check the spelling (capital letters count) or add the picture to images/.",
    ),
    "picture: ../beta-net/images/alpha.jpg\npicture_alt: A hall\n": (
        "`picture` is `../beta-net/images/alpha.jpg`; pictures must be in this site's images/ folder",
        "Put the picture in images/ and write `picture: images/alpha.jpg`.",
    ),
}


@pytest.mark.parametrize("lines", sorted(BAD_PICTURES))
def test_a_branch_picture_must_be_in_its_folder_and_say_what_it_shows(tmp_path, lines):
    project = home_project(tmp_path)
    branch_yaml = project / "branches/alpha/branch.yaml"
    branch_yaml.write_text(branch_yaml.read_text().replace(ALPHA_PICTURE, lines))
    line = branch_yaml.read_text().splitlines().index(lines.splitlines()[0]) + 1
    problems = check_project(project_settings(project)).sorted()
    found = [(p.line, p.message, p.fix) for p in problems if p.path == "branches/alpha/branch.yaml" and p.is_error]
    assert found == [(line, *BAD_PICTURES[lines])]
    with pytest.raises(ContentProblems):
        build(project, now=NOW)
    assert not (project / "output" / "branches" / "alpha" / "index.html").exists()


def test_a_branch_picture_that_is_no_picture_is_refused(tmp_path):
    project = home_project(tmp_path)
    (project / "branches/alpha/images/alpha.jpg").write_text("not a picture")
    problems = check_project(project_settings(project)).sorted()
    line = (project / "branches/alpha/branch.yaml").read_text().splitlines().index("picture: images/alpha.jpg") + 1
    found = [(p.line, p.message) for p in problems if p.path == "branches/alpha/branch.yaml" and p.is_error]
    assert len(found) == 1 and found[0][0] == line and "images/alpha.jpg" in found[0][1], found
    with pytest.raises(ContentProblems):
        build(project, now=NOW)
    assert not (project / "output" / "branches" / "alpha" / "images").exists()


# ---- in a browser ------------------------------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_home_pages_in_a_browser(site, serve, open_page, run_axe, width, scheme):
    base = serve(site)
    page = open_page(width=width, scheme=scheme)
    page.goto(f"{base}/")
    assert not page.locator("#home-events-near").is_visible()  # no postcode given: every nation
    assert page.locator(".kit-home-events__group").evaluate_all("gs => gs.filter(g => !g.hidden).length") == 5
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    if width == 360:  # the budget (issue 20): the hero a phone loads is under 100 KB
        hero = page.locator(".kit-home-hero__picture img")
        hero.evaluate("img => img.decode()")
        chosen = hero.evaluate("img => new URL(img.currentSrc).pathname")
        assert chosen == "/images/hero-480w.webp"
        assert (site / chosen.lstrip("/")).stat().st_size < 100_000
    page.goto(f"{base}/branches/alpha/")
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.get_by_role("heading", name="Alphaton branch", level=1).is_visible()
    assert page.problems == []


def test_the_home_page_narrows_its_events_to_the_remembered_postcode(site, serve, open_page, run_axe):
    base = serve(site)
    page = open_page(width=360)
    page.goto(f"{base}/")
    page.evaluate("() => localStorage.setItem('kit-remembered-postcode', 'ab1 2cd')")
    page.reload()
    near = page.locator("#home-events-near")
    near.get_by_role("heading", name="Near AB1 2CD").wait_for()
    assert near.get_by_text("The branch covering AB1:").is_visible()
    assert near.locator(".kit-events__title a").all_inner_texts() == [
        "Branch meeting",
        "Branch meeting",
        "Market stall",
    ]
    visible = page.locator(".kit-home-events__group").evaluate_all(
        "gs => gs.filter(g => !g.hidden).map(g => g.querySelector('h3').textContent)"
    )
    assert visible == ["Across the UK", "England"]
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    page.get_by_role("button", name="Show every nation").click()
    assert page.locator(".kit-home-events__group").evaluate_all("gs => gs.filter(g => !g.hidden).length") == 5
    page.get_by_role("button", name="Forget my postcode").click()
    assert not near.is_visible()
    assert remembered_postcode(page) is None
    assert page.problems == []


def test_a_postcode_no_branch_covers_points_to_the_finder(site, serve, open_page):
    base = serve(site)
    page = open_page(width=1280)
    page.goto(f"{base}/")
    page.evaluate("() => localStorage.setItem('kit-remembered-postcode', 'EH1 1AA')")
    page.reload()
    near = page.locator("#home-events-near")
    near.get_by_role("link", name="Find the nearest branches").wait_for()
    assert near.get_by_text("No branch covers EH1 yet.").is_visible()
    assert page.locator(".kit-home-events__group").evaluate_all("gs => gs.filter(g => !g.hidden).length") == 5
    assert page.problems == []


def test_a_site_still_setting_home_country_events_is_told_what_took_its_place(tmp_path, caplog):
    from kit_testing import site_settings_file

    project = copy_fixture("two_branches", tmp_path / "project")
    before = read(build(project, now=NOW), "index.html")
    settings = site_settings_file(project, HOME_COUNTRY_EVENTS=1)
    with caplog.at_level("WARNING"):
        output = build(project, settings, now=NOW)
    (warning,) = [r.getMessage() for r in caplog.records if "HOME_COUNTRY_EVENTS" in r.getMessage()]
    line = next(n for n, text in enumerate(settings.read_text().splitlines(), 1) if text.startswith("HOME_COUNTRY"))
    assert f"settings.py:{line}: HOME_COUNTRY_EVENTS is no longer read (events)" in warning
    assert "HOME_NATION_EVENTS" in warning and "HOME_NEAR_EVENTS" in warning
    assert read(output, "index.html") == before  # the home page is as it was: the setting changes nothing
