"""Search per language: the Welsh and Gaelic word forms alike in Python and JS, the Welsh test set searched
with lunr.js as search/ does, and each site's index per language."""

from __future__ import annotations

import json
import subprocess

import pytest

from bench.welsh_search import figures, found_by, welsh_test_set
from kit_testing import KIT_ROOT, build, copy_fixture
from site_search import gaelic, welsh
from site_search.gaelic import gaelic_forms
from site_search.search_languages import data_save_as, index_language
from site_search.welsh import welsh_forms

NOW = "1798761600"  # 2027-01-01 00:00 UTC

# the spellings that make the rules' edges: digraphs that are no mutation, accents, apostrophes,
# punctuation, upper case, words of one letter, letters of other scripts
EDGES = [
    "Llanelli", "lan", "Rhyl", "raglen", "Ffestiniog", "fferm", "ddinas", "dd", "Nghaerdydd", "ngardd",
    "ngh", "mhen", "Mhorthaethwy", "nhad", "nhŷ", "chymuned", "phaned", "thŷ", "hiaith", "heddiw", "hwyl",
    "i'r", "gyda'r", "a’i", "Caerdydd.", "(Bangor)", "e-bost", "ŴYL", "ẁ", "ẃ", "ẅ", "ỳ", "ý", "äëïöü",
    "Tŷ", "ty", "dŷ", "y", "Yr", "â", "2027", "£5", "07:30", "Gàidhlig", "bhaile", "mhàthair", "fhuair",
    "t-uisge", "na h-Alba", "shràid", "Ceann", "Dùn", "chaidh", "bhàta", "dhachaigh", "ghlas", "mhòr",
    "phàrlamaid", "thaigh", "Sgìre", "chomhairle", "pàrtaidh", "Ελλάδα", "اردو", "বাংলা", "İstanbul", "",
]  # fmt: skip


def words_of_the_test_set() -> list[str]:
    documents, queries = welsh_test_set()
    words = [word for title, text in documents.values() for word in f"{title} {text}".split()]
    # every stop word, as itself and as it would be with a mutation undone, so both lists must be the same
    stop_words = {*welsh.STOP_WORDS, *gaelic.STOP_WORDS}
    return sorted({*words, *queries, *EDGES, *stop_words, *(f"h{word}" for word in stop_words)})


def js_forms(module: str, function: str, words: list[str]) -> list[list[str]]:
    script = (
        f"import {{ {function} }} from './theme/static/js/{module}';"
        "import { readFileSync } from 'node:fs';"
        f"const words = JSON.parse(readFileSync(0, 'utf8'));"
        f"console.log(JSON.stringify(words.map((word) => {function}(word))));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps(words),
        cwd=KIT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("module", "function", "python", "mutated"),
    [("welsh-words.js", "welshForms", welsh_forms, 100), ("gaelic-words.js", "gaelicForms", gaelic_forms, 15)],
)
def test_the_word_forms_are_the_same_in_python_and_javascript(module, function, python, mutated):
    words = words_of_the_test_set()
    in_js = js_forms(module, function, words)
    assert len(words) > 200
    differ = {word: (list(python(word)), js) for word, js in zip(words, in_js, strict=True) if list(python(word)) != js}
    assert differ == {}
    assert sum(len(forms) > 1 for forms in in_js) > mutated  # the words have mutations to compare


# ---- the Welsh forms themselves -----------------------------------------------

# each group: spellings of one word, as mutations and accents make them
SAME_WORD = [
    ["Caerdydd", "Gaerdydd", "Nghaerdydd", "caerdydd"],
    ["Bangor", "Fangor", "Mangor"],
    ["Porthaethwy", "Borthaethwy", "Mhorthaethwy", "Phorthaethwy"],
    ["tŷ", "ty", "dŷ", "dy", "nhŷ", "thŷ", "TŶ"],
    ["cymuned", "gymuned", "nghymuned", "chymuned"],
    ["gardd", "ardd", "ngardd"],
    ["Llandudno", "Landudno"],
    ["rhaglen", "raglen"],
    ["dinas", "ddinas", "ninas"],
    ["gŵyl", "gwyl", "ŵyl", "wyl"],
    ["iaith", "hiaith"],
    ["mam", "fam"],
]


@pytest.mark.parametrize("spellings", SAME_WORD, ids=lambda group: group[0])
def test_every_spelling_of_a_word_shares_a_form_with_the_others(spellings):
    forms = [set(welsh_forms(word)) for word in spellings]
    shared = set.intersection(*forms)
    assert shared, forms
    assert all(len(f) <= 4 for f in forms)  # a word stands for a few radicals, not for everything


