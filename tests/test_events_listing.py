"""The national events list and month grids: every branch's events with the national ones, by
nation and region on pages of their own, each page bounded however many branches there are; the
month grid an agenda on phones; the postcode filter."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import REMEMBER_POSTCODE, describe_violations, remembered_postcode

from events.event_source import EventSeries, listed_place
from events.listing import ListedEvent, title_without_status
from kit_testing import KIT_ROOT, broken_links, build, copy_fixture

NOW = "1798761600"  # 2027-01-01 00:00 UTC
VNU_JAR = KIT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

DELTA = """\
name: Deltaford
kind: local
nation: England
region: South West
areas: [AB2, AB3]
contact: delta@example.org
editors: [dee]
"""

GAMMA = """\
name: Gammagh
kind: local
nation: Northern Ireland
areas: [BT7]
contact: gamma@example.org
editors: [gill]
"""

EVENTS = {
    "delta/events/2027-01-20-online-talk.md": (
        "title: Talk on river flooding\nstart: 2027-01-20 19:00\nduration: 1h\n"
        "location: Online only.\nonline: https://meet.example.org/delta\n"
    ),
    "delta/events/2027-01-23-clean-up.md": (
        "title: River clean-up (cancelled)\nstart: 2027-01-23 10:00\nduration: 3h\n"
        "location: Deltaford riverside\nstatus: cancelled\n"
    ),
    "gamma/events/2027-01-14-social.md": (
        "title: Gammagh social\nstart: 2027-01-14 19:30\nduration: 2h\nlocation: The Crown, Gammagh\n"
    ),
}


SERIES = {
    "slug": "talk",
    "title": "Talk",
    "all_day": False,
    "start": dt.datetime(2027, 1, 20, 19),
    "end": dt.datetime(2027, 1, 20, 20),
    "timezone": "Europe/London",
    "status": "scheduled",
    "body": "",
    "source_path": "events/talk.md",
}
RECORD = {
    "title": "Talk",
    "url": "/events/2027-01-20-talk/",
    "start": "2027-01-20T19:00:00+00:00",
    "end": "2027-01-20T20:00:00+00:00",
    "starts_at": "2027-01-20T19:00:00+00:00",
    "timezone": "Europe/London",
    "all_day": False,
    "status": "scheduled",
    "site_name": "National",
    "site_url": "",
}


def add_branches(project: Path) -> Path:
    for slug, text in (("delta", DELTA), ("gamma", GAMMA)):
        (project / "branches" / slug / "events").mkdir(parents=True)
        (project / "branches" / slug / "branch.yaml").write_text(text)
    for path, front in EVENTS.items():
        (project / "branches" / path).write_text(f"---\n{front}---\nText.\n")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The two-branch fixture (Alphaton, South West) with Deltaford (South West, online and cancelled
    events) and Gammagh (Northern Ireland)."""
    project = add_branches(copy_fixture("two_branches", tmp_path_factory.mktemp("listing") / "project"))
    return build(project, now=NOW)


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def items(page: str) -> list[str]:
    """Each event of a list, as its markup."""
    return re.findall(r'<li class="kit-events__item h-event".*?</li>', page, re.S)


def text(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a class="u-url p-name" href="([^"]+)"', page)]


# ---- branch events on the national pages --------------------------------------------


def test_the_national_list_has_every_branchs_events_with_the_national_ones(site):
    listed = links(read(site, "events/index.html"))
    assert listed == [
        "/branches/alpha/events/2027-01-12-branch-meeting/",
        "/branches/gamma/events/2027-01-14-social/",
        "/branches/delta/events/2027-01-20-online-talk/",
        "/branches/delta/events/2027-01-23-clean-up/",
        "/branches/alpha/events/2027-02-09-branch-meeting/",
        "/branches/alpha/events/2027-02-20-stall/",
        "/branches/alpha/events/2027-03-09-branch-meeting/",
        "/branches/alpha/events/2027-03-28-clocks-change-walk/",
        "/events/2027-05-15-conference/",  # national, beyond the branches' 90 days
    ]
    page = read(site, "events/index.html")
    (gamma,) = [i for i in items(page) if "gamma" in i]
    assert 'href="/branches/gamma/">Gammagh branch</a>' in gamma  # whose event it is
    assert "Thu 14 Jan, 7:30pm" in text(gamma)


