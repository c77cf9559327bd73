"""Each list of a site again in each of its other languages, by the generators' own code.

The generators that write the lists (Pelican's ArticlesGenerator: home, news and its pages, tags;
events: the coming and past events, the month grids; site_search: the search page) read their
settings, context and lists from themselves. For each other language, ``speaking`` lends them, for
the time of one call, settings whose list addresses carry the language first, a context whose
interface is that language, and their lists with each pair's version in that language; then their
own methods write the pages through the build's writer (so incremental_build records, and prunes,
them like any other file).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from functools import partial

from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican.generators import ArticlesGenerator, Generator
from pelican.urlwrappers import Tag

from front_matter.language_texts import shown_text
from front_matter.pairs import same_language
from interface_language.page_language import page_language

# The lists' addresses, each a NAME_URL and NAME_SAVE_AS setting.
LIST_ADDRESSES = ("HOME", "INDEX", "TAGS", "TAG", "EVENTS", "EVENTS_PAST", "EVENTS_MONTH", "SEARCH")


def extra_languages(settings) -> list[str]:
    """The site's languages other than its own (DEFAULT_LANG), as LANGUAGES writes them."""
    default = settings["DEFAULT_LANG"]
    return [lang for lang in settings.get("LANGUAGES") or () if not same_language(lang, default)]


def list_language(context) -> str | None:
    """The other language of the site the page is in (its tag as LANGUAGES writes it), or None."""
    lang = page_language(context)
    if not lang:
        return None
    return next((code for code in extra_languages(context) if same_language(code, lang)), None)


@pass_context
def in_language(context, target):
    """In the page's language: ``{{ INDEX_URL|in_language }}`` a list's address (the site's own list
    on a page in the site's language), ``{{ page|in_language }}`` a page's translation (the menu)."""
    lang = list_language(context)
    if not lang:
        return target
    if not isinstance(target, str):
        return version(target, lang)
    # the national site's events lists are its areas' (events.listing), in its own language alone
    if not context.get("BRANCH") and target in {context.get("EVENTS_URL"), "events/"}:
        return target
    return f"{lang}/{target}"


@pass_context
def other_language(context, lang) -> Markup:
    """`` lang="cy"`` for an element whose text is in ``lang`` when the page is in another; else nothing."""
    page = page_language(context)
    if not lang or not page or same_language(lang, page):
        return Markup("")
    return Markup(' lang="{}"').format(escape(lang))


@pass_context
def in_page_language(context, value):
    """``value`` as the page shows it: a branch.yaml text written per language in the page's language
    (else in the branch's own), with its ``lang`` for ``other_language``; any other text as it is."""
    return shown_text(value, page_language(context))


class ListVersion:
    """One language's version of a list, as the language switch takes a page (lang, url, translations)."""

    def __init__(self, lang: str, url: str):
        self.lang, self.url, self.translations = lang, url, []


def list_prefixes(context) -> list[str]:
    """The beginnings of the addresses of the lists a site has in each language."""
    prefixes = []
    for name in ("INDEX", "TAGS", "SEARCH", *(("EVENTS",) if context.get("BRANCH") else ("EVENTS_PAST",))):
        save_as = context.get(f"{name}_SAVE_AS") or ""
        if save_as:
            prefixes.append(save_as.rsplit("/", 1)[0] + "/" if "/" in save_as else save_as)
    return prefixes


@pass_context
def list_in_languages(context):
    """The list being rendered in each of the site's languages, for the language switch and hreflang
    alternates (its own first); None for anything but a list, or on a site of one language."""
    languages = extra_languages(context)
    if not languages or any(context.get(name) for name in ("article", "page", "event")):
        return None
    output_file = str(context.get("output_file") or "")
    lang = list_language(context)
    own = output_file[len(lang) + 1 :] if lang and output_file.startswith(f"{lang}/") else output_file
    if own != (context.get("HOME_SAVE_AS") or "index.html") and not any(
        own.startswith(p) for p in list_prefixes(context)
    ):
        return None
    url = own[: -len("index.html")] if own.endswith("index.html") else own
    versions = [ListVersion(context["DEFAULT_LANG"], url), *(ListVersion(code, f"{code}/{url}") for code in languages)]
    current = next(v for v in versions if v.lang == (lang or context["DEFAULT_LANG"]))
    current.translations = [v for v in versions if v is not current]
    return current


