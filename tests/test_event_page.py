"""An event page: "Add to calendar" (its .ics, Google Calendar's and Outlook.com's add-event forms),
"Subscribe" with each app's steps, a repeating event's next dates, the RSVP link, and the share card
with the date and time."""

from __future__ import annotations

import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from PIL import Image

from content_schema import ContentProblems
from editor_checks.run import check_project
from kit_testing import (
    ALPHA_IMPRINT,
    PUBLISH_SETTINGS_FILE,
    build,
    copy_fixture,
    project_settings,
)

NOW = "1798761600"  # 2027-01-01 00:00 UTC
SITE = "https://test-party.example"
TEA = (
    "---\n"
    "title: 'Tea & \"cake\" <social>'\n"
    "start: 2027-02-27 15:00\n"
    "end: 2027-02-27 17:30\n"
    "location: Alphaton Hall, 2 Mill Lane\n"
    "postcode: AB1 3EF\n"
    "rsvp: https://rsvp.test-party.example/alpha/tea?from=site&x=1\n"
    "---\n"
    "Scones, and a chat about the buses.\n"
)
ONLINE = "---\ntitle: Online members' call\nstart: 2027-02-03 19:00\nduration: 1h\nonline: https://meet.example.org/call\n---\n"


def project_with_events(root):
    project = copy_fixture("two_branches", root / "project")
    (project / "branches/alpha/events/2027-02-27-tea.md").write_text(TEA, encoding="utf-8")
    (project / "content/events/2027-02-03-members-call.md").write_text(ONLINE, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build(project_with_events(tmp_path_factory.mktemp("published")), PUBLISH_SETTINGS_FILE, now=NOW)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    return build(project_with_events(tmp_path_factory.mktemp("preview")), now=NOW, EVENTS_NEXT_DATES=4)


class Links(HTMLParser):
    """Every <a href> of a page with its text, and each <input>'s attributes."""

    def __init__(self):
        super().__init__()
        self.links, self.inputs, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs).get("href"), ""]
        elif tag == "input":
            self.inputs.append(dict(attrs))

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append(tuple(self._open))
            self._open = None


def page(output, path):
    text = (output / path / "index.html").read_text(encoding="utf-8")
    parser = Links()
    parser.feed(text)
    return text, parser


def link_to(parser, text):
    (href,) = [href for href, words in parser.links if words.startswith(text)]
    return href


def form(href):
    parts = urlsplit(href)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in parse_qs(parts.query).items()}


def page_url(text):
    return html.unescape(re.search(r'<data class="u-url" value="([^"]+)">', text)[1])


