"""The interface's language (interface_language): the catalogs are whole and current, an untranslated
string shows English, a Welsh site's pages are Welsh around their own words, and a pseudo catalog
finds any reader-facing string the catalogs do not hold (in the pages and in the scripts)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from jinja2 import Environment

from events.wording import describe_when, short_when
from interface_language import page_language, primary_language, translations
from interface_language.catalog_tools import (
    KIT_CATALOGS,
    TEMPLATE,
    catalog_problems,
    compile_catalogs,
    extracted,
    template_text,
)
from interface_language.catalogs import catalog_path
from interface_language.local_dates import clock, date_words
from interface_language.register import install_gettext
from interface_language.script_messages import script_entries
from kit_testing import KIT_ROOT, copy_fixture, project_settings

SCRIPTS = KIT_ROOT / "theme" / "static" / "js"
# Markers the pseudo catalog puts around every translation.
OPEN, CLOSE = "⟦", "⟧"


def read_catalog(lang: str) -> Catalog:
    with open(catalog_path(KIT_CATALOGS, lang), "rb") as po:
        return read_po(po, locale=lang, abort_invalid=True)


def forms(message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


# ---- the catalogs ----------------------------------------------------------------------------


def test_the_template_is_a_fresh_extraction():
    """A string added to a template, plugin or script without `make translations-extract` fails here."""
    assert Path(TEMPLATE).read_bytes() == template_text(extracted()), "run `make translations-extract`"


def test_every_catalog_has_every_string_of_the_template():
    with open(TEMPLATE, "rb") as pot:
        template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(pot) if m.id}
    for lang in ("cy", "gd"):
        ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_catalog(lang) if m.id}
        assert ids == template, f"run `make translations-update` ({lang})"


def test_welsh_is_complete_and_its_formats_match():
    catalog = read_catalog("cy")
    assert catalog.num_plurals == 6  # CLDR's Welsh: zero, one, two, few, many, other
    untranslated = [m.id for m in catalog if m.id and not all(forms(m))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []
    assert catalog_problems(catalog) == []


def test_gaelic_is_a_valid_catalog_and_its_gaps_show_english():
    catalog = read_catalog("gd")
    assert catalog.num_plurals == 4 and catalog_problems(catalog) == []
    empty = [m.id for m in catalog if m.id and isinstance(m.id, str) and not m.string]
    assert "Find your branch" in empty  # left for a Gaelic writer
    words = translations({}, "gd")
    assert words.gettext("Find your branch") == "Find your branch"
    assert words.gettext("Search") == "Lorg"


def write_catalog(catalog, folder: Path, lang: str = "cy") -> Path:
    """``catalog`` as the ``lang`` .po file of a catalogs folder; the folder."""
    path = Path(catalog_path(str(folder), lang))
    path.parent.mkdir(parents=True)
    out = io.BytesIO()
    write_po(out, catalog)
    path.write_bytes(out.getvalue())
    return folder


def test_a_lost_placeholder_fails_compile_and_shows_english(tmp_path, monkeypatch):
    """A translation naming a placeholder the English has not would break the page: compile fails on
    it, and the build shows the English instead (the page still renders)."""
    catalog = Catalog(locale="cy", domain="messages")
    catalog.add("Topic: %(tag)s", "Pwnc: %(pwnc)s", flags=["python-format"])
    catalog.add("Only here: %(x)s", "Yma yn unig: %(y)s", flags=["python-format"])
    catalog.add("Search", "Chwilio")
    catalog.add(("%(num)s widget", "%(num)s widgets"), ("%(num)s teclyn", "", "", "", "", ""))
    folder = write_catalog(catalog, tmp_path / "catalogs")
    assert any("pwnc" in problem for problem in catalog_problems(catalog))
    monkeypatch.setattr("interface_language.catalog_tools.KIT_CATALOGS", str(folder))
    monkeypatch.setattr("interface_language.catalog_tools.LANGUAGES", ("cy",))
    assert compile_catalogs(str(tmp_path / "cache")) == 1
    assert not (tmp_path / "cache" / "translations" / "cy").exists()
    words = translations({"INTERFACE_LANGUAGE_CATALOGS": [str(folder)], "THEME": str(tmp_path)}, "cy")
    # the broken entry is left out: the kit's own Welsh shows, and English where the kit has none
    assert words.gettext("Topic: %(tag)s") == "Pwnc: %(tag)s"
    assert words.gettext("Only here: %(x)s") == "Only here: %(x)s"
    assert words.gettext("Search") == "Chwilio"
    # a plural entry with an empty form is English in every form, never empty
    assert words.ngettext("%(num)s widget", "%(num)s widgets", 1) == "%(num)s widget"
    assert words.ngettext("%(num)s widget", "%(num)s widgets", 2) == "%(num)s widgets"


def test_a_dropped_or_reached_into_placeholder_fails_compile_and_shows_english(tmp_path, monkeypatch):
    """A translation that drops the promoter's address (the imprint the law wants whole), reads an
    attribute or an index, or adds a format spec, is left out: English shows, compile names each."""
    imprint = "Promoted by {promoter}, {promoter_address}."
    catalog = Catalog(locale="cy", domain="messages")
    catalog.add(imprint, "Hyrwyddwyd gan {promoter}.")
    catalog.add("Hello %(name)s", "S'mae {promoter.__class__}")
    catalog.add("Dear {name}", "Annwyl {name.__class__.__mro__}")
    catalog.add("Item {item}", "Eitem {item[0]}")
    catalog.add("Total {count}", "Cyfanswm {count:>99999}")
    catalog.add("Kept {name}", "Cadw {name}")
    # a plural may spell its count out ("Un teclyn"), but not drop the other placeholders
    catalog.add(("%(num)s widget in %(place)s", "%(num)s widgets in %(place)s"),
                ("Dim teclyn yn %(place)s", "Un teclyn yn %(place)s", "Dau declyn yn %(place)s",
                 "%(num)s theclyn yn %(place)s", "%(num)s teclyn yn %(place)s",
                 "%(num)s teclyn yn %(place)s"))  # fmt: skip
    catalog.add(("%(num)s gadget in %(place)s", "%(num)s gadgets in %(place)s"),
                ("Dim", "Un", "Dau", "%(num)s", "%(num)s", "%(num)s"))  # fmt: skip
    folder = write_catalog(catalog, tmp_path / "catalogs")
    problems = catalog_problems(catalog)
    assert [problem.split(":")[0] for problem in problems] == [
        repr(imprint), "'Hello %(name)s'", "'Dear {name}'", "'Item {item}'", "'Total {count}'",
        "'%(num)s gadget in %(place)s'",
    ]  # fmt: skip
    assert problems[0].endswith("the translation leaves out ['{promoter_address}']: "
                                "it must keep ['{promoter_address}', '{promoter}']")  # fmt: skip
    assert "names ['{promoter.__class__}'], which the English has not" in problems[1]
    monkeypatch.setattr("interface_language.catalog_tools.KIT_CATALOGS", str(folder))
    monkeypatch.setattr("interface_language.catalog_tools.LANGUAGES", ("cy",))
    assert compile_catalogs(str(tmp_path / "cache")) == 1
    words = translations({"INTERFACE_LANGUAGE_CATALOGS": [str(folder)], "THEME": str(tmp_path)}, "cy")
    # the kit's own Welsh imprint (which keeps both) shows, not the one that drops the address
    shown = words.gettext(imprint).format(promoter="P", promoter_address="1 High St")
    assert shown == "Hyrwyddwyd gan P, 1 High St."
    assert words.gettext("Hello %(name)s") % {"name": "Jo"} == "Hello Jo"
    assert words.gettext("Dear {name}").format(name="Jo") == "Dear Jo"
    assert words.gettext("Item {item}") == "Item {item}"
    assert words.gettext("Total {count}") == "Total {count}"
    assert words.gettext("Kept {name}") == "Cadw {name}"
    assert words.ngettext("%(num)s widget in %(place)s", "%(num)s widgets in %(place)s", 1) == "Un teclyn yn %(place)s"
    assert (
        words.ngettext("%(num)s gadget in %(place)s", "%(num)s gadgets in %(place)s", 1)
        == "%(num)s gadget in %(place)s"
    )


def test_a_sites_catalog_wins_over_the_kits_in_english_too(tmp_path):
    theme = tmp_path / "theme"
    for lang, text in (("en", "Find your local group"), ("cy", "Dewch o hyd i’ch grŵp lleol")):
        catalog = Catalog(locale=lang, domain="messages")
        catalog.add("Find your local branch", text)
        write_catalog(catalog, theme / "translations", lang)
    settings = {"THEME_OVERRIDES_PATH": str(theme)}
    assert translations(settings, "en-GB").gettext("Find your local branch") == "Find your local group"
    assert translations(settings, "cy").gettext("Find your local branch") == "Dewch o hyd i’ch grŵp lleol"
    assert translations(settings, "cy").gettext("Search") == "Chwilio"  # the kit's own for the rest
    assert translations({}, "en").gettext("Find your local branch") == "Find your local branch"


# ---- the rule and the words -----------------------------------------------------------------


class Thing:
    def __init__(self, lang):
        self.lang = lang


def test_page_language_rule():
    assert page_language({"interface_lang": "gd", "page": Thing("cy")}, "en-GB") == "gd"
    assert page_language({"article": Thing("cy"), "DEFAULT_LANG": "en-GB"}) == "cy"
    assert page_language({"event": Thing(None), "DEFAULT_LANG": "cy-GB"}) == "cy-GB"
    assert page_language({}, "en-GB") == "en-GB"
    assert [primary_language(t) for t in ("en-GB", "cy_GB", "CY", None, "gd")] == ["en", "cy", "cy", "en", "gd"]


def test_templates_take_each_pages_language_and_escape_the_values():
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    install_gettext(env, {"DEFAULT_LANG": "en-GB"})
    template = env.from_string(
        '{{ _("Topic: %(tag)s", tag=tag) }}|{% trans name=name %}Get in touch with <span class="p-name">'
        "{{ name }}</span>{% endtrans %}|{{ ngettext('%(num)s branch', '%(num)s branches', n) }}"
    )
    hostile = '<script>alert("x")</script>'
    english = template.render(tag=hostile, name=hostile, n=3)
    welsh = template.render(tag=hostile, name=hostile, n=6, page=Thing("cy"))
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"
    assert english == f'Topic: {escaped}|Get in touch with <span class="p-name">{escaped}</span>|3 branches'
    assert welsh == f'Pwnc: {escaped}|Cysylltu â <span class="p-name">{escaped}</span>|6 changen'


def test_a_language_a_template_sets_is_followed_after_the_render_has_looked_one_up():
    """page_language keeps a render's answer on its context; a `{% set %}` of a name it reads, made
    after the first lookup, is still followed, and the next render starts afresh."""
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    install_gettext(env, {"DEFAULT_LANG": "en-GB"})
    template = env.from_string(
        '{{ _("More news") }}|{% set interface_lang = "en" %}{{ _("More news") }}|{{ page_language() }}'
    )
    assert template.render(page=Thing("cy")) == "Rhagor o newyddion|More news|en"
    assert env.from_string('{{ _("More news") }}').render(page=Thing("cy")) == "Rhagor o newyddion"
    assert env.from_string('{{ _("More news") }}').render(page=Thing("en")) == "More news"


def test_welsh_dates_as_welsh_readers_write_them():
    day = dt.date(2027, 1, 13)
    assert date_words(day, "day", "cy") == "Dydd Mercher 13 Ionawr 2027"
    assert date_words(day, "short", "cy") == "Mer 13 Ion"
    assert [clock(dt.time(h, m), "cy") for h, m in ((19, 0), (10, 0), (10, 30), (12, 0), (0, 0))] == [
        "7yh",
        "10yb",
        "10.30yb",
        "12 canol dydd",
        "12 hanner nos",
    ]
    # English as the kit always wrote it
    assert date_words(day, "day", "en-GB") == "Wednesday 13 January 2027"
    assert [clock(dt.time(h, m), "en") for h, m in ((19, 0), (19, 30), (12, 0))] == ["7pm", "7:30pm", "midday"]


def test_an_events_when_in_welsh():
    from zoneinfo import ZoneInfo

    class Series:
        all_day = False

    class Occurrence:
        series = Series()
        start = dt.datetime(2027, 1, 12, 19, 0, tzinfo=ZoneInfo("Europe/London"))
        end = dt.datetime(2027, 1, 12, 21, 30, tzinfo=ZoneInfo("Europe/London"))

    assert describe_when(Occurrence()) == "Tuesday 12 January 2027, 7pm to 9:30pm GMT"
    assert describe_when(Occurrence(), "cy") == "Dydd Mawrth 12 Ionawr 2027, 7yh tan 9.30yh GMT"
    assert short_when(Occurrence(), "cy") == "Maw 12 Ion, 7yh"


# ---- whole sites -----------------------------------------------------------------------------


def build_site(project: Path, **overrides) -> Path:
    from pelican import Pelican

    settings = project_settings(project, **overrides)
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


@pytest.fixture(scope="module")
def welsh_site(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("welsh") / "site")
    return build_site(project, DEFAULT_LANG="cy")


def test_a_welsh_site_has_its_interface_in_welsh(welsh_site):
    home = (welsh_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="cy">' in home
    welsh = (
        "Neidio i’r cynnwys",
        ">Chwilio<",
        ">Digwyddiadau<",
        "Dod o hyd i’ch cangen leol",
        "Hysbysiad preifatrwydd",
    )
    for words in welsh:
        assert words in home, words
    event = (welsh_site / "branches" / "alpha" / "events" / "2027-01-12-branch-meeting" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<dt>Pryd</dt>" in event and "<dt>Ble</dt>" in event
    assert "Dydd Mawrth 12 Ionawr 2027, 7yh" in event
    assert "Ychwanegu at eich calendr" in event
    missing = (welsh_site / "404.html").read_text(encoding="utf-8")
    assert "Tudalen heb ei chanfod" in missing
    # the scripts' words, in a JSON block no browser runs
    block = re.search(r'<script type="application/json" id="kit-messages">(.*?)</script>', home, re.S)
    data = json.loads(block.group(1))
    assert data["lang"] == "cy" and data["messages"]["Forget my postcode"] == "Anghofio fy nghod post"
    assert data["places"]["Wales"] == "Cymru" and data["places"]["Yorkshire and the Humber"] == "Swydd Efrog a’r Humber"
    assert data["plurals"]["%(num)s result for “%(query)s”"]["few"] == "%(num)s chanlyniad ar gyfer “%(query)s”"


def test_an_english_site_has_no_messages_block(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "site")
    output = build_site(project)
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "kit-messages" not in home and "Skip to content" in home


# ---- the pseudo catalog: a reader-facing string not in the catalogs is found -----------------


def pseudo_catalog(folder: Path) -> Path:
    """Every entry of the template as ⟦its English⟧, as Welsh, over the kit's Welsh."""
    with open(TEMPLATE, "rb") as pot:
        template = read_po(pot)
    catalog = Catalog(locale="cy", domain="messages")
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, (tuple, list)):
            string = tuple(f"{OPEN}{message.id[0 if n == 1 else 1]}{CLOSE}" for n in range(6))
        else:
            string = f"{OPEN}{message.id}{CLOSE}"
        catalog.add(message.id, string, flags=message.flags)
    return write_catalog(catalog, folder)


