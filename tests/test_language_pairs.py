"""Pages, posts and events in two languages, paired: both addresses built, each linking the other
with hreflang and lang, listed once, and the language checks (front_matter.pairs, language_checks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from content_schema import ContentProblems
from editor_checks.run import check_project
from kit_testing import SETTINGS_FILE, build, project_settings

BRANCH_YAML = """\
name: Caerwen
kind: local
nation: Wales
areas: [LL57]
contact: caerwen@test-party.example
editors: [elin]
languages: [cy, en]
"""

FILES = {
    "content/pages/about.md": "---\ntitle: About the party\n---\nThe Test Party.\n",
    # a Welsh page with no pair on an English site: at the address it always had
    "content/pages/croeso.md": "---\ntitle: Croeso\nlang: cy\n---\nCroeso i bawb.\n",
    "branches/caerwen/branch.yaml": BRANCH_YAML,
    # a shared slug: the Welsh page is the branch's own language, the English one its translation
    "branches/caerwen/pages/about.md": "---\ntitle: Amdanom ni\norder: 1\n---\nCangen Caerwen.\n",
    "branches/caerwen/pages/about-en.md": (
        "---\ntitle: About us\nslug: about\nlang: en\norder: 1\n---\nThe Caerwen branch.\n"
    ),
    # translation_of: each at its own address
    "branches/caerwen/news/2026-09-10-arolwg-bysiau.md": (
        "---\ntitle: Arolwg bysiau\ndate: 2026-09-10\ntags: [transport]\n---\nDiolch i bawb.\n"
    ),
    "branches/caerwen/news/2026-09-10-bus-survey.md": (
        "---\ntitle: Bus survey\ndate: 2026-09-10\ntags: [transport]\nlang: en\n"
        "translation_of: news/2026-09-10-arolwg-bysiau.md\n---\nThank you all.\n"
    ),
    # a shared slug for a post too, and one post in English alone
    "branches/caerwen/news/2026-10-01-coed.md": "---\ntitle: Plannu coed\ndate: 2026-10-01\n---\nCoed.\n",
    "branches/caerwen/news/2026-10-01-coed-en.md": (
        "---\ntitle: Planting trees\ndate: 2026-10-01\nslug: coed\nlang: en\n---\nTrees.\n"
    ),
    # an event in both languages: one event, two pages for each date
    "branches/caerwen/events/2027-01-13-cyfarfod.md": (
        "---\ntitle: Cyfarfod y gangen\nstart: 2027-01-13 19:00\nduration: 2h\nlocation: Y Neuadd, Caerwen\n"
        "repeat: FREQ=MONTHLY;BYDAY=2WE;COUNT=2\n---\nCroeso i bawb.\n"
    ),
    "branches/caerwen/events/2027-01-13-meeting.md": (
        "---\ntitle: Branch meeting\nstart: 2027-01-13 19:00\nduration: 2h\nlocation: The Hall, Caerwen\n"
        "repeat: FREQ=MONTHLY;BYDAY=2WE;COUNT=2\nlang: en\ntranslation_of: cyfarfod\n---\nAll welcome.\n"
    ),
    "branches/caerwen/news/2026-11-01-hall.md": "---\ntitle: New hall\ndate: 2026-11-01\nlang: en\n---\nA hall.\n",
    # the main site's own pair: an English page with a Welsh section, and its Welsh translation
    "content/pages/contact.md": (
        "---\ntitle: Contact us\nlanguages:\n  Cysylltu: cy\n---\nWrite to the party.\n\n"
        "## Cysylltu\n\nYsgrifennwch at y blaid.\n"
    ),
    "content/pages/cysylltu.md": (
        "---\ntitle: Cysylltu â ni\nlang: cy\ntranslation_of: contact\n---\nYsgrifennwch atom yng Nghaerdydd.\n"
    ),
}


NATIONAL = {"LANGUAGES": ["en-GB", "cy"]}  # the party's: English, and Welsh for croeso.md


def write(project: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    project = tmp_path_factory.mktemp("pairs") / "project"
    write(project, FILES)
    # FEED_MAX_ITEMS 3: the branch's newest five posts are one alone and two pairs, so a feed cut before its
    # translations are left out would show two
    return build(project, SITEURL="https://party.example", now="1788000000", FEED_MAX_ITEMS=3, **NATIONAL)


def page(output: Path, address: str) -> str:
    return (output / "branches/caerwen" / address / "index.html").read_text(encoding="utf-8")


def switch(html: str) -> list[str]:
    """The language switch's links, as written."""
    found = re.search(r'<nav class="kit-language-switch" aria-label="[^"]*">(.*?)</nav>', html, re.S)
    return re.findall(r"<a [^>]*>[^<]*</a>", found.group(1)) if found else []