def language_settings(settings, lang: str) -> dict:
    """``settings`` with every list's address under ``lang/`` (a list left out, SAVE_AS "", stays out)."""
    changed = dict(settings)
    for name in LIST_ADDRESSES:
        for key in (f"{name}_URL", f"{name}_SAVE_AS"):
            value = settings.get(key)
            if value is not None and (value or key.endswith("_URL")):
                changed[key] = f"{lang}/{value}"
    return changed


def version(content, lang: str):
    """``content``'s translation in ``lang``, else ``content`` itself."""
    if same_language(getattr(content, "lang", "") or "", lang):
        return content
    for other in getattr(content, "translations", None) or ():
        if same_language(getattr(other, "lang", "") or "", lang):
            return other
    return content


@contextlib.contextmanager
def lent(generator, **values):
    """``generator`` with ``values`` as its attributes for the time of the block."""
    before = {name: getattr(generator, name) for name in values}
    for name, value in values.items():
        setattr(generator, name, value)
    try:
        yield generator
    finally:
        for name, value in before.items():
            setattr(generator, name, value)


class LanguageListsGenerator(Generator):
    """Writes nothing of its own: the other generators' lists again, once per other language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.others = []  # the build's other generators (register.find_generators)

    def generate_context(self):
        pass

    def generate_output(self, writer):
        languages = extra_languages(self.settings)
        if not languages:
            return
        for lang in languages:
            settings = language_settings(self.settings, lang)
            for generator in self.others:
                self._write(generator, writer, settings, lang)

    def _context(self, generator, lang: str, **lists) -> dict:
        return {**generator.context, "interface_lang": lang, **lists}

    def _write(self, generator, writer, settings: dict, lang: str) -> None:
        if isinstance(generator, ArticlesGenerator):
            self._write_news(generator, writer, settings, lang)
        elif hasattr(generator, "write_site_lists"):
            self._write_events(generator, writer, settings, lang)
        elif hasattr(generator, "write_search_page"):
            with lent(generator, settings=settings, context=self._context(generator, lang)):
                generator.write_search_page(writer)

    def _write_news(self, generator, writer, settings: dict, lang: str) -> None:
        """The home page, the news index and its pages, the tags and each tag's page (Pelican's own
        generate_direct_templates and generate_tags)."""
        articles = [version(article, lang) for article in generator.articles]
        dates = [version(article, lang) for article in generator.dates]
        tags = defaultdict(list)
        for article in articles:
            for tag in getattr(article, "tags", None) or ():
                tags[Tag(tag.name, settings)].append(article)
        lists = {"articles": articles, "dates": dates, "tags": list(tags.items())}
        events = next((g for g in self.others if hasattr(g, "write_site_lists")), None)
        if events is not None:
            lists.update(self._event_lists(events, lang))
        context = self._context(generator, lang, **lists)
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        with lent(generator, settings=settings, context=context, articles=articles, dates=dates, tags=tags):
            generator.generate_direct_templates(write)
            generator.generate_tags(write)

    def _event_lists(self, events, lang: str) -> dict:
        from events.home_events import next_meeting

        upcoming = [version(page, lang) for page in events.upcoming]
        return {"upcoming_events": upcoming, "next_meeting": next_meeting(upcoming)}

    def _write_events(self, events, writer, settings: dict, lang: str) -> None:
        from events.month_grid import build_months

        pages = [version(page, lang) for page in events.pages]
        upcoming = [version(page, lang) for page in events.upcoming]
        past = [version(page, lang) for page in events.past]
        listed = {page.url: events._listed(page) for page in pages}
        months = build_months([listed[page.url] for page in pages])
        for month in months:
            month.url = settings["EVENTS_MONTH_URL"].format(key=month.key)
            month.save_as = settings["EVENTS_MONTH_SAVE_AS"].format(key=month.key)
        context = self._context(events, lang, **self._event_lists(events, lang))
        with lent(
            events, settings=settings, context=context, upcoming=upcoming, past=past, listed=listed, months=months
        ):
            events.write_site_lists(writer)