def test_nation_and_region_pages_hold_their_branches_and_the_national_events(site):
    england = links(read(site, "events/england/index.html"))
    assert "/branches/delta/events/2027-01-20-online-talk/" in england
    assert "/branches/gamma/events/2027-01-14-social/" not in england
    assert "/events/2027-05-15-conference/" in england
    ni = links(read(site, "events/northern-ireland/index.html"))
    assert ni == ["/branches/gamma/events/2027-01-14-social/", "/events/2027-05-15-conference/"]
    south_west = links(read(site, "events/england/south-west/index.html"))
    assert south_west == [link for link in england]  # every English branch here is in the South West
    london = links(read(site, "events/england/london/index.html"))
    assert london == ["/events/2027-05-15-conference/"]
    national = read(site, "events/index.html")
    for address in ("/events/england/", "/events/northern-ireland/", "/events/england/south-west/"):
        assert f'href="{address}"' in national
    assert 'href="/events/england/south-west/" data-postcode-areas="AB"' in national
    assert broken_links(site) == []


def test_the_month_grids_show_branch_events(site):
    national = read(site, "events/2027/01/index.html")
    for slug in ("alpha/events/2027-01-12-branch-meeting", "gamma/events/2027-01-14-social"):
        assert national.count(f'href="/branches/{slug}/"') == 2  # the agenda's and the table's
    region = read(site, "events/england/south-west/2027/01/index.html")
    assert 'href="/branches/delta/events/2027-01-20-online-talk/"' in region
    assert "gamma" not in region
    assert "<caption>January 2027, South West</caption>" in region
    ni = read(site, "events/northern-ireland/2027/01/index.html")
    assert 'href="/branches/gamma/events/2027-01-14-social/"' in ni
    # each event is one h-event (the table's), not two
    table = national[national.index("<table") :]
    agenda = national[: national.index("<table")]
    assert "h-event" not in agenda and table.count('class="h-event"') == 4  # January's four dates


def test_a_branch_keeps_its_own_list_and_grids(site):
    page = read(site, "branches/delta/events/index.html")
    assert links(page) == [
        "/branches/delta/events/2027-01-20-online-talk/",
        "/branches/delta/events/2027-01-23-clean-up/",
    ]
    assert "Gammagh" not in page
    grid = read(site, "branches/delta/events/2027/01/index.html")
    assert "<caption>January 2027, Deltaford branch</caption>" in grid


# ---- what each event says -----------------------------------------------------------


LISTS = [
    "events/index.html",
    "events/england/index.html",
    "events/england/south-west/index.html",
    "branches/delta/events/index.html",
    "events/2027/01/index.html",
    "branches/delta/events/2027/01/index.html",
]


@pytest.mark.parametrize("path", LISTS)
def test_an_online_event_says_online_once(site, path):
    page = read(site, path)
    talk = page[page.index("2027-01-20-online-talk") :]
    talk = talk[: talk.index("</li>")]
    assert "Online · Online" not in text(page)
    if "kit-events__meta" in talk:  # a list (a month grid gives no place)
        assert text(talk).count("Online") == 1, text(talk)


PLACES = {
    ("Online", True): ("", True),
    ("Online only.", True): ("", True),
    (" on line ", False): ("", True),  # says it is online without its link: online, said once
    ("Upper room, The Fat Cat", True): ("Upper room, The Fat Cat", True),
    ("Upper room, The Fat Cat", False): ("Upper room, The Fat Cat", False),
    ("Online Centre, Mill Road", True): ("Online Centre, Mill Road", True),  # a venue with the word
    ("Address on request", True): ("Address on request", True),
    ("", True): ("", True),
    (None, False): ("", False),
}


@pytest.mark.parametrize("place, online", sorted(PLACES, key=repr))
def test_one_rule_says_where_an_event_is(place, online):
    assert tuple(listed_place(place, online)) == PLACES[place, online]
    venue = EventSeries(**SERIES, location=place, online="https://meet.example.org/x" if online else None).venue
    assert venue == (PLACES[place, online][0] or None)  # the event page's venue is the lists'
    record = {**RECORD, "place": place or "", "online": online}
    assert ListedEvent.from_record(record).where == listed_place(place, online)