def alternates(html: str) -> list[str]:
    return re.findall(r'<link rel="alternate" hreflang="[^"]*" href="[^"]*">', html)


BRANCH = "https://party.example/branches/caerwen"


def test_a_shared_slug_builds_both_addresses_the_translation_under_its_language(output):
    welsh, english = page(output, "about"), page(output, "en/about")
    assert '<html lang="cy">' in welsh and "Cangen Caerwen." in welsh
    assert '<html lang="en">' in english and "The Caerwen branch." in english
    assert switch(welsh) == [
        f'<a class="kit-language-switch__link kit-language-switch__link--current" href="{BRANCH}/about/" lang="cy" '
        'hreflang="cy" aria-current="page">Cymraeg</a>',
        f'<a class="kit-language-switch__link" href="{BRANCH}/en/about/" lang="en" hreflang="en">English</a>',
    ]
    assert switch(english) == [
        f'<a class="kit-language-switch__link" href="{BRANCH}/about/" lang="cy" hreflang="cy">Cymraeg</a>',
        f'<a class="kit-language-switch__link kit-language-switch__link--current" href="{BRANCH}/en/about/" lang="en" '
        'hreflang="en" aria-current="page">English</a>',
    ]
    expected = [
        f'<link rel="alternate" hreflang="cy" href="{BRANCH}/about/">',
        f'<link rel="alternate" hreflang="en" href="{BRANCH}/en/about/">',
    ]
    assert alternates(welsh) == expected and alternates(english) == expected
    cards = [
        re.search(r'<meta property="og:image" content="[^"]*/(cards/[^"]*)"', html).group(1)
        for html in (welsh, english)
    ]
    assert cards == ["cards/page-about.png", "cards/page-en-about.png"]  # each its own, with its own title
    welsh_card, english_card = ((output / "branches/caerwen" / card).read_bytes() for card in cards)
    assert welsh_card != english_card


def test_translation_of_pairs_posts_each_at_its_own_address(output):
    welsh, english = page(output, "news/2026/arolwg-bysiau"), page(output, "news/2026/bus-survey")
    assert '<html lang="cy">' in welsh and '<html lang="en">' in english
    for html in (welsh, english):
        assert [re.search(r'href="([^"]*)"', a).group(1) for a in switch(html)] == [
            f"{BRANCH}/news/2026/arolwg-bysiau/",
            f"{BRANCH}/news/2026/bus-survey/",
        ]
    assert '<html lang="en">' in page(output, "en/news/2026/coed")  # a post sharing its slug