@pytest.mark.parametrize(
    ("word", "other"), [("Caerdydd", "Bangor"), ("llan", "glan"), ("ffordd", "bordd"), ("tŷ", "tai")]
)
def test_different_words_share_no_form(word, other):
    assert not set(welsh_forms(word)) & set(welsh_forms(other))


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("llan", {"llan"}),  # ll, rh, ff, dd are letters of their own, not a mutated l, r, f, d
        ("rhyl", {"rhyl"}),
        ("ffordd", {"ffordd"}),
        ("ddafad", {"ddafad", "dafad"}),  # dd is soft-mutated d, and no d to undo
        ("lan", {"lan", "llan", "glan"}),  # soft-mutated llan, or glan with its g dropped
        ("fam", {"fam", "bam", "mam"}),  # f: soft-mutated b or m
        ("nghath", {"nghath", "cath"}),  # the longest beginning: ngh, not ng or n
    ],
)
def test_the_forms_of_a_word(word, forms):
    assert set(welsh_forms(word)) == forms


def test_stop_words_and_punctuation_leave_no_form():
    assert welsh_forms("i'r") == welsh_forms("yr") == welsh_forms("a’i") == ()
    assert welsh_forms("(Bangor).") == welsh_forms("bangor")
    assert welsh_forms("gyda'r") == ()  # gyda, 'r: both stop words
    assert gaelic_forms("t-uisge") == ("uisge",) and gaelic_forms("h") == ()
    assert set(gaelic_forms("bhaile")) == {"baile", "bhaile"} and gaelic_forms("Gàidhlig") == ("gaidhlig",)


# ---- the test set, searched as search/ does -----------------------------------


@pytest.fixture(scope="module")
def welsh_found():
    return found_by("cy")


def test_search_on_welsh_pages_finds_every_mutated_form(welsh_found):
    _, queries = welsh_test_set()
    groups = (["Caerdydd", "Nghaerdydd", "Gaerdydd"], ["Bangor", "Fangor", "Mangor"], ["tŷ", "ty", "dy", "nhŷ"])
    for spellings in groups:
        for query in spellings:
            assert set(queries[query]) <= set(welsh_found[query]), query
        # each spelling finds what the others find
        assert len({frozenset(set(welsh_found[q]) & set(queries[q])) for q in spellings}) == 1
    assert set(welsh_found["Mhorthaethwy"]) == set(welsh_found["Porthaethwy"]) == {"d07", "d08", "d33"}
    assert {"d08", "d12", "d13", "d14"} <= set(welsh_found["nghymuned"])


def test_a_query_of_stop_words_or_punctuation_finds_nothing(welsh_found):
    found = found_by("cy", ["yn y", "i'r", "’", "<script>", "a ac"])
    assert found == {"yn y": [], "i'r": [], "’": [], "<script>": [], "a ac": []}
    assert set(found_by("cy", ["Caerdydd yr"])["Caerdydd yr"]) == set(welsh_found["Caerdydd"])  # yr adds nothing


def test_recall_and_precision_over_the_test_set_beat_the_english_pipeline(welsh_found):
    welsh, english = figures("cy", welsh_found), figures("en")
    assert welsh.queries >= 40 and welsh.relevant > welsh.queries
    assert welsh.recall >= 0.95 and welsh.precision >= 0.9, welsh
    assert english.recall < 0.7, english  # English stemming misses the mutated forms
    assert welsh.recall > english.recall


def test_the_figures_in_the_docs_are_the_benchs(welsh_found):
    docs = (KIT_ROOT / "docs/search.md").read_text()
    for language, name in (("en", "| English (every site's before) |"), ("cy", "| Welsh (`search.cy.json`) |")):
        f = figures(language, welsh_found if language == "cy" else None)
        row = f"{name} {f.recall:.1%} | {f.precision:.1%} | {f.answered} of {f.queries} |"
        assert row in docs, row


# ---- a site's indexes ---------------------------------------------------------

