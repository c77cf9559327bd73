"""Writes search/ and search/search.json for every site."""

from __future__ import annotations

import json

from pelican.generators import Generator

from incremental_build.derived import write_derived

from .documents import (
    article_documents,
    branch_document,
    country_event_documents,
    event_documents,
    once_per_index,
    page_documents,
)
from .index import search_json
from .search_languages import data_save_as, index_language


class SearchGenerator(Generator):
    """Runs after every other generator has built its context: it indexes what they found."""

    def generate_context(self):
        self.context["search_url"] = self.settings["SEARCH_URL"]

    def documents(self) -> list:
        """Every post, page and upcoming event, each original then its translations (front_matter.pairs and
        events.pairs list those apart from Pelican's), each in its own language's index; the main site's
        branches too."""
        settings, context = self.settings, self.context
        branch = settings.get("BRANCH")
        site = branch["display_name"] if branch else settings["SITENAME"]
        articles = [*context.get("articles", []), *context.get("listed_article_translations", [])]
        pages = [*context.get("pages", []), *context.get("listed_page_translations", [])]
        documents = [d for a in articles for d in article_documents(a, site, settings)]
        documents += [d for p in pages for d in page_documents(p, site, settings)]
        documents += event_documents(context.get("upcoming_events", []), site, settings)
        documents += event_documents(context.get("upcoming_event_translations", []), site, settings)
        if not branch:
            documents += country_event_documents(context.get("country_upcoming_events", []), settings)
        return once_per_index(documents, settings["DEFAULT_LANG"])

    def by_language(self, documents: list) -> dict[str, list]:
        """The site's documents for each index: the default language's first (even with none), then
        every other language it has documents in, in alphabetical order.

        The main site's branch directory entries are in every index, each shown in the index's
        language (branch_document): they are found by names of places, the same words in either
        language (Bangor, Caerdydd, LL57), and a reader searching in Welsh looks for a branch too. One
        entry per branch in each of at most three indexes (INDEXED); the branches' events stay in the
        default index alone (their records carry no language)."""
        settings = self.settings
        default = index_language(settings["DEFAULT_LANG"], "en")
        indexes: dict[str, list] = {default: []}
        for document in documents:
            language = index_language(document.lang, settings["DEFAULT_LANG"])
            indexes.setdefault(language, []).append(document)
        branches = [] if settings.get("BRANCH") else self.context.get("branches", [])
        for language, found in indexes.items():
            found += [branch_document(entry, settings, language) for entry in branches]
        return {language: indexes[language] for language in [default, *sorted(set(indexes) - {default})]}

    def generate_output(self, writer):
        settings = self.settings
        branch = settings.get("BRANCH")
        site = branch["display_name"] if branch else settings["SITENAME"]
        indexes = self.by_language(self.documents())
        default = next(iter(indexes))
        sources = {}
        for language, documents in indexes.items():
            save_as = data_save_as(settings["SEARCH_DATA_SAVE_AS"], language, default)
            sources[language] = f"{settings['SITEURL']}/{save_as}"
            # building a lunr index is slow (about 5 s for the national site of 650 branches): only when
            # what it indexes has changed
            write_derived(
                settings,
                self.output_path,
                save_as,
                json.dumps([site, language, [vars(d) for d in documents]], sort_keys=True),
                lambda documents=documents, language=language: search_json(
                    documents, site=site, branch_search=not branch, language=language
                ),
            )
        self.sources, self.default_index = sources, default
        self.write_search_page(writer)

    def write_search_page(self, writer) -> None:
        """The search page, at SEARCH_SAVE_AS of this generator's settings (language_lists writes it
        again in each other language of the site, with its settings and context)."""
        settings = self.settings
        writer.write_file(
            settings["SEARCH_SAVE_AS"],
            self.get_template("search"),
            self.context,
            url=settings["SEARCH_URL"],
            page_name="search",
            search_data_url=self.sources[self.default_index],
            # the other languages' indexes, which search.js takes when the page's language is theirs
            search_data_urls=json.dumps(dict(sorted(self.sources.items())), sort_keys=True),
        )