def test_a_page_with_no_translation_has_no_switch_and_keeps_its_address(output):
    alone = page(output, "news/2026/hall")  # English on a Welsh branch, unpaired: not moved under en/
    assert '<html lang="en">' in alone
    assert switch(alone) == [] and alternates(alone) == []
    national = (output / "about/index.html").read_text(encoding="utf-8")
    assert '<html lang="en-gb">' in national and "kit-language-switch" not in national
    welsh = (output / "croeso/index.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in welsh and "Croeso i bawb." in welsh and "kit-language-switch" not in welsh
    assert not (output / "cy/croeso").exists()  # cy/ holds the national site's Welsh lists (language_lists)


def test_listings_and_feeds_show_each_pair_once(output):
    index = page(output, "news")
    titles = re.findall(r'<h[23] class="kit-card__title"><a href="[^"]*">([^<]*)</a>', index)
    links = set(re.findall(r'href="[^"]*/(news/2026/[^/"]+/)"', index))
    assert links == {"news/2026/arolwg-bysiau/", "news/2026/coed/", "news/2026/hall/"}, titles
    tag = page(output, "tags/transport")
    assert tag.count("/news/2026/arolwg-bysiau/") >= 1 and "/news/2026/bus-survey/" not in tag
    feed = (output / "branches/caerwen/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 3
    assert "Arolwg bysiau" in feed and "Bus survey" not in feed and "New hall" in feed
    home = page(output, "")
    assert [home.count(f"/news/2026/{slug}/") > 0 for slug in ("arolwg-bysiau", "coed", "hall")] == [True] * 3
    assert "/news/2026/bus-survey/" not in home and "/en/news/" not in home


def test_a_feed_of_pairs_is_cut_after_the_translations_are_left_out(output):
    # FEED_MAX_ITEMS is 3 (the fixture): Pelican lists the five posts, translations among them, newest first
    feed = (output / "branches/caerwen/feeds/all.atom.xml").read_text(encoding="utf-8")
    links = re.findall(r'<link href="([^"]*)" rel="alternate"', feed)
    assert [link.removeprefix(BRANCH) for link in links if "/news/" in link] == [
        "/news/2026/hall/",
        "/news/2026/coed/",
        "/news/2026/arolwg-bysiau/",
    ]


def index(output: Path, site: str, name: str) -> list[tuple[str, str]]:
    """(address within its site, title) of each result a search index holds, in its order."""
    data = json.loads((output / site / "search" / name).read_text(encoding="utf-8"))
    return [(path, title) for _, path, title, *_ in data["docs"]]


def test_each_page_and_translation_is_in_its_own_languages_index_once(output):
    welsh = index(output, "branches/caerwen", "search.json")  # the branch's own language, cy
    english = index(output, "branches/caerwen", "search.en.json")
    assert sorted(welsh) == [
        ("/about/", "Amdanom ni"),
        ("/events/2027-01-13-cyfarfod/", "Cyfarfod y gangen"),
        ("/news/2026/arolwg-bysiau/", "Arolwg bysiau"),
        ("/news/2026/coed/", "Plannu coed"),
    ]
    assert sorted(english) == [
        ("/en/about/", "About us"),
        ("/en/news/2026/coed/", "Planting trees"),
        ("/events/2027-01-13-meeting/", "Branch meeting"),  # the translation's next date, its own page
        ("/news/2026/bus-survey/", "Bus survey"),
        ("/news/2026/hall/", "New hall"),
    ]


def test_the_main_sites_pairs_and_branches_are_in_each_index(output):
    english, welsh = index(output, "", "search.json"), index(output, "", "search.cy.json")
    # contact.md's Welsh section is not in the Welsh index beside its pair's Welsh page
    assert [path for path, _ in english] == ["/about/", "/contact/", "/"]
    assert [path for path, _ in welsh] == ["/croeso/", "/cysylltu/", "/"]
    # the branch's directory entry, in both, named in each index's language
    assert (english[-1], welsh[-1]) == (("/", "Caerwen branch"), ("/", "Cangen Caerwen"))
    data = json.loads((output / "search/search.cy.json").read_text(encoding="utf-8"))
    assert data["sites"][data["docs"][-1][0]] == ["Cangen Caerwen", BRANCH]


def test_the_language_checks_name_file_line_and_fix(tmp_path):
    bad = {
        **FILES,
        "branches/caerwen/pages/cyswllt.md": "---\ntitle: Cysylltu\nlang: gd\n---\nText.\n",
        "branches/caerwen/pages/contact.md": "---\ntitle: Contact\nlang: en\ntranslation_of: abuot\n---\nText.\n",
        "branches/caerwen/pages/eto.md": "---\ntitle: Eto\ntranslation_of: about\n---\nText.\n",
        "branches/caerwen/pages/ffeil.md": "---\ntitle: Ffeil\ntranslation_of: pages/nowhere.md\n---\nText.\n",
        "branches/caerwen/events/2027-03-01-picnic.md": (
            "---\ntitle: Picnic\nstart: 2027-03-01\nall_day: true\nlang: fr\n---\nT.\n"
        ),
        "branches/caerwen/events/2027-03-02-walk.md": (
            "---\ntitle: Walk\nstart: 2027-03-02\nall_day: true\nlang: en\ntranslation_of: cyfarfd\n---\nT.\n"
        ),
    }
    write(tmp_path, bad)
    report = check_project(project_settings(tmp_path, **NATIONAL))
    problems = [(p.path, p.line, p.severity, p.message, p.fix) for p in report.sorted()]
    pages, events = "branches/caerwen/pages/", "branches/caerwen/events/"
    assert [(path, line, message) for path, line, _, message, _ in problems] == [
        (events + "2027-03-01-picnic.md", 5, "`lang: fr`, but branch caerwen is written in cy, en"),
        (events + "2027-03-02-walk.md", 6,
         "`translation_of` names `cyfarfd`, but branch caerwen has no event with that slug"),
        (pages + "about.md", 1, "2 pages in `cy` claim to be the same page `about`: "
         f"{pages}about.md, {pages}eto.md"),
        (pages + "contact.md", 4, "`translation_of` names `abuot`, but branch caerwen has no page with that slug"),
        (pages + "cyswllt.md", 3, "`lang: gd`, but branch caerwen is written in cy, en"),
        (pages + "eto.md", 3, "2 pages in `cy` claim to be the same page `about`: "
         f"{pages}about.md, {pages}eto.md"),
        (pages + "ffeil.md", 3,
         "`translation_of` names the file `pages/nowhere.md`, but branch caerwen has no such page"),
    ]  # fmt: skip
    fixes = {path.rsplit("/", 1)[1]: fix for path, _, _, _, fix in problems}
    assert fixes["contact.md"].startswith("Write the slug of the page it translates: `about`,")
    assert fixes["2027-03-02-walk.md"].startswith("Write the slug of the event it translates: `cyfarfod`,")
    assert fixes["cyswllt.md"] == "Write one of `cy`, `en`, or add `gd` to `languages:` in branch.yaml."
    assert {severity for _, _, severity, _, _ in problems} == {"error"}


def test_required_pairs_name_each_welsh_page_without_english(tmp_path):
    files = {**FILES, "branches/caerwen/branch.yaml": BRANCH_YAML + "require_pairs: true\n"}
    files["branches/caerwen/news/2026-12-01-ar-ei-ben-ei-hun.md"] = (
        "---\ntitle: Ar ei ben ei hun\ndate: 2026-12-01\n---\nUn.\n"
    )
    write(tmp_path, files)
    problems = check_project(project_settings(tmp_path, **NATIONAL)).sorted()
    assert [(p.path, p.line, p.message) for p in problems] == [
        (
            "branches/caerwen/news/2026-12-01-ar-ei-ben-ei-hun.md",
            1,
            "this news post is in `cy` and has no English translation, which this site requires "
            "(every page in another language is paired with one in English)",
        )
    ]
    assert problems[0].fix == "Add an English news post with `translation_of: ar-ei-ben-ei-hun` and `lang: en`."


def test_a_refused_pairing_publishes_nothing(tmp_path):
    contact = "---\ntitle: C\nlang: en\ntranslation_of: nowhere\n---\nT.\n"
    write(tmp_path, {**FILES, "branches/caerwen/pages/contact.md": contact})
    with pytest.raises(ContentProblems) as raised:
        build(tmp_path, **NATIONAL)
    assert ["`translation_of` names `nowhere`" in p.message for p in raised.value.problems] == [True]
    assert not (tmp_path / "output/branches/caerwen/contact/index.html").exists()
    assert not (tmp_path / "output/branches/caerwen/about/index.html").exists()


def test_an_undeclared_language_is_only_a_warning_where_a_site_declared_none(tmp_path):
    write(tmp_path, {"content/pages/croeso.md": "---\ntitle: Croeso\nlang: cy\n---\nCroeso.\n"})
    problems = check_project(project_settings(tmp_path)).sorted()
    assert [(p.path, p.line, p.severity, p.message) for p in problems] == [
        ("content/pages/croeso.md", 3, "warning", "`lang: cy`, but the main site is written in en-gb")
    ]
    assert check_project(project_settings(tmp_path, **NATIONAL)).sorted() == []


def test_a_bilingual_event_is_one_event_with_a_page_in_each_language(output):
    for date in ("2027-01-13", "2027-02-10"):
        welsh, english = page(output, f"events/{date}-cyfarfod"), page(output, f"events/{date}-meeting")
        assert '<html lang="cy">' in welsh and "Croeso i bawb." in welsh
        assert '<html lang="en">' in english and "All welcome." in english
        expected = [
            f'<link rel="alternate" hreflang="cy" href="{BRANCH}/events/{date}-cyfarfod/">',
            f'<link rel="alternate" hreflang="en" href="{BRANCH}/events/{date}-meeting/">',
        ]
        assert alternates(welsh) == expected and alternates(english) == expected
        assert [re.search(r">([^<]*)</a>", a).group(1) for a in switch(english)] == ["Cymraeg", "English"]
        assert 'href="https://party.example/branches/caerwen/events/cyfarfod.ics"' in english  # the one calendar
        card = re.search(r'<meta property="og:image" content="[^"]*/(cards/[^"]*)"', english).group(1)
        assert card.startswith("cards/event-en-") and (output / "branches/caerwen" / card).is_file()  # its own card
    calendar = (output / "branches/caerwen/calendar.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 1 and "Cyfarfod y gangen" in calendar and "Branch meeting" not in calendar
    assert not (output / "branches/caerwen/events/meeting.ics").exists()
    listing = page(output, "events")
    assert listing.count("/events/2027-01-13-cyfarfod/") == 1 and "-meeting/" not in listing


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("languages: [cy, welsh]", "`languages` item 2 is `welsh`, which is not a language code"),
        ("languages: [cy, en, cy]", "`languages` names `cy` twice"),
        ("require_pairs: yes please", "`require_pairs` should be true or false"),
    ],
)
def test_bad_languages_in_branch_yaml_name_the_line(tmp_path, line, message):
    write(tmp_path, {**FILES, "branches/caerwen/branch.yaml": BRANCH_YAML.replace("languages: [cy, en]", line)})
    problems = check_project(project_settings(tmp_path, **NATIONAL)).sorted()
    found = [(p.path, p.line) for p in problems if message in p.message]
    assert found == [("branches/caerwen/branch.yaml", 7)], [(p.path, p.line, p.message) for p in problems]


def test_a_bad_languages_setting_stops_the_build_naming_it(tmp_path):
    from kit_settings.declared_settings import SettingsProblems

    (tmp_path / "content").mkdir()
    with pytest.raises(SettingsProblems) as stopped:
        project_settings(tmp_path, LANGUAGES=["en-GB", "Welsh"])
    assert ["LANGUAGES is ['en-GB', 'Welsh']: `Welsh` is not a language code" in p.message
            for p in stopped.value.problems] == [True]  # fmt: skip


def test_languages_without_the_sites_own_stop_the_build_naming_the_line(tmp_path):
    from kit_settings.declared_settings import SettingsProblems

    write(tmp_path, FILES)
    settings_file = tmp_path / "pelicanconf.py"
    text = SETTINGS_FILE.read_text(encoding="utf-8") + '\nLANGUAGES = ["cy", "gd"]\n'
    settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsProblems) as stopped:
        build(tmp_path, settings_file)
    assert [(p.path, p.line, p.message, p.fix) for p in stopped.value.problems] == [
        (
            "pelicanconf.py",
            len(text.splitlines()),
            "LANGUAGES is ['cy', 'gd']: it does not name DEFAULT_LANG, `en-gb`, "
            "the language of every page with no `lang:`",
            "Put `en-gb` first in LANGUAGES (['en-gb', 'cy', 'gd']), or set DEFAULT_LANG to the site's own language.",
        )
    ]
    assert not (tmp_path / "output").exists()
    # by its first part: en names en-GB; a branch's own is the first of its `languages:` (cy for Caerwen)
    assert project_settings(tmp_path, LANGUAGES=["cy", "en"])["LANGUAGES"] == ["cy", "en"]