# (page, title, Google's dates, Outlook's start and end, the place)
CASES = {
    "timed": (
        "branches/alpha/events/2027-02-27-tea",
        'Tea & "cake" <social>',
        "20270227T150000Z/20270227T173000Z",
        ("2027-02-27T15:00:00Z", "2027-02-27T17:30:00Z"),
        "Alphaton Hall, 2 Mill Lane, AB1 3EF",
    ),
    "all day": (
        "events/2027-05-15-conference",
        "Spring conference",
        "20270515/20270517",  # the day after the last day, as iCalendar's DTEND
        ("2027-05-15", "2027-05-17"),
        "Conference Centre, Leicester",
    ),
    "repeating, in summer time": (
        "branches/alpha/events/2027-05-11-branch-meeting",
        "Branch meeting",
        "20270511T180000Z/20270511T200000Z",  # 7pm BST: the date of the page, in UTC
        ("2027-05-11T18:00:00Z", "2027-05-11T20:00:00Z"),
        "Alphaton Library, High Street, AB1 2CD",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_google_and_outlook_links_open_their_forms_filled_in_with_the_date(published, case):
    path, title, dates, (start, end), place = CASES[case]
    text, parser = page(published, path)
    google, fields = form(link_to(parser, "Google Calendar"))
    assert google == "https://calendar.google.com/calendar/render"
    assert fields["action"] == "TEMPLATE"
    assert (fields["text"], fields["dates"], fields["location"]) == (title, dates, place)
    assert fields["ctz"] == "Europe/London"
    assert page_url(text) in fields["details"] and page_url(text).startswith(SITE + "/")
    outlook, fields = form(link_to(parser, "Outlook.com"))
    assert outlook == "https://outlook.live.com/calendar/0/deeplink/compose"
    assert (fields["rru"], fields["path"]) == ("addevent", "/calendar/action/compose")
    assert (fields["subject"], fields["startdt"], fields["enddt"], fields["location"]) == (title, start, end, place)
    assert fields.get("allday") == ("true" if case == "all day" else None)
    assert page_url(text) in fields["body"]
    # the button is the event's own .ics, on the site
    ics = link_to(parser, "Add to calendar")
    assert ics.startswith(SITE + "/") and ics.endswith(".ics") and (published / ics.removeprefix(SITE + "/")).is_file()
    assert 'class="kit-button" href="' + ics + '"' in text


def test_a_title_is_escaped_in_the_page_and_whole_in_the_links(published):
    text, _parser = page(published, "branches/alpha/events/2027-02-27-tea")
    assert "<social>" not in text
    assert "text=Tea%20%26%20%22cake%22%20%3Csocial%3E&amp;dates=" in text  # encoded, then escaped as HTML


def test_an_all_day_event_with_an_online_link_has_it_in_the_form(published):
    _text, parser = page(published, "events/2027-05-15-conference")
    _google, fields = form(link_to(parser, "Google Calendar"))
    assert "Join online: https://meet.example.org/conference" in fields["details"]


def test_a_cancelled_event_offers_no_add_to_calendar_and_says_so_once(published):
    text, parser = page(published, "branches/alpha/events/2027-10-31-clocks-back-social")
    main = text[text.index("<main") : text.index("</main>")]
    own_words = re.search(r'<div class="kit-prose e-content">.*?</div>', main, re.S)[0]
    assert own_words.count("Cancelled") == 1  # the editor's "Cancelled, sorry."
    assert main.count("Cancelled") == 2
    assert "<strong>Cancelled.</strong> This event will not take place." in main
    hrefs = [href for href, _words in parser.links]
    assert not [href for href in hrefs if "calendar.google.com" in href or href.endswith("/clocks-back-social.ics")]
    assert 'id="kit-add-to-calendar"' not in main
    assert 'id="kit-subscribe"' in main  # following the calendar still makes sense


def test_an_online_event_says_online_once(published):
    text, _parser = page(published, "events/2027-02-03-members-call")
    facts = text[text.index('<dl class="kit-event__facts">') : text.index("</dl>")]
    assert "<dt>Where</dt>" not in facts
    assert facts.count("nline") == 2  # the "Online" term and its "Join online" link


def test_subscribe_in_a_published_site(published):
    text, parser = page(published, "branches/alpha/events/2027-02-27-tea")
    assert (
        link_to(parser, "Subscribe in your calendar app") == "webcal://test-party.example/branches/alpha/calendar.ics"
    )
    (field,) = [i for i in parser.inputs if i.get("id") == "kit-calendar-address"]
    assert field["value"] == f"{SITE}/branches/alpha/calendar.ics" and "readonly" in field
    assert '<label class="kit-copy__label" for="kit-calendar-address">' in text
    for app in ("Apple Calendar (iPhone, iPad, Mac)", "Google Calendar", "Outlook", "Thunderbird and other apps"):
        assert f'<summary class="kit-howto__summary">{app}</summary>' in text
    assert "This is a preview of the site" not in text
    national, parser = page(published, "events/2027-05-15-conference")
    assert "Subscribe to every national event" in national
    assert link_to(parser, "Subscribe in your calendar app") == "webcal://test-party.example/calendar.ics"


def test_subscribe_in_a_preview_with_a_relative_siteurl(preview):
    assert project_settings(preview.parent)["SITEURL"] == ""
    text, parser = page(preview, "branches/alpha/events/2027-02-27-tea")
    assert link_to(parser, "Subscribe in your calendar app") == "webcal://localhost:8000/branches/alpha/calendar.ics"
    (field,) = [i for i in parser.inputs if i.get("id") == "kit-calendar-address"]
    assert field["value"] == "http://localhost:8000/branches/alpha/calendar.ics"
    assert "This is a preview of the site: the address is where <code>make serve</code> shows it" in text
    assert '<summary class="kit-howto__summary">Google Calendar</summary>' in text


def next_dates(text):
    start = text.index('<ul class="kit-event__date-list">')
    block = text[start : text.index("</ul>", start)]
    return [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_a_repeating_event_lists_its_next_dates_with_the_one_it_skips(preview):
    """EVENTS_NEXT_DATES=4 in the preview: four dates, and 13 April, which `except` skips, among them."""
    text, parser = page(preview, "branches/alpha/events/2027-03-09-branch-meeting")
    assert next_dates(text) == [
        "Tuesday 12 January 2027, 7pm",
        "Tuesday 9 February 2027, 7pm",
        "Tuesday 9 March 2027, 7pm (this page)",
        "Tuesday 13 April 2027: Cancelled (not taking place that day)",
        "Tuesday 11 May 2027, 7pm",
    ]
    for date in ("2027-01-12", "2027-02-09", "2027-05-11"):
        href = link_to(parser, f"Tuesday {int(date[8:])} ")
        assert href == f"/branches/alpha/events/{date}-branch-meeting/"
        assert (preview / href.strip("/") / "index.html").is_file()
    assert '<time datetime="2027-04-13">Tuesday 13 April 2027</time>' in text
    assert 'href="#kit-next-dates">next dates</a>' in text
    # the same list on every date's page; the default is six
    assert next_dates(page(preview, "branches/alpha/events/2027-06-08-branch-meeting")[0])[-1].startswith("Tuesday 11")


def test_the_next_dates_setting_defaults_to_six_and_a_one_off_lists_none(published):
    text, _parser = page(published, "branches/alpha/events/2027-01-12-branch-meeting")
    dates = next_dates(text)
    assert len(dates) == 6 and dates[-1] == "Tuesday 8 June 2027, 7pm"  # five dates and the skipped one
    assert "kit-event__date-list" not in page(published, "branches/alpha/events/2027-02-20-stall")[0]


def test_the_rsvp_link_is_on_the_page_and_in_the_calendar(published):
    text, parser = page(published, "branches/alpha/events/2027-02-27-tea")
    rsvp = "https://rsvp.test-party.example/alpha/tea?from=site&x=1"
    assert link_to(parser, "RSVP") == rsvp
    assert '<a class="kit-button" href="https://rsvp.test-party.example/alpha/tea?from=site&amp;x=1">RSVP' in text
    (event,) = Calendar.from_ical((published / "branches/alpha/events/tea.ics").read_bytes()).walk("VEVENT")
    assert f"RSVP: {rsvp}" in str(event["description"])
    assert str(event["url"]) == page_url(text)  # URL stays the event's page
    _google, fields = form(link_to(parser, "Google Calendar"))
    assert f"RSVP: {rsvp}" in fields["details"]


BAD_RSVP = {
    "http": ("http://test-party.example/rsvp", "which is not an https: address", "Use the https:// address"),
    "another site": ("https://forms.example.com/rsvp", "not on one of the party's websites", "OFFICIAL_DOMAINS"),
    "a look-alike": ("https://test-party.example.evil.example/r", "not on one of the party's websites", "own websites"),
    # a browser reads the backslash as a slash and opens evil.example; Python's urlsplit would not
    "a backslash": ("https://evil.example\\.test-party.example/r", "holds a backslash", "address bar"),
}


@pytest.mark.parametrize("case", sorted(BAD_RSVP))
def test_a_bad_rsvp_is_an_error_at_its_line_and_nothing_is_published(tmp_path, case):
    address, message, fix = BAD_RSVP[case]
    project = copy_fixture("two_branches", tmp_path / "project")
    event = project / "content/events/2027-03-06-rally.md"
    event.write_text(f"---\ntitle: Rally\nstart: 2027-03-06 11:00\nduration: 2h\nrsvp: {address}\n---\n")
    problems = [p for p in check_project(project_settings(project)).sorted() if p.is_error]
    assert [(p.path, p.line) for p in problems] == [("content/events/2027-03-06-rally.md", 5)]
    assert message in problems[0].message and fix in problems[0].fix
    with pytest.raises(ContentProblems):
        build(project, now=NOW)
    assert not list(project.glob("output/events/2027-03-06-rally*"))
    assert not list(project.glob("output/**/rally.ics"))


def test_a_branch_events_rsvp_may_be_on_the_domain_the_party_gave_it(tmp_path):
    """beta-net's own domain, given by the party, is one of the party's websites for its events too,
    as it is for its volunteer and newsletter pages; another branch's given domain is not."""
    project = copy_fixture("two_branches", tmp_path / "project")
    beta = project / "branches/beta-net/branch.yaml"
    beta.write_text(beta.read_text() + "domain: beta.example\n")
    given = {"beta-net": "beta.example"}
    for slug in ("beta-net", "alpha"):
        (project / f"branches/{slug}/events").mkdir(exist_ok=True)
        (project / f"branches/{slug}/events/2027-03-06-open-evening.md").write_text(
            "---\ntitle: Open evening\nstart: 2027-03-06 11:00\nduration: 2h\nrsvp: https://beta.example/rsvp\n---\n"
        )
    problems = [p for p in check_project(project_settings(project, BRANCH_GIVEN_DOMAINS=given)).sorted() if p.is_error]
    assert [(p.path, p.line) for p in problems] == [("branches/alpha/events/2027-03-06-open-evening.md", 5)]
    (project / "branches/alpha/events/2027-03-06-open-evening.md").unlink()
    output = build(project, now=NOW, BRANCH_GIVEN_DOMAINS=given)
    page = (output / "branches/beta-net/events/2027-03-06-open-evening/index.html").read_text(encoding="utf-8")
    assert '<a class="kit-button" href="https://beta.example/rsvp">RSVP' in page


def card_of(output, path):
    text = (output / path / "index.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta property="(og:image(?::alt)?)" content="([^"]*)">', text))
    return html.unescape(tags["og:image"]), html.unescape(tags["og:image:alt"])


def colours(project):
    from responsive_images.cards import theme_colours
    from responsive_images.config import image_settings

    settings = project_settings(project)
    config = image_settings(settings)
    return theme_colours(settings["THEME"], config.card_stylesheet, config.card_colours)


def test_an_event_card_shows_its_date_and_time(preview):
    from responsive_images.cards import CARD_SIZE, CardText, draw_card, when_band

    project = preview.parent
    site = "Alphaton branch"
    cards = {}
    for date in ("2027-01-12", "2027-02-09"):
        url, alt = card_of(preview, f"branches/alpha/events/{date}-branch-meeting")
        assert url == f"/branches/alpha/cards/event-{date}-branch-meeting.png"
        cards[date] = ((preview / url.lstrip("/")).read_bytes(), alt)
    assert cards["2027-01-12"][1] == f"{site}: Branch meeting, Tuesday 12 January 2027, 7pm to 9pm GMT"
    # what was drawn is the card of those words, and the date is what tells the two apart
    for data, alt in cards.values():
        when = alt.split(", ", 1)[1]
        text = CardText(site, "Branch meeting", "The Test Party", ALPHA_IMPRINT, when)
        assert data == draw_card(text, colours(project))
        assert data != draw_card(CardText(site, "Branch meeting", "The Test Party", ALPHA_IMPRINT), colours(project))
    first, second = (Image.open(io.BytesIO(cards[d][0])) for d in ("2027-01-12", "2027-02-09"))
    top, bottom = when_band(CardText(site, "Branch meeting", "The Test Party", ALPHA_IMPRINT, "x"))
    rows = [(0, y, CARD_SIZE[0], y + 1) for y in range(CARD_SIZE[1])]
    changed = [row[1] for row in rows if first.crop(row).tobytes() != second.crop(row).tobytes()]
    assert changed and top <= changed[0] and changed[-1] < bottom  # only the date's rows differ
    # a one-off's card has its date too, and its status; the dates past the next four share one without
    assert card_of(preview, "branches/alpha/events/2027-10-31-clocks-back-social")[1].endswith(
        "Social on the day the clocks go back, Cancelled: Sunday 31 October 2027, 12:30am BST to "
        "Sunday 31 October 2027, 3:30am GMT"
    )
    assert card_of(preview, "events/2027-05-15-conference") == (
        "/cards/event-conference.png",
        "The Test Party: Spring conference, Saturday 15 May 2027 to Sunday 16 May 2027",
    )
    assert card_of(preview, "branches/alpha/events/2027-06-08-branch-meeting") == (
        "/branches/alpha/cards/event-branch-meeting.png",
        f"{site}: Branch meeting",
    )


def preview_images(page: Path) -> tuple[str, str]:
    text = page.read_text(encoding="utf-8")
    og = re.search(r'<meta property="og:image" content="([^"]*)">', text)
    twitter = re.search(r'<meta name="twitter:image" content="([^"]*)">', text)
    return html.unescape(og.group(1)), html.unescape(twitter.group(1))


def test_every_event_page_previews_a_card_the_build_wrote_and_no_card_is_left_unused(preview):
    """One page per date: a repeating event's next dates each name a card with their date, its other
    dates one card of the series; either way the page's og:image and twitter:image are a card the build
    wrote (1200 × 630), and the build writes no card that no page names."""
    pages = sorted(p for p in preview.rglob("index.html") if re.fullmatch(r"\d{4}-\d{2}-\d{2}-.+", p.parent.name))
    named = {}
    for page in pages:
        og, twitter = preview_images(page)
        assert og == twitter, page
        assert re.fullmatch(r"(/branches/[^/]+)?/cards/event-[^/]+\.png", og), page
        named.setdefault(og, []).append(page.parent.name)
    meetings = {url: dates for url, dates in named.items() if re.fullmatch(r"/branches/alpha/.*meeting.png", url)}
    assert len(meetings) == 4 + 1  # its next four dates' cards, and one for the dates after
    assert len(meetings["/branches/alpha/cards/event-branch-meeting.png"]) >= 1
    for url, dates in named.items():
        assert (preview / url.lstrip("/")).is_file(), (url, dates)
        with Image.open(preview / url.lstrip("/")) as card:
            assert card.size == (1200, 630) and card.mode == "P", (url, dates)
    everywhere = set()
    for page in preview.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        everywhere |= {html.unescape(u) for u in re.findall(r'<meta property="og:image" content="([^"]*)">', text)}
    written = {"/" + p.relative_to(preview).as_posix() for p in preview.rglob("cards/*.png")}
    assert set(named) <= written and written <= everywhere