def test_the_area_file_says_where_by_the_same_rule(site):
    data = json.loads(read(site, "events/near/AB.json"))
    delta = next(b for b in data["branches"] if b["name"] == "Deltaford branch")
    talk = next(e for e in delta["events"] if e["title"] == "Talk on river flooding")
    assert (talk["place"], talk["online"]) == ("", True)  # `location: Online only.` and a link
    clean_up = next(e for e in delta["events"] if e["title"] == "River clean-up")  # the title less its status
    assert (clean_up["place"], clean_up["online"], clean_up["status"]) == ("Deltaford riverside", False, "Cancelled")


@pytest.mark.parametrize("path", LISTS)
def test_a_cancelled_event_says_so_once(site, path):
    page = read(site, path)
    for start in [m.start() for m in re.finditer("2027-01-23-clean-up/", page)]:
        item = page[page.rindex("<li", 0, start) : page.index("</li>", start)]
        words = text(item)
        assert words.lower().count("cancelled") == 1, words
        assert "River clean-up" in words


TITLES = {
    ("River clean-up (cancelled)", "cancelled"): "River clean-up",
    ("Cancelled: River clean-up", "cancelled"): "River clean-up",
    ("POSTPONED - Stall", "postponed"): "Stall",
    ("Social [Moved online]", "moved-online"): "Social",
    ("Cancelled plans: what next?", "cancelled"): "Cancelled plans: what next?",  # not the status
    ("Cancelled", "cancelled"): "Cancelled",  # nothing else to show
    ("River clean-up (cancelled)", "scheduled"): "River clean-up (cancelled)",  # not what its status says
}


@pytest.mark.parametrize("title, status", sorted(TITLES))
def test_a_title_loses_only_the_status_its_badge_says(title, status):
    assert title_without_status(title, status) == TITLES[title, status]


def test_the_home_pages_lists_say_it_once_too(site):
    home = read(site, "index.html")
    assert "Online · Online" not in text(home)
    assert "(cancelled)" not in text(home)


# ---- bounded with many branches ------------------------------------------------------