def data_strings(project: Path, settings: dict) -> list[str]:
    """What a page may show that is not the interface: the settings' words and every value of the
    site's files (branch.yaml, front matter), longest first."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool) and len(str(value)) > 2:
            found.add(str(value))

    for key, value in settings.items():
        if key.isupper() and key not in ("DEFAULT_LANG", "INTERFACE_LANGUAGE_CATALOGS"):
            walk(value)
    for path in project.rglob("*"):
        if path.suffix in (".yaml", ".yml"):
            values = yaml.safe_load(path.read_text(encoding="utf-8"))
            walk(values)
            if path.name == "branch.yaml" and values.get("kind", "local") == "local":
                # a local branch's display name: "<name> branch", in English whatever the page (not yet translated)
                found.add(f"{values['name']} branch")
        elif path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            if text.startswith("---"):
                walk(yaml.safe_load(text.split("---", 2)[1]))
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


class VisibleText(HTMLParser):
    """The text a reader sees, and the words of attributes read aloud or shown, outside a page's own
    Markdown (kit-prose), dates (<time>), code, scripts and styles."""

    SKIPPED = {"script", "style", "time", "code", "title"}
    SHOWN_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = tag in self.SKIPPED or "kit-prose" in (attributes.get("class") or "").split()
        if not (self.stack and self.stack[-1]):
            self.texts += [attributes[a] for a in self.SHOWN_ATTRIBUTES if attributes.get(a)]
        if tag not in self.VOID:
            self.stack.append(skipped or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]) and data.strip():
            self.texts.append(data)


# A word left over (not an abbreviation or postcode: those are data, "AB", "EHRC").
LEFT_OVER = re.compile(r"\b(?![A-Z]{1,5}(?:[0-9]|\b))[A-Za-z]{2,}")
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
# Addresses a page shows as text: a link's own address, an email address.
ADDRESS = re.compile(r"\S*(?:://|@|\.(?:uk|org|com|json|opml|ics))\S*")


def date_names(lang: str) -> list[str]:
    """Babel's (CLDR's) month and day names: dates are made by local_dates, not the catalog."""
    locale = Locale.parse(lang)
    names = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names |= set(locale.months[context][width].values()) | set(locale.days[context][width].values())
    return sorted(names, key=len, reverse=True)


def unwrapped(text: str, data: list[str]) -> str:
    """What is left of a text node once every ⟦translated⟧ part, every piece of data (as whole words)
    and every address is taken out."""
    while INNERMOST.search(text):  # a translation inside a translation: "Follow ⟦the events in ⟦Wales⟧⟧"
        text = INNERMOST.sub(" ", text)
    text = ADDRESS.sub(" ", text)
    for value in data:
        if value in text:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
    return "\n".join(" ".join(LEFT_OVER.findall(line)) for line in text.split("\n"))


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("pseudo")
    project = copy_fixture("two_branches", root / "site")
    catalogs = pseudo_catalog(root / "pseudo")
    overrides = {"DEFAULT_LANG": "cy", "INTERFACE_LANGUAGE_CATALOGS": [str(catalogs)]}
    output = build_site(project, **overrides)
    return project, project_settings(project, **overrides), output


def test_every_string_a_page_shows_is_in_the_catalog(pseudo_site):
    project, settings, output = pseudo_site
    data = data_strings(project, settings) + date_names("cy")
    found: dict[str, set[str]] = {}
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        if page.parent.name == "admin":
            continue  # the editor's page: Decap CMS's own interface
        parser = VisibleText()
        parser.feed(page.read_text(encoding="utf-8"))
        # one stream: a translated sentence with a link in it is one ⟦...⟧ over several text nodes
        for left in unwrapped("\n".join(parser.texts), data).split("\n"):
            if left.strip():
                found.setdefault(left.strip(), set()).add(str(page.relative_to(output)))
    assert {text: sorted(where)[:2] for text, where in found.items()} == {}


MESSAGE_CALL = re.compile(r"\b(message|pluralMessage)\(\s*\"((?:[^\"\\]|\\.)*)\"")
# What a script shows without a message(): its data (names, dates, addresses) and these, which are not words.
SHOWN = re.compile(
    r"(?:textContent\s*=|element\(\s*[\"'`][\w${}]+[\"'`]\s*,)\s*([\"'`])([^\"'`]*[A-Za-z]{2,}[^\"'`]*)\1"
)


def test_every_string_a_script_shows_comes_from_the_messages_block(pseudo_site):
    """Each message() of the theme's scripts is in the catalog and in a non-English page's block, with
    its translation; no script sets a literal English text of its own."""
    _project, _settings, output = pseudo_site
    entries = dict(script_entries())
    called = set()
    for script in sorted(SCRIPTS.glob("*.js")):
        source = script.read_text(encoding="utf-8")
        called |= {text for _kind, text in MESSAGE_CALL.findall(source)}
        assert SHOWN.findall(source) == [], script.name
    assert called and called <= set(entries)
    home = (output / "index.html").read_text(encoding="utf-8")
    block = json.loads(re.search(r'id="kit-messages">(.*?)</script>', home, re.S).group(1))
    for singular, plural in entries.items():
        if plural is None:
            assert block["messages"][singular] == f"{OPEN}{singular}{CLOSE}"
        else:
            assert set(block["plurals"][singular]) == {"zero", "one", "two", "few", "many", "other"}
            assert block["plurals"][singular]["one"] == f"{OPEN}{singular}{CLOSE}"


def test_a_catalog_changed_between_two_builds_in_one_process_is_read_again(tmp_path):
    """A preview server rebuilds in one process: each build starts by forgetting the catalogs it found."""
    from interface_language.catalogs import forget_found, translations

    folder = tmp_path / "translations" / "cy" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "messages.po"
    settings = {"INTERFACE_LANGUAGE_CATALOGS": [str(tmp_path / "translations")], "THEME": str(tmp_path / "none")}
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    po.write_text(header + 'msgid "News"\nmsgstr "Newyddion"\n')
    assert translations(settings, "cy").gettext("News") == "Newyddion"
    po.write_text(header + 'msgid "News"\nmsgstr "Y newyddion"\n')
    assert translations(settings, "cy").gettext("News") == "Newyddion"  # within one build: found once
    forget_found()
    assert translations(settings, "cy").gettext("News") == "Y newyddion"
