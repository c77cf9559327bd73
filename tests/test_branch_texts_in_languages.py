"""branch.yaml's `description:` and `meets:` in each of the branch's languages: each page shows the
text in its own language (else the branch's own, marked with its `lang`), the directory and the
finder too, and a text in a language the branch does not write in is an error naming its line."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest
from jinja2 import Environment
from test_language_pairs import BRANCH_YAML, FILES, NATIONAL, write

from branch_subsites.branch_config import load_branches
from branch_subsites.branch_names import display_name, site_names
from content_schema import ContentProblems, ProblemList
from front_matter.language_texts import LanguageTexts
from interface_language import translations
from kit_testing import build, project_settings

TEXTS = """\
description:
  en: A branch in Caerwen and the valley.
  cy: Cangen yng Nghaerwen a'r cwm.
meets: Yr ail nos Fercher bob mis, 7yh, Y Neuadd
"""


CHANNELS = """\
channels:
  - type: signal
    url: https://signal.test-party.example/caerwen
    label:
      cy: Grŵp Signal Caerwen
      en: Caerwen Signal group
  - type: email-list
    url: https://lists.test-party.example/caerwen
    label: Cylchlythyr Caerwen
"""


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    project = tmp_path_factory.mktemp("texts") / "project"
    write(project, {**FILES, "branches/caerwen/branch.yaml": BRANCH_YAML + TEXTS + CHANNELS})
    return build(project, SITEURL="https://party.example", now="1788000000", **NATIONAL)


def html(output: Path, address: str) -> str:
    return (output / address / "index.html").read_text(encoding="utf-8")


def lead(page: str) -> str:
    return re.search(r'<p class="kit-lead"[^>]*>[^<]*</p>', page).group(0)


def meta_description(page: str) -> str:
    return re.search(r'<meta name="description" content="([^"]*)"', page).group(1)


def test_each_home_page_leads_with_the_description_in_its_own_language(output):
    welsh, english = html(output, "branches/caerwen"), html(output, "branches/caerwen/en")
    assert lead(welsh) == '<p class="kit-lead">Cangen yng Nghaerwen a&#39;r cwm.</p>'
    assert lead(english) == '<p class="kit-lead">A branch in Caerwen and the valley.</p>'
    assert meta_description(welsh) == "Cangen yng Nghaerwen a&#39;r cwm."
    assert meta_description(english) == "A branch in Caerwen and the valley."


def test_a_text_written_in_one_language_is_marked_as_it_on_the_others_pages(output):
    meets = "Yr ail nos Fercher bob mis, 7yh, Y Neuadd"
    welsh, english = html(output, "branches/caerwen"), html(output, "branches/caerwen/en")
    assert f'<span class="p-note">{meets}</span>' in welsh
    assert f'<span class="p-note" lang="cy">{meets}</span>' in english
    # the party's English directory: the branch's Welsh words, marked as Welsh
    directory = html(output, "branches/wales")
    assert f'<dd class="p-note" lang="cy">{meets}</dd>' in directory
    assert "Cangen yng Nghaerwen" not in directory


def test_the_directorys_data_has_every_language_the_branch_wrote(output):
    (branch,) = json.loads((output / "branches.json").read_text(encoding="utf-8"))["branches"]
    assert branch["description"] == "Cangen yng Nghaerwen a'r cwm."  # the branch's own language's
    assert branch["texts"] == {
        "cy": {
            "name": "Caerwen",
            "description": "Cangen yng Nghaerwen a'r cwm.",
            "meets": "Yr ail nos Fercher bob mis, 7yh, Y Neuadd",
        },
        "en": {"description": "A branch in Caerwen and the valley."},
    }
    (found,) = json.loads((output / "branches/finder.json").read_text(encoding="utf-8"))["branches"]
    assert (found["meets"], found["meets_lang"]) == ("Yr ail nos Fercher bob mis, 7yh, Y Neuadd", "cy")


def loaded(tmp_path, yaml_text: str, **settings) -> tuple[list, list[tuple[int, str, str]]]:
    write(tmp_path, {**FILES, "branches/caerwen/branch.yaml": yaml_text})
    report = ProblemList(root=str(tmp_path))
    branches = load_branches(project_settings(tmp_path, **(settings or NATIONAL)), report)
    return branches, [(p.line, p.message, p.fix) for p in report.sorted() if p.is_error]


def test_a_text_written_once_is_in_the_branchs_own_language_and_per_language_in_its_order(tmp_path):
    (branch,), problems = loaded(tmp_path, BRANCH_YAML + TEXTS)
    assert problems == []
    assert branch.description == LanguageTexts(
        (("cy", "Cangen yng Nghaerwen a'r cwm."), ("en", "A branch in Caerwen and the valley."))
    )
    assert branch.meets == LanguageTexts((("cy", "Yr ail nos Fercher bob mis, 7yh, Y Neuadd"),))
    assert str(branch.meets) == "Yr ail nos Fercher bob mis, 7yh, Y Neuadd"  # what an older theme shows


@pytest.mark.parametrize(
    ("texts", "line", "message", "fix"),
    [
        (
            "description:\n  cy: Cangen.\n  gd: Meur.\n",
            10,
            "`description` has a text in `gd`, but the branch's pages are in cy, en",
            "Add `gd` to `languages:`",
        ),
        ("meets:\n  cy: Nos Fercher\n  welsh: Wednesday\n", 10, "`meets` is `welsh`, which is not a language code", ""),
        ("meets:\n  cy: Nos Fercher\n  cy-GB: Nos Iau\n", 10, "`meets` gives `cy-GB` twice", "once"),
        ("description:\n  cy: Cangen\u202e.\n", 9, "`description` in `cy` holds characters that cannot be seen", ""),
        ("description: {}\n", 8, "`description` is empty", "one `cy: ...` line per language"),
    ],
)
def test_a_wrong_text_in_languages_names_its_line_and_no_branch_is_built(tmp_path, texts, line, message, fix):
    branches, problems = loaded(tmp_path, BRANCH_YAML + texts)
    assert branches == []
    assert [(found_line, fix in found_fix) for found_line, text, found_fix in problems if message in text] == [
        (line, True)
    ], problems
    with pytest.raises(ContentProblems):
        build(tmp_path, now="1788000000", **NATIONAL)
    assert not (tmp_path / "output/branches/caerwen").exists()


def test_a_branch_without_languages_writes_in_the_partys(tmp_path):
    """It has the party's languages (LANGUAGES, DEFAULT_LANG first): a text in each is right."""
    inherits = BRANCH_YAML.replace("languages: [cy, en]\n", "")
    (branch,), problems = loaded(tmp_path, inherits + "description:\n  cy: Cangen.\n  en-GB: A branch.\n")
    assert problems == []
    assert branch.description == LanguageTexts((("en-GB", "A branch."), ("cy", "Cangen.")))