WELSH_PAGE = """\
---
title: Amdanom ni
lang: cy
---
Mae'r gangen yn cyfarfod yng Nghaerdydd bob mis.
"""
BILINGUAL_NEWS = """\
---
title: Newyddion / News
date: 2026-03-02
languages:
  Yn Gymraeg: cy
---
The branch met in Cardiff.

## Yn Gymraeg

Cyfarfu'r gangen ym Mangor.
"""
POLISH_PAGE = """\
---
title: O nas
lang: pl
---
Spotykamy się w każdy wtorek.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("search-languages") / "project")
    (project / "branches/alpha/pages/amdanom-ni.md").write_text(WELSH_PAGE)
    (project / "branches/alpha/pages/o-nas.md").write_text(POLISH_PAGE)
    (project / "branches/alpha/news/2026-03-02-newyddion.md").write_text(BILINGUAL_NEWS)
    return build(project, now=NOW)


def read(site, path):
    return json.loads((site / path).read_text())


def test_a_site_has_an_index_for_each_language_it_has_documents_in(site):
    english = read(site, "branches/alpha/search/search.json")
    welsh = read(site, "branches/alpha/search/search.cy.json")
    assert (english["language"], welsh["language"]) == ("en", "cy")
    assert welsh["index"]["pipeline"] == []  # search-query.js gives the query its forms
    welsh_titles = sorted(doc[2] for doc in welsh["docs"])
    assert welsh_titles == ["Amdanom ni", "Newyddion / News"]  # the page, and the bilingual post's Welsh section
    english_titles = {doc[2] for doc in english["docs"]}
    assert "Amdanom ni" not in english_titles
    assert {"Newyddion / News", "O nas", "Alphaton saves the library"} <= english_titles  # Polish: no index of its own
    assert not list((site / "branches/alpha/search").glob("search.pl.json"))
    assert sorted(p.name for p in (site / "branches/beta-net/search").glob("*.json")) == ["search.json"]
    # the Welsh section's words are in the Welsh index only, the English text's in the English one
    english_terms = {term for term, _ in english["index"]["invertedIndex"]}
    welsh_terms = {term for term, _ in welsh["index"]["invertedIndex"]}
    assert {"caerdydd", "bangor", "cyfarfod"} <= welsh_terms and "cardiff" not in welsh_terms
    assert "cardiff" in english_terms and "mangor" not in english_terms
    news = [doc for doc in english["docs"] + welsh["docs"] if doc[2] == "Newyddion / News"]
    assert [doc[5] for doc in news] == ["The branch met in Cardiff.", "Yn Gymraeg Cyfarfu’r gangen ym Mangor."]


def test_the_search_page_names_each_index_by_language(site):
    page = (site / "branches/alpha/search/index.html").read_text()
    assert 'data-search-source="/branches/alpha/search/search.json"' in page
    sources = {"cy": "/branches/alpha/search/search.cy.json", "en": "/branches/alpha/search/search.json"}
    assert f'data-search-sources="{json.dumps(sources, sort_keys=True).replace(chr(34), "&#34;")}"' in page


def test_a_page_in_another_language_links_to_search_in_it(site):
    welsh = (site / "branches/alpha/amdanom-ni/index.html").read_text()
    assert '<html lang="cy">' in welsh
    assert welsh.count('href="/branches/alpha/search/?lang=cy"') == welsh.count('href="/branches/alpha/search/') > 0
    english = (site / "branches/alpha/about/index.html").read_text()
    assert english.count('href="/branches/alpha/search/"') > 0 and "?lang=" not in english
    polish = (site / "branches/alpha/o-nas/index.html").read_text()
    assert 'href="/branches/alpha/search/?lang=pl"' in polish  # search.js falls back to the default index


def test_index_language_and_file_names():
    assert [index_language(tag, "en") for tag in ("cy", "en-GB", "gd", "pl", "", None, "CY")] == [
        "cy", "en", "gd", "en", "en", "en", "cy",
    ]  # fmt: skip
    assert index_language("en", "cy") == "en" and index_language(None, "cy") == "cy"
    assert data_save_as("search/search.json", "cy", "en") == "search/search.cy.json"
    assert data_save_as("search/search.json", "cy", "cy") == "search/search.json"


def test_the_welsh_search_in_chromium_finds_mutated_forms(site, serve, open_page):
    page = open_page()
    base = serve(site)
    page.goto(f"{base}/branches/alpha/amdanom-ni/")
    page.get_by_role("link", name="Chwilio").first.click()  # the Welsh page's menu is in Welsh
    page.wait_for_url(f"{base}/branches/alpha/search/?lang=cy")
    page.get_by_label("Search Alphaton branch").fill("Caerdydd")
    page.locator("#search-results li").first.wait_for()
    first = page.locator("#search-results li").first
    assert first.locator("h2").inner_text() == "Amdanom ni"
    assert first.locator("mark").all_inner_texts() == ["Nghaerdydd"]
    assert page.url == f"{base}/branches/alpha/search/?lang=cy&q=Caerdydd"
    page.goto(f"{base}/branches/alpha/search/?q=Caerdydd")  # from an English page: the English index
    page.locator("#search-status").filter(has_text="Nothing found").wait_for()
    for lang in ("zz", "__proto__", "constructor", "%3Cscript%3E"):  # no index of its own: the default one
        page.goto(f"{base}/branches/alpha/search/?lang={lang}&q=library")
        page.locator("#search-results li").first.wait_for()
        assert page.locator("#search-results h2").first.inner_text() == "Alphaton saves the library"
    assert page.problems == []


def test_a_site_with_no_welsh_left_keeps_no_welsh_index(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    welsh_page = project / "branches/alpha/pages/amdanom-ni.md"
    welsh_page.write_text(WELSH_PAGE)
    output = build(project, now=NOW)
    welsh_index = output / "branches/alpha/search/search.cy.json"
    assert json.loads(welsh_index.read_text())["language"] == "cy"
    welsh_page.unlink()
    build(project, now=NOW)
    assert not welsh_index.exists()
    page = (output / "branches/alpha/search/index.html").read_text()
    assert "search.cy.json" not in page