@pytest.mark.parametrize("code", ["zz", "qaa", "sco"])
def test_a_language_babel_lacks_is_refused_at_its_lines_and_publishes_nothing(tmp_path, code):
    # Babel (CLDR) has no data for these (Scots included): the check names each line, the build stops before
    # writing a page, rather than failing with UnknownLocaleError in the dates or the scripts' messages.
    files = {
        **FILES,
        "branches/caerwen/branch.yaml": BRANCH_YAML.replace("languages: [cy, en]", f"languages: [{code}, en]"),
    }
    files["branches/caerwen/pages/about.md"] = f"---\ntitle: Amdanom ni\norder: 1\nlang: {code}\n---\nCangen.\n"
    write(tmp_path, files)
    problems = check_project(project_settings(tmp_path, **NATIONAL)).sorted()
    unknown = [
        (p.path, p.line, p.fix) for p in problems if f"is `{code}`, a language the kit has no dates" in p.message
    ]
    fix = "Write a code like cy (Welsh), gd (Scottish Gaelic), ga (Irish) or en-GB (English); write Scots as en."
    assert unknown == [("branches/caerwen/branch.yaml", 7, fix), ("branches/caerwen/pages/about.md", 4, fix)]
    with pytest.raises(ContentProblems) as raised:
        build(tmp_path, **NATIONAL)
    assert any(f"is `{code}`, a language the kit" in p.message for p in raised.value.problems)
    assert not (tmp_path / "output/branches/caerwen/about/index.html").exists()
    assert not (tmp_path / "output").exists() or not list((tmp_path / "output").rglob("*.html"))