MANY = 12


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """Twelve South West branches with an event each on Saturday 16 January, a list page of 5 and
    a month day of 3."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("crowded") / "project")
    for number in range(1, MANY + 1):
        folder = project / "branches" / f"b{number:02d}"
        (folder / "events").mkdir(parents=True)
        (folder / "branch.yaml").write_text(
            f"name: Branch {number:02d}\nkind: local\nnation: England\nregion: South West\n"
            f"areas: [BS{number}]\ncontact: b{number}@example.org\neditors: [e{number}]\n"
        )
        (folder / "events" / "2027-01-16-stall.md").write_text(
            f"---\ntitle: Stall {number:02d}\nstart: 2027-01-16 10:{number:02d}\nduration: 2h\n"
            "location: The market\n---\nText.\n"
        )
    return build(project, now=NOW, EVENTS_NATION_LIMIT=5, EVENTS_MONTH_DAY_LIMIT=3)


@pytest.mark.parametrize("list_address", ["events/", "events/england/", "events/england/south-west/"])
def test_every_page_of_a_list_holds_at_most_the_limit_and_links_on(crowded, list_address):
    first = read(crowded, list_address + "index.html")
    total = int(re.search(r"This page lists 5 of the (\d+) events", first)[1])
    assert total > MANY  # the twelve stalls, Alphaton's dates, the conference
    seen, address, pages = [], list_address, 0
    while address:
        page = read(crowded, address + "index.html")
        pages += 1
        listed = links(page)
        assert 0 < len(listed) <= 5
        seen += listed
        later = re.search(r'<a rel="next" href="/([^"]+)">Later events</a>', page)
        address = later[1] if later else None
        if address:
            assert address == f"{list_address}page/{pages + 1}/"
    assert len(seen) == len(set(seen)) == total
    assert pages == -(-total // 5)
    assert f"Page {pages} of {pages}" in read(crowded, f"{list_address}page/{pages}/index.html")


@pytest.mark.parametrize("grid", ["events/2027/01/", "events/england/2027/01/", "events/england/south-west/2027/01/"])
def test_a_busy_day_shows_the_limit_and_links_to_the_day_in_the_list(crowded, grid):
    page = read(crowded, grid + "index.html")
    table = page[page.index("<table") :]
    cell = re.search(r'<td class="kit-month__busy"><span class="kit-month__day">16</span>(.*?)</td>', table, re.S)[1]
    assert len(re.findall(r'class="h-event"', cell)) == 3
    more = re.search(r'<a class="kit-month__more" href="/([^"#]+)#(day-2027-01-16)">(\d+) more on 16 January</a>', cell)
    assert int(more[3]) == MANY - 3
    target = read(crowded, more[1] + "index.html")
    assert f'id="{more[2]}"' in target and "Stall 01" in target  # the day's first event is there
    agenda = page[: page.index("<table")]
    assert agenda.count("Stall ") == 3 and f"{MANY - 3} more on 16 January" in agenda


def test_the_crowded_site_has_no_broken_links(crowded):
    assert broken_links(crowded) == []


# ---- the Nu checker ----------------------------------------------------------------------


def test_the_events_pages_pass_the_nu_html_checker(site, tmp_path):
    assert shutil.which("java") and VNU_JAR.exists(), "java or vnu.jar missing: run `make test`"
    pages = tmp_path / "pages"
    for path in [*LISTS, "events/northern-ireland/index.html", "events/england/south-west/2027/01/index.html"]:
        target = pages / path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / path, target)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", str(pages)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    assert messages == [], "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages[:20])


# ---- in Chromium -------------------------------------------------------------------------

# Every word of the visible text of <main> that the browser laid out over more than one line
# (a break at a hyphen or a slash is a break between words).
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const words = /[^\\s\\-–—\\/]+/g;
    let match;
    while ((match = words.exec(node.textContent))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["/events/2027/01/", "/events/england/south-west/2027/01/"])
def test_the_month_grid_is_an_agenda_on_a_phone(site, serve, open_page, run_axe, width, path):
    page = open_page(width=width)
    page.goto(serve(site) + path)
    agenda, table = page.locator(".kit-month__agenda"), page.locator(".kit-month__table")
    assert agenda.is_visible() == (width == 360)
    assert table.is_visible() == (width == 1280)
    shown = agenda if width == 360 else table
    assert shown.get_by_role("link", name="Talk on river flooding").is_visible()
    if width == 360:
        assert agenda.get_by_text("Wednesday 20 January").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(BROKEN_WORDS) == []
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.problems == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["/events/", "/events/england/", "/events/england/south-west/"])
def test_the_lists_fit_and_break_no_word(site, serve, open_page, run_axe, width, path):
    page = open_page(width=width)
    page.goto(serve(site) + path)
    page.locator("#events-filter").wait_for()  # shown by its script
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(BROKEN_WORDS) == []
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    assert page.problems == []


def shown_events(page) -> list[str]:
    return [t for t in page.locator("#events-list .kit-events__item:visible .p-name").all_inner_texts()]


def test_the_postcode_filter_narrows_the_list_and_keeps_no_postcode_unticked(site, serve, open_page, run_axe):
    page = open_page(width=360)
    base = serve(site)
    page.goto(f"{base}/events/")
    everything = shown_events(page)
    assert len(everything) == 9
    assert not page.get_by_label(REMEMBER_POSTCODE).is_checked()  # unticked by default
    page.get_by_label("Events near your postcode").fill("ab3 1xx")  # Deltaford's, not Alphaton's
    page.get_by_role("button", name="Show events near me").click()
    result = page.locator("#events-filter-result")
    result.get_by_text("2 events of branches covering AB3; 1 national or UK-wide event shown too.").wait_for()
    assert shown_events(page) == ["Talk on river flooding", "River clean-up", "Spring conference"]
    assert not page.get_by_role("heading", name="February 2027").is_visible()  # no event left in it
    assert result.locator("a").all_inner_texts() == ["South West"]  # the region, not all of England
    assert result.get_by_role("link", name="South West").get_attribute("href") == "/events/england/south-west/"
    assert remembered_postcode(page) is None and page.evaluate("localStorage.length") == 0  # not ticked: not kept
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    page.get_by_role("button", name="Show all events").click()
    assert shown_events(page) == everything
    page.goto(f"{base}/events/england/")  # nothing kept: the next list opens whole
    page.locator("#events-filter").wait_for()
    assert page.get_by_label("Events near your postcode").input_value() == ""
    assert len(shown_events(page)) == len(links(read(site, "events/england/index.html")))
    assert page.problems == []


def test_a_ticked_postcode_narrows_the_next_list_and_unticking_forgets_it(site, serve, open_page):
    page = open_page(width=1280)
    base = serve(site)
    page.goto(f"{base}/events/")
    page.get_by_label("Events near your postcode").fill("ab3 1xx")
    page.get_by_label(REMEMBER_POSTCODE).check()
    page.get_by_role("button", name="Show events near me").click()
    page.get_by_text("2 events of branches covering AB3").wait_for()
    assert remembered_postcode(page) == "ab3 1xx"

    page.goto(f"{base}/events/england/")  # remembered: the next list opens narrowed
    result = page.locator("#events-filter-result")
    result.get_by_text("2 events of branches covering AB3").wait_for()
    assert page.get_by_label("Events near your postcode").input_value() == "ab3 1xx"
    assert page.get_by_label(REMEMBER_POSTCODE).is_checked()
    page.goto(f"{base}/")  # and the home page shows what is near it
    near = page.locator("#home-events-near")
    near.get_by_role("heading", name="Near AB3 1XX").wait_for()
    talk = near.locator(".kit-events__item", has_text="Talk on river flooding")  # from the area's file
    assert talk.inner_text().count("Online") == 1, talk.inner_text()
    page.goto(f"{base}/branches/")  # and the finder is prefilled
    page.get_by_text("One branch covers AB3.").wait_for()
    assert page.get_by_label("Your postcode").input_value() == "ab3 1xx"

    page.goto(f"{base}/events/england/")
    result = page.locator("#events-filter-result")
    result.get_by_text("2 events of branches covering AB3").wait_for()
    page.get_by_label(REMEMBER_POSTCODE).uncheck()
    assert remembered_postcode(page) is None and page.evaluate("localStorage.length") == 0
    page.get_by_text("Your postcode is forgotten: this browser no longer keeps it.").wait_for()
    page.get_by_role("button", name="Show all events").click()
    assert len(shown_events(page)) == len(links(read(site, "events/england/index.html")))
    page.reload()
    page.locator("#events-filter").wait_for()
    assert page.get_by_label("Events near your postcode").input_value() == ""
    assert not page.get_by_label(REMEMBER_POSTCODE).is_checked()
    assert page.problems == []


def test_the_filter_says_when_no_branch_near_has_events_and_refuses_a_non_postcode(site, serve, open_page):
    page = open_page(width=1280)
    page.goto(f"{serve(site)}/events/")
    field = page.get_by_label("Events near your postcode")
    page.get_by_label(REMEMBER_POSTCODE).check()
    field.fill("BT7")
    field.press("Enter")
    page.get_by_text("1 event of branches covering BT7; 1 national or UK-wide event shown too.").wait_for()
    assert shown_events(page) == ["Gammagh social", "Spring conference"]
    more = page.locator("#events-filter-result a")
    assert more.all_inner_texts() == ["Northern Ireland"]  # a nation without regions
    field.fill("S1 2EW")
    field.press("Enter")
    page.get_by_text("No branch covering S1 has an event in this list").wait_for()
    assert shown_events(page) == ["Spring conference"]
    field.fill("ZZ1 1AA")
    field.press("Enter")
    page.get_by_text("“ZZ1 1AA” does not look like a UK postcode.").wait_for()
    assert len(shown_events(page)) == 9  # the whole list again
    assert remembered_postcode(page) == "S1 2EW"  # the last good one
    assert page.problems == []


def test_an_online_event_the_filter_shows_says_online_once(site, serve, open_page):
    page = open_page(width=360)
    page.goto(f"{serve(site)}/events/england/south-west/")
    page.get_by_label("Events near your postcode").fill("AB3")
    page.get_by_role("button", name="Show events near me").click()
    page.get_by_text("2 events of branches covering AB3").wait_for()
    card = page.locator("#events-list .kit-events__item:visible", has_text="Talk on river flooding")
    assert card.count() == 1
    words = card.inner_text()
    assert words.count("Online") == 1 and "Deltaford" in words, words
    assert page.problems == []


def first_page_national(page: str) -> list[str]:
    """The items of a list page for everyone (no branch's districts)."""
    return [item for item in items(page) if "data-districts" not in item[: item.index(">")]]


def test_the_filter_finds_a_near_event_on_a_later_page_of_the_list(crowded, serve, open_page, run_axe):
    first, second = read(crowded, "events/index.html"), read(crowded, "events/page/2/index.html")
    number = int(re.search(r">Stall (\d\d)</a>", second)[1])  # a stall on page 2, and only there
    stall = f"Stall {number:02d}"
    assert stall not in first
    page = open_page(width=360)
    page.goto(f"{serve(crowded)}/events/")
    page.get_by_label("Events near your postcode").fill(f"BS{number} 3AB")
    page.get_by_role("button", name="Show events near me").click()
    page.get_by_text(f"1 event of branches covering BS{number}, from all the pages of this list").wait_for()
    national = [text(re.search(r'class="u-url p-name"[^>]*>(.*?)</a>', item)[1]) for item in first_page_national(first)]
    page.get_by_text(f"{len(national)} national or UK-wide events of this page shown too.").wait_for()
    assert sorted(shown_events(page)) == sorted([stall, *national])
    starts = page.locator("#events-list .kit-events__item:visible time.dt-start").evaluate_all(
        "times => times.map(t => Date.parse(t.getAttribute('datetime')))"
    )
    assert starts == sorted(starts)  # in date order, under the month's heading
    assert page.locator("#events-list .kit-events__month:visible").all_inner_texts() == ["January 2027"]
    card = page.locator("#events-list .kit-events__item:visible", has_text=stall)
    href = f"/branches/b{number:02d}/events/2027-01-16-stall/"
    assert card.get_by_role("link", name=stall).get_attribute("href") == href
    assert f'href="{href}"' in second  # the page of the list it is on links the same event
    assert f"Branch {number:02d} branch" in card.inner_text() and "The market" in card.inner_text()
    assert page.evaluate("localStorage.length") == 0
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    page.get_by_role("button", name="Show all events").click()
    assert shown_events(page) == [text(t) for t in re.findall(r'class="u-url p-name"[^>]*>(.*?)</a>', first)]
    assert page.problems == []


def test_without_the_area_file_the_filter_narrows_the_page_shown_and_says_so(crowded, serve, open_page):
    first = read(crowded, "events/index.html")
    number = int(re.search(r">Stall (\d\d)</a>", first)[1])  # a stall on page 1
    page = open_page(width=1280)
    page.route("**/events/near/*.json", lambda route: route.fulfill(status=503, body="down"))
    page.goto(f"{serve(crowded)}/events/")
    page.get_by_label("Events near your postcode").fill(f"BS{number}")
    page.get_by_role("button", name="Show events near me").click()
    page.get_by_text(f"1 event of branches covering BS{number}, on this page").wait_for()
    national = [text(re.search(r'class="u-url p-name"[^>]*>(.*?)</a>', item)[1]) for item in first_page_national(first)]
    assert sorted(shown_events(page)) == sorted([f"Stall {number:02d}", *national])
    assert [p for p in page.problems if "503" not in p] == []  # the browser reports the failed request


def test_without_javascript_the_lists_are_whole_and_the_filter_hidden(site, serve, open_page):
    page = open_page(width=360, javascript=False)
    page.goto(f"{serve(site)}/events/")
    assert not page.locator("#events-filter").is_visible()
    assert len(shown_events(page)) == 9
    assert not page.get_by_role("link", name="South West").is_visible()  # in a closed disclosure
    page.get_by_text("Regions of England").click()
    page.get_by_role("link", name="South West").click()
    page.get_by_role("heading", name="Events in South West").wait_for()