@pytest.mark.parametrize(
    ("settings", "code", "languages"),
    [(NATIONAL, "gd", "en-GB, cy"), ({"LANGUAGES": ["en-GB"]}, "cy", "en-GB")],
    ids=["bilingual-party", "english-party"],
)
def test_a_branch_without_languages_cannot_write_outside_the_partys(tmp_path, settings, code, languages):
    inherits = BRANCH_YAML.replace("languages: [cy, en]\n", "")
    branches, problems = loaded(tmp_path, inherits + f"description:\n  en-GB: A branch.\n  {code}: Meur.\n", **settings)
    assert branches == []
    assert [(line, message) for line, message, _ in problems] == [
        (9, f"`description` has a text in `{code}`, but the branch's pages are in {languages}")
    ]


def search_snippets(output: Path, name: str) -> dict[str, str]:
    """Each branch entry's snippet in the main site's search data ``name``, by its title."""
    data = json.loads((output / "search" / name).read_text(encoding="utf-8"))
    return {title: snippet for _, _, title, kind, _, snippet in data["docs"] if kind == "branch"}


def test_each_search_index_shows_the_branch_in_its_own_language(output):
    english, welsh = search_snippets(output, "search.json"), search_snippets(output, "search.cy.json")
    assert english == {
        "Caerwen branch": "A branch in Caerwen and the valley. Meets: Yr ail nos Fercher bob mis, 7yh, Y Neuadd"
    }
    assert welsh == {
        "Cangen Caerwen": "Cangen yng Nghaerwen a'r cwm. Yn cyfarfod: Yr ail nos Fercher bob mis, 7yh, Y Neuadd"
    }


def test_a_text_in_languages_is_its_branchs_own_text_to_a_theme_that_treats_it_as_one():
    """A party's template override written before texts came per language keeps working after an upgrade."""
    texts = LanguageTexts((("cy", "Cangen ym Mangor"), ("en", "A branch in Bangor")))
    shown = Environment(autoescape=True).from_string("{{ d|truncate(9, leeway=0) }}|{{ d|length }}|{{ d ~ '!' }}")
    assert shown.render(d=texts) == "Cangen...|16|Cangen ym Mangor!"
    assert pickle.loads(pickle.dumps(texts)) == texts  # as it goes to a branch's build process
    assert texts != LanguageTexts((("cy", "Cangen ym Mangor"), ("en", "A branch in Caernarfon")))
    assert json.dumps(texts) == '"Cangen ym Mangor"'


def title_and_heading(page: str) -> tuple[str, str, str]:
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    header = re.search(r'<a class="kit-header__branch"[^>]*>([^<]*)</a>', page).group(1)
    heading = re.search(r'<h1 class="kit-title">([^<]*)</h1>', page).group(1)
    return title, header, heading


