"""The interface's catalogs: found, read with Babel, compiled in memory, cached per process.

A language is looked up by its primary subtag (``en-GB`` -> ``en``, ``cy-GB`` -> ``cy``). The
kit's catalog is the theme's ``translations/<lang>/LC_MESSAGES/messages.po``; a site's theme
folder (THEME_OVERRIDES_PATH) may hold one of the same shape, and INTERFACE_LANGUAGE_CATALOGS
more, whose entries win over the kit's. English is the source text: with no English catalog
anywhere, it is the strings themselves.

An entry with an empty translation (or any empty plural form), or marked fuzzy, is left out of the
compiled catalog, so gettext gives the English: a reader never sees an empty string.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import re

from babel import localedata
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

log = logging.getLogger(__name__)

DOMAIN = "messages"
# The named placeholders a translation must keep: %(name)s (templates, plugins) and {name} (str.format).
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
KIT_THEME = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "theme")
KIT_CATALOGS = os.path.join(KIT_THEME, "translations")
SOURCE_LANGUAGE = "en"


# The source text: what a plugin's words are when no language is asked for (tests, English sites).
ENGLISH = NullTranslations()


def N_(text: str) -> str:
    """Marks a string for the catalog (catalog_tools finds N_ calls); it is translated where it is
    shown, with a translations object's gettext."""
    return text


def primary_language(tag: str | None) -> str:
    """The primary subtag of a language tag, lower case: ``en-GB`` -> ``en``; none -> English."""
    if not tag:
        return SOURCE_LANGUAGE
    return str(tag).replace("_", "-").split("-", 1)[0].strip().lower() or SOURCE_LANGUAGE


def formatting_language(tag: str | None) -> str:
    """The primary subtag of ``tag`` when Babel has that locale's data (its dates, clock and plural
    rules), else English: a language Babel lacks never stops a build (front_matter refuses it first)."""
    primary = primary_language(tag)
    if re.fullmatch(r"[a-z]{2,3}", primary) and localedata.exists(primary):
        return primary
    return SOURCE_LANGUAGE


def catalog_path(folder: str, lang: str) -> str:
    return os.path.join(folder, lang, "LC_MESSAGES", f"{DOMAIN}.po")


def catalog_folders(settings: dict) -> tuple[str, ...]:
    """Every folder of catalogs a site reads, the one whose entries win first, the kit's last."""
    folders = [os.path.abspath(f) for f in settings.get("INTERFACE_LANGUAGE_CATALOGS") or ()]
    site_theme = settings.get("THEME_OVERRIDES_PATH")
    if site_theme:
        folders.append(os.path.abspath(os.path.join(site_theme, "translations")))
    theme = settings.get("THEME")
    if theme:
        folders.append(os.path.abspath(os.path.join(theme, "translations")))
    folders.append(KIT_CATALOGS)
    unique: list[str] = []
    for folder in folders:
        if os.path.realpath(folder) not in {os.path.realpath(f) for f in unique}:
            unique.append(folder)
    return tuple(unique)


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


# Every placeholder as written, with its conversion and format spec: %(name)s, %(n)d, {name}, {n:,},
# and what must not be there, {promoter.__class__}, {0[1]}. Doubled braces are literal braces.
PLACEHOLDER_TOKEN = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%\([^)]*\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")


def placeholder_tokens(text: str) -> set[str]:
    return {token for token in PLACEHOLDER_TOKEN.findall(text) if token not in ("{{", "}}")}


