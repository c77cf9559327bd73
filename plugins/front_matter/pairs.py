"""A page and its translation, paired: Pelican's translations, with addresses that do not move.

Pelican groups posts (and pages) that share ARTICLE_TRANSLATION_ID into one entry of its lists:
the one in the site's DEFAULT_LANG is the "original" (listed in the news index, tag pages, feeds,
search), the others its `translations`. The kit groups them by `translation_key`: the slug a file's
`translation_of:` names (a slug, or a file of the same site such as `pages/about.md`), else its
own slug. So a Welsh `amdanom-ni.md` with `translation_of: about` and an English `about.md` are
one pair, each at its own address; two files that share a slug are one pair too, and the
translation (the one not in the site's language) takes its language before the address
(ARTICLE_LANG_URL, PAGE_LANG_URL: `en/about/`). Every other page keeps the address it had: a
Welsh page with no pair is not moved under `cy/`.

Languages are compared by their first part (`en` and `en-GB` are the same language here).
"""

from __future__ import annotations

import os

from pelican.contents import Article, Page

from content_schema import ProblemList

from .document import slug_from_filename

# Each language's name in itself, for the language switch (what a reader looks for).
AUTONYMS = {
    "cy": "Cymraeg",
    "en": "English",
    "gd": "Gàidhlig",
    "ga": "Gaeilge",
    "kw": "Kernewek",
    "gv": "Gaelg",
    "pl": "Polski",
    "ur": "اردو",
    "pa": "ਪੰਜਾਬੀ",
    "bn": "বাংলা",
    "ar": "العربية",
}
MARKDOWN = (".md", ".markdown")


def primary(tag: str) -> str:
    """`en-GB` -> `en`: the language, without its region or script."""
    return str(tag).split("-")[0].lower()


def same_language(one: str, other: str) -> bool:
    return primary(one) == primary(other)


def party_languages(settings: dict) -> tuple[str, ...]:
    """The main site's languages, its own (DEFAULT_LANG) first: LANGUAGES, or DEFAULT_LANG alone.
    A branch without `languages:` in its branch.yaml has these too (branch_settings keeps them)."""
    default = settings["DEFAULT_LANG"]
    codes = tuple(settings.get("LANGUAGES") or (default,))
    return tuple(sorted(codes, key=lambda code: not same_language(code, default)))


def declared(lang: str, languages) -> bool:
    """Whether ``lang`` is one of a site's ``languages``."""
    return any(same_language(lang, code) for code in languages)


def autonym(tag: str) -> str:
    """The language's own name (Cymraeg); the tag itself for one the kit does not know."""
    return AUTONYMS.get(primary(tag), str(tag))


def is_path(target: str) -> bool:
    return target.lower().endswith(MARKDOWN) or "/" in target


def target_slug(target: str, site_root: str, settings: dict) -> str | None:
    """The slug ``translation_of`` names: itself, or the slug of the file it names (None: no such file)."""
    if not is_path(target):
        return target
    path = os.path.normpath(os.path.join(site_root, target))
    if not os.path.isfile(path) or os.path.relpath(path, site_root).startswith(".."):
        return None
    from .content_file import kind_of, parse_content_file  # the schemas import this module's names

    kind = kind_of(path, site_root, settings, main_site=not settings.get("BRANCH")) or "page"
    content_file = parse_content_file(path, kind, ProblemList(root=site_root))
    return content_file.slug if content_file is not None else slug_from_filename(path)


def pair_content(content) -> None:
    """``content_object_init``: a post's or page's `translation_key`, its language as written (the
    site's when it gives none), and whether that is the site's language (by its first part)."""
    if not isinstance(content, Article | Page):
        return
    settings = content.settings
    default = settings.get("DEFAULT_LANG", "en")
    if "lang" not in content.metadata:
        content.lang = default
    content.in_default_lang = same_language(content.lang, default)
    target = content.metadata.get("translation_of")
    key = target_slug(target, settings["PATH"], settings) if target else None
    content.translation_key = key or (f"translation_of:{target}" if target else content.slug)


def _address(content, translated: bool) -> None:
    key = "lang_" if translated else ""
    content.override_url = content._expand_settings(f"{key}url")
    content.override_save_as = content._expand_settings(f"{key}save_as")


def place_pairs(contents, translations) -> None:
    """Every post or page at its address: a translation that shares its original's slug under its
    language (the LANG_ address); all the others at the site's usual one, whatever their language."""
    translated = {id(t) for t in translations}
    for content in [*contents, *translations]:
        if hasattr(content, "override_url") and "url" in content.metadata:
            continue  # an address the file itself gave
        shares_slug = any(other.slug == content.slug for other in content.translations)
        _address(content, id(content) in translated and shares_slug)


def by_file(contents) -> list:
    """``contents`` in the order of their files: Pelican's translations come in the order it read the
    files, which may differ from one build to the next."""
    return sorted(contents, key=lambda content: content.source_path)


def place_article_pairs(generator) -> None:
    """``article_generator_pretaxonomy``: Pelican has just paired the posts."""
    for listed, translations in (
        ("articles", "translations"),
        ("hidden_articles", "hidden_translations"),
        ("drafts", "drafts_translations"),
    ):
        place_pairs(getattr(generator, listed, []), getattr(generator, translations, []))
    # Pelican's context has the originals alone: the translations for search (site_search), and for the
    # feed writer to leave out before it cuts a feed to FEED_MAX_ITEMS (incremental_build.writer)
    generator.context["listed_article_translations"] = by_file(generator.translations)
    generator.context["not_in_feeds"] = [*generator.translations, *generator.hidden_translations]


def place_page_pairs(generator) -> None:
    """``page_generator_finalized``, before front_matter pins the addresses."""
    for listed, translations in (
        ("pages", "translations"),
        ("hidden_pages", "hidden_translations"),
        ("draft_pages", "draft_translations"),
    ):
        place_pairs(getattr(generator, listed, []), getattr(generator, translations, []))
    generator.context["listed_page_translations"] = by_file(generator.translations)  # for search (site_search)


def add_language_filters(pelican) -> None:
    """``initialized``: ``{{ page.lang | language_name }}`` (Cymraeg) for the language switch."""
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "language_name": autonym}