def test_a_languages_setting_babel_lacks_stops_the_build_naming_it(tmp_path):
    from kit_settings.declared_settings import SettingsProblems

    (tmp_path / "content").mkdir()
    with pytest.raises(SettingsProblems) as stopped:
        project_settings(tmp_path, LANGUAGES=["en-GB", "sco"])
    assert [p.message for p in stopped.value.problems] == [
        "LANGUAGES is ['en-GB', 'sco']: `sco` is a language the kit has no dates, times or plural rules for: "
        "write codes like cy, gd or en-GB"
    ]


@pytest.mark.parametrize("code", ["zz", "qaa", "sco", "../../etc", "en-ZZ"])
def test_dates_clock_and_messages_fall_back_to_english_for_a_locale_babel_lacks(code):
    import datetime as dt

    from interface_language.local_dates import clock, date_words
    from interface_language.script_messages import messages_block

    when = dt.datetime(2026, 1, 1, 19)
    assert date_words(when, "day_month_year", code) == date_words(when, "day_month_year", "en")
    assert clock(when, code) == "7pm"
    assert str(messages_block({}, code)) == ""  # English pages carry no block: the scripts hold their English
    assert '"lang": "kw"' in str(messages_block({}, "kw"))  # Cornish: Babel has it, so it is kept