def placeholder_problem(ids, forms) -> str | None:
    """What is wrong with the placeholders of a translation's ``forms`` against the English ``ids``, or
    None: a translation uses exactly the English's placeholders, as the English writes them (so no
    attribute or index access, no other format spec). A plural's forms may leave out one placeholder,
    the same in each, the count a language spells out ("Un gangen", "Dwy gangen"); every one is in
    some form."""
    english = [placeholder_tokens(i) for i in ids if i]
    wanted = set().union(*english)
    if len(ids) == 1:
        for form in forms:
            found = placeholder_tokens(form)
            if found != wanted:
                return _mismatch(found, wanted)
        return None
    required, spelt = set.intersection(*english) if english else set(), set()
    for form in forms:
        found = placeholder_tokens(form)
        spelt |= required - found
        if found - wanted or len(spelt) > 1:
            return _mismatch(found, wanted)
    if forms and set().union(*(placeholder_tokens(form) for form in forms)) != wanted:
        return _mismatch(set().union(*(placeholder_tokens(form) for form in forms)), wanted)
    return None


def _mismatch(found: set[str], wanted: set[str]) -> str:
    if found - wanted:
        return f"the translation names {sorted(found - wanted)}, which the English has not (it has {sorted(wanted)})"
    return f"the translation leaves out {sorted(wanted - found)}: it must keep {sorted(wanted)}"


def shown_entries(catalog: Catalog) -> Catalog:
    """The catalog without the entries a reader must not see: untranslated (or any plural form
    untranslated) and fuzzy ones (Babel's write_mo keeps a plural entry with an empty form), and
    one whose placeholders are not the English's (placeholder_problem: the page would fail to render,
    lose a name the law wants shown, or show what an attribute holds): English is shown for those.
    `make translations-compile` reports them."""
    kept = Catalog(locale=catalog.locale, domain=catalog.domain)
    kept.mime_headers = catalog.mime_headers
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if message.fuzzy or not all(forms):
            continue
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        problem = placeholder_problem(ids, forms)
        if problem:
            log.warning("interface_language: %r: %s: English is shown", ids[0], problem)
            continue
        kept[message.id] = message
    return kept


@functools.lru_cache(maxsize=64)
def _compiled(path: str, mtime_ns: int, size: int) -> bytes:
    """One .po file compiled in memory, as .mo bytes (no .mo is written or committed); a changed
    file (another time or size) is read again."""
    with open(path, "rb") as po:
        catalog = read_po(po, abort_invalid=True)
    mo = io.BytesIO()
    write_mo(mo, shown_entries(catalog))
    return mo.getvalue()


@functools.lru_cache(maxsize=64)
def _merged(paths: tuple[tuple[str, int, int], ...]) -> NullTranslations:
    """The catalogs of one language, the first winning: the last (the kit's) is the base, whose
    plural rule is kept (Translations.merge copies entries only), each one before it merged over."""
    if not paths:
        return NullTranslations()
    merged = Translations(io.BytesIO(_compiled(*paths[-1])), domain=DOMAIN)
    for path in reversed(paths[:-1]):
        merged.merge(Translations(io.BytesIO(_compiled(*path)), domain=DOMAIN))
    return merged


# What translations() found, by the settings that say where catalogs are and the language: a page
# asks hundreds of times. Forgotten as each build starts (forget_found, on Pelican's initialized), so
# a preview server that rebuilds in the same process reads a changed catalog again.
_found: dict[tuple, NullTranslations] = {}


def forget_found(*_) -> None:
    _found.clear()


def translations(settings: dict, lang: str | None) -> NullTranslations:
    """The interface's translations for ``lang`` (any tag; its primary subtag is looked up): an object
    with gettext, ngettext, pgettext and npgettext that falls back to the English source text."""
    primary = primary_language(lang)
    key = (
        tuple(settings.get("INTERFACE_LANGUAGE_CATALOGS") or ()),
        settings.get("THEME_OVERRIDES_PATH"),
        settings.get("THEME"),
        primary,
    )
    if key in _found:
        return _found[key]
    found = []
    for folder in catalog_folders(settings):
        path = catalog_path(folder, primary)
        if os.path.isfile(path):
            stat = os.stat(path)
            found.append((os.path.abspath(path), stat.st_mtime_ns, stat.st_size))
    words = _merged(tuple(found))
    _found[key] = words
    return words