def test_each_page_names_the_branch_in_its_own_language(output):
    welsh, english = html(output, "branches/caerwen"), html(output, "branches/caerwen/en")
    assert title_and_heading(welsh) == ("Cangen Caerwen · The Test Party", "Cangen Caerwen", "Cangen Caerwen")
    assert title_and_heading(english) == ("Caerwen branch · The Test Party", "Caerwen branch", "Caerwen branch")
    assert "Caerwen branch" not in welsh.replace('content="Caerwen branch"', "")  # og:site_name aside
    search = html(output, "branches/caerwen/search")
    assert re.search(r"<title>(.*?)</title>", search).group(1) == "Chwilio · Cangen Caerwen · The Test Party"
    assert "Rheolydd: Cangen Caerwen, ar ran The Test Party." in html(output, "branches/caerwen/privacy")
    # the party's English directory says it in English, and the data keeps the English form
    assert ">Caerwen branch</a>" in html(output, "branches/wales")
    (branch,) = json.loads((output / "branches.json").read_text(encoding="utf-8"))["branches"]
    assert branch["display_name"] == "Caerwen branch"


def test_a_network_is_called_by_its_own_name_in_every_language(tmp_path):
    write(tmp_path, FILES)
    settings = project_settings(tmp_path, **NATIONAL)
    welsh = translations(settings, "cy")
    assert display_name("Bangor", "local", welsh) == "Cangen Bangor"
    assert display_name("Bangor", "local") == "Bangor branch"
    assert display_name("Trade Unionists for the Party", "network", welsh) == "Trade Unionists for the Party"
    names = site_names("Bangor", "local", ("cy", "en"), settings)
    assert (str(names), names.shown_in("en")) == ("Cangen Bangor", "Bangor branch")


def channel_links(page: str) -> list[str]:
    return re.findall(r'<a class="u-url" href="https://[a-z]+\.test-party\.example/caerwen"[^>]*>[^<]*</a>', page)


def test_a_channels_label_is_in_the_pages_language_or_marked_as_the_branchs(output):
    welsh, english = html(output, "branches/caerwen"), html(output, "branches/caerwen/en")
    assert channel_links(welsh) == [
        '<a class="u-url" href="https://signal.test-party.example/caerwen">Grŵp Signal Caerwen</a>',
        '<a class="u-url" href="https://lists.test-party.example/caerwen">Cylchlythyr Caerwen</a>',
    ]
    assert channel_links(english) == [
        '<a class="u-url" href="https://signal.test-party.example/caerwen">Caerwen Signal group</a>',
        '<a class="u-url" href="https://lists.test-party.example/caerwen" lang="cy">Cylchlythyr Caerwen</a>',
    ]
    directory = html(output, "branches/wales")
    assert '<a href="https://signal.test-party.example/caerwen">Caerwen Signal group</a>' in directory
    assert '<a href="https://lists.test-party.example/caerwen" lang="cy">Cylchlythyr Caerwen</a>' in directory
    (branch,) = json.loads((output / "branches.json").read_text(encoding="utf-8"))["branches"]
    assert [c["label"] for c in branch["channels"]] == ["Grŵp Signal Caerwen", "Cylchlythyr Caerwen"]


@pytest.mark.parametrize(
    ("label", "line", "message"),
    [
        (
            "    label:\n      cy: Grŵp Signal\n      gd: Buidheann Signal\n",
            13,
            "channel 1's `label` has a text in `gd`, but the branch's pages are in cy, en",
        ),
        (
            "    label:\n      cy: Grŵp Signal Caerwen\n      en: The Test Party Signal group\n",
            13,
            "the channel label `The Test Party Signal group` uses the party's name",
        ),
    ],
    ids=["undeclared-language", "party-name-in-english"],
)
def test_a_wrong_channel_label_names_its_line_and_no_branch_is_built(tmp_path, label, line, message):
    channel = "channels:\n  - type: signal\n    url: https://signal.test-party.example/caerwen\n" + label
    branches, problems = loaded(tmp_path, BRANCH_YAML + channel)
    assert branches == []
    assert [found_line for found_line, text, _ in problems if message in text] == [line], problems
    with pytest.raises(ContentProblems):
        build(tmp_path, now="1788000000", **NATIONAL)
    assert not (tmp_path / "output/branches/caerwen").exists()


def test_a_name_in_each_language_is_each_pages_and_none_may_pass_for_the_party(tmp_path):
    named = BRANCH_YAML.replace("name: Caerwen\n", "name:\n  cy: Caerwen a'r Cwm\n  en: Caerwen and the Valley\n")
    (branch,), problems = loaded(tmp_path, named)
    assert problems == []
    assert (str(branch.name), branch.display_name) == ("Caerwen a'r Cwm", "Caerwen and the Valley branch")
    settings = project_settings(tmp_path, **NATIONAL)
    names = site_names(branch.name, branch.kind, branch.languages, settings)
    assert names.texts == (("cy", "Cangen Caerwen a'r Cwm"), ("en", "Caerwen and the Valley branch"))
    party = BRANCH_YAML.replace("name: Caerwen\n", "name:\n  cy: Caerwen\n  en: The Test Party\n")
    branches, problems = loaded(tmp_path, party)
    assert branches == []
    assert [(line, message.split(":")[0]) for line, message, _ in problems] == [
        (3, "a branch cannot be called `The Test Party`")
    ]