def test_a_sites_catalog_words_its_events_too(tmp_path):
    # the site's catalog wins over the kit's for an event's own words (its date and time), as for the rest
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from interface_language.catalogs import catalog_path

    catalog = Catalog(locale="cy", domain="messages")
    catalog.add("%(day)s, %(start)s to %(end)s %(zone)s", "%(day)s, o %(start)s hyd %(end)s %(zone)s")
    catalog.add("%(day)s, %(time)s", "%(day)s, am %(time)s")
    path = Path(catalog_path(str(tmp_path / "catalogs"), "cy"))
    path.parent.mkdir(parents=True)
    out = io.BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())
    write(tmp_path / "project", FILES)
    built = build(tmp_path / "project", **NATIONAL, INTERFACE_LANGUAGE_CATALOGS=[str(tmp_path / "catalogs")])
    welsh = page(built, "events/2027-01-13-cyfarfod")
    assert "Dydd Mercher 13 Ionawr 2027, o 7yh hyd 9yh GMT" in welsh
    assert "7yh tan 9yh" not in welsh
    assert "Dydd Mercher 10 Chwefror 2027, am 7yh" in welsh  # its next dates
    english = page(built, "events/2027-01-13-meeting")
    assert "Wednesday 13 January 2027, 7pm to 9pm GMT" in english  # English keeps its own words
