"""A bilingual site's lists in each of its languages (language_lists): the home page, news and its
pages, tags, events and search under `en/` for a branch of `languages: [cy, en]`, each in its
language, each pair by its version in that language, linked both ways, pruned when `en` goes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_language_pairs import BRANCH_YAML, FILES, NATIONAL, alternates, switch, write

from kit_testing import build

BRANCH = "https://party.example/branches/caerwen"
LISTS = ["", "news", "news/page/2", "tags", "tags/transport", "events", "events/past", "events/2027/01", "search"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("lists") / "project"
    more = {
        "branches/caerwen/branch.yaml": BRANCH_YAML + "description: Cangen yng Nghaerwen.\n",
        # an event in Welsh alone: in the English lists as it is, marked as Welsh
        "branches/caerwen/events/2027-01-20-picnic.md": (
            "---\ntitle: Picnic yn y parc\nstart: 2027-01-20 12:00\nduration: 2h\n"
            "location: Y Parc, Caerwen\n---\nDewch.\n"
        ),
    }
    write(project, {**FILES, **more})
    return project


@pytest.fixture(scope="module")
def output(project):
    # two posts a page: the news index has a second page in each language
    return build(project, SITEURL="https://party.example", now="1788000000", DEFAULT_PAGINATION=2, **NATIONAL)


def page(output: Path, address: str) -> str:
    return (output / "branches/caerwen" / address / "index.html").read_text(encoding="utf-8")


def titles(html: str) -> list[str]:
    return re.findall(r'<h[23] class="kit-news__title"><a href="[^"]*">([^<]*)</a>', html)


def menu(html: str) -> dict[str, str]:
    found = re.search(r'<ul class="kit-nav__list kit-nav__list--wide">(.*?)</ul>', html, re.S).group(1)
    return {
        label: href for href, label in re.findall(r'<a class="kit-nav__link" href="([^"]*)"[^>]*>([^<]*)</a>', found)
    }


@pytest.mark.parametrize("address", LISTS)
def test_every_list_exists_in_both_languages_each_in_its_own(output, address):
    welsh, english = page(output, address), page(output, f"en/{address}".rstrip("/"))
    assert '<html lang="cy">' in welsh and '<html lang="en">' in english
    there = f"{address}/" if address else ""
    assert switch(english) == [
        f'<a class="kit-language-switch__link" href="{BRANCH}/{there}" lang="cy" hreflang="cy">Cymraeg</a>',
        f'<a class="kit-language-switch__link kit-language-switch__link--current" href="{BRANCH}/en/{there}" '
        'lang="en" hreflang="en" aria-current="page">English</a>',
    ]
    assert switch(welsh) == [
        f'<a class="kit-language-switch__link kit-language-switch__link--current" href="{BRANCH}/{there}" '
        'lang="cy" hreflang="cy" aria-current="page">Cymraeg</a>',
        f'<a class="kit-language-switch__link" href="{BRANCH}/en/{there}" lang="en" hreflang="en">English</a>',
    ]
    expected = [
        f'<link rel="alternate" hreflang="cy" href="{BRANCH}/{there}">',
        f'<link rel="alternate" hreflang="en" href="{BRANCH}/en/{there}">',
    ]
    assert alternates(welsh) == expected and alternates(english) == expected


def test_the_interface_is_in_the_lists_language(output):
    welsh, english = menu(page(output, "news")), menu(page(output, "en/news"))
    assert "Newyddion" in welsh and "Digwyddiadau" in welsh and "News" not in welsh
    assert "News" in english and "Events" in english and "Newyddion" not in english


def test_menu_links_stay_in_the_language_on_lists_and_translated_pages(output):
    for html in (page(output, "en/news"), page(output, "en/events"), page(output, "en/about")):
        links = menu(html)
        assert '<a class="kit-header__branch" href="https://party.example/branches/caerwen/en/">' in html
        assert links["About us"] == f"{BRANCH}/en/about/"
        assert links["News"] == f"{BRANCH}/en/news/"
        assert links["Events"] == f"{BRANCH}/en/events/"
        assert links["Search"].startswith(f"{BRANCH}/en/search/")
    welsh = menu(page(output, "news"))
    assert welsh["Newyddion"] == f"{BRANCH}/news/" and welsh["Digwyddiadau"] == f"{BRANCH}/events/"
    assert welsh["Amdanom ni"] == f"{BRANCH}/about/"
    assert '<a class="kit-header__branch" href="https://party.example/branches/caerwen/">' in page(output, "news")


def test_in_page_links_of_a_list_stay_in_its_language(output):
    home, events, tag = page(output, "en"), page(output, "en/events"), page(output, "en/tags/transport")
    assert f'<a href="{BRANCH}/en/news/">All news from Caerwen</a>' in home
    assert f'<a href="{BRANCH}/en/events/">All events in Caerwen</a>' in home
    assert f'<a href="{BRANCH}/en/events/past/">Past events</a>' in events
    assert f'<a href="{BRANCH}/en/tags/">All topics</a>' in tag
    assert f'<a href="{BRANCH}/en/news/">More news from Caerwen</a>' in page(output, "news/2026/bus-survey")
    assert f'<p class="kit-back"><a href="{BRANCH}/news/">' in page(output, "news/2026/arolwg-bysiau")


def test_each_pair_is_listed_once_by_its_own_languages_version(output):
    welsh, english = page(output, "news"), page(output, "en/news")
    assert titles(welsh) == ["New hall", "Plannu coed"]
    assert titles(english) == ["New hall", "Planting trees"]
    assert titles(page(output, "news/page/2")) == ["Arolwg bysiau"]
    assert titles(page(output, "en/news/page/2")) == ["Bus survey"]
    assert f'href="{BRANCH}/en/news/page/2/"' in english  # the English pages' own pagination
    assert titles(page(output, "en/tags/transport")) == ["Bus survey"]
    assert "Branch meeting" in page(output, "en/events") and "Cyfarfod y gangen" not in page(output, "en/events")
    assert "Cyfarfod y gangen" in page(output, "events") and "Branch meeting" not in page(output, "events")


def test_an_item_in_the_other_language_carries_its_lang(output):
    welsh = page(output, "news")
    assert re.search(
        r'<article class="kit-news__article" lang="en">\s*<h2 class="kit-news__title"><a [^>]*>New hall', welsh
    )
    english = page(output, "en/news")
    assert '<article class="kit-news__article">\n    <h2 class="kit-news__title"><a href="' in english
    assert 'lang="en">' not in english.split("kit-news")[1]
    # branch.yaml's description, in the branch's own language, on the English home page
    assert '<p class="kit-lead" lang="cy">Cangen yng Nghaerwen.</p>' in page(output, "en")
    assert '<p class="kit-lead">Cangen yng Nghaerwen.</p>' in page(output, "")


def test_an_event_in_the_other_language_carries_its_lang(output):
    picnic = r'<a class="u-url p-name" href="[^"]*/events/2027-01-20-picnic/"( lang="cy")?>Picnic yn y parc</a>'
    assert [m.group(1) for m in re.finditer(picnic, page(output, "en/events"))] == [' lang="cy"']
    assert [m.group(1) for m in re.finditer(picnic, page(output, "events"))] == [None]
    assert [m.group(1) for m in re.finditer(picnic, page(output, "en"))] == [
        ' lang="cy"'
    ]  # the home page's next events
    assert '<span class="p-name" lang="cy">Picnic yn y parc</span>' in page(output, "en/events/2027/01")
    assert '<span class="p-name">Picnic yn y parc</span>' in page(output, "events/2027/01")
    assert '<span class="p-name">Branch meeting</span>' in page(output, "en/events/2027/01")


def test_event_dates_in_a_list_are_in_the_lists_language(output):
    picnic = r'<time class="dt-start" datetime="2027-01-20T12:00:00\+00:00">([^<]*)</time>'
    assert re.findall(picnic, page(output, "events")) == ["Mer 20 Ion, 12 canol dydd"]
    assert re.findall(picnic, page(output, "en/events")) == ["Wed 20 Jan, midday"]
    agenda = r'<time class="kit-agenda__time" datetime="2027-01-20T12:00:00\+00:00">([^<]*)</time>'
    assert re.findall(agenda, page(output, "events/2027/01")) == ["12 canol dydd"]
    assert re.findall(agenda, page(output, "en/events/2027/01")) == ["midday"]


def test_the_search_page_in_each_language(output):
    english, welsh = page(output, "en/search"), page(output, "search")
    assert '<html lang="en">' in english and '<html lang="cy">' in welsh
    form = re.search(r'<form class="kit-search" id="site-search" role="search" action="([^"]*)"', english).group(1)
    assert form == f"{BRANCH}/en/search/"


def test_dropping_a_language_prunes_its_lists(project, output):
    assert (output / "branches/caerwen/en/news/index.html").is_file()
    yaml = project / "branches/caerwen/branch.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("languages: [cy, en]", "languages: [cy]"))
    for rel in [r for r in FILES if "/caerwen/" in r and "lang: en" in FILES[r]]:
        (project / rel).unlink()
    again = build(project, SITEURL="https://party.example", now="1788000000", **NATIONAL)
    assert (again / "branches/caerwen/news/index.html").is_file()
    assert not (again / "branches/caerwen/en/news/index.html").exists()
    assert not (again / "branches/caerwen/en/index.html").exists()
    assert not list((again / "branches/caerwen").glob("en/**/index.html"))


def test_a_national_site_of_two_languages_has_its_lists_in_each_but_its_areas_events(output):
    """The party's LANGUAGES [en-GB, cy]: its news, tags, search and past events in Welsh under cy/;
    its events lists (every area's) stay in English alone, and the Welsh menu links those."""
    home, news = (output / "cy/index.html").read_text(encoding="utf-8"), (output / "cy/news/index.html").read_text()
    assert '<html lang="cy">' in home and '<html lang="cy">' in news
    links = menu(news)
    assert links["Newyddion"] == "https://party.example/cy/news/"
    assert links["Digwyddiadau"] == "https://party.example/events/"
    assert (output / "cy/events/past/index.html").is_file() and not (output / "cy/events/index.html").exists()
    assert menu((output / "news/index.html").read_text(encoding="utf-8"))["News"] == "https://party.example/news/"
