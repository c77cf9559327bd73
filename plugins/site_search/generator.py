"""Writes search/ and search/search.json for every site."""

from __future__ import annotations

import json

from pelican.generators import Generator

from incremental_build.derived import write_derived

from .documents import (
    article_document,
    branch_document,
    country_event_documents,
    event_documents,
    page_document,
)
from .index import search_json


class SearchGenerator(Generator):
    """Runs after every other generator has built its context: it indexes what they found."""

    def generate_context(self):
        self.context["search_url"] = self.settings["SEARCH_URL"]

    def documents(self) -> list:
        settings, context = self.settings, self.context
        branch = settings.get("BRANCH")
        site = branch["display_name"] if branch else settings["SITENAME"]
        documents = [article_document(a, site, settings) for a in context.get("articles", [])]
        documents += [page_document(p, site, settings) for p in context.get("pages", [])]
        documents += event_documents(context.get("upcoming_events", []), site, settings)
        if not branch:
            documents += [branch_document(b, settings) for b in context.get("branches", [])]
            documents += country_event_documents(context.get("country_upcoming_events", []), settings)
        return documents

    def generate_output(self, writer):
        settings = self.settings
        branch = settings.get("BRANCH")
        documents = self.documents()
        site = branch["display_name"] if branch else settings["SITENAME"]
        # building a lunr index is slow (about 5 s for the national site of 650 branches): only when
        # what it indexes has changed
        write_derived(
            settings,
            self.output_path,
            settings["SEARCH_DATA_SAVE_AS"],
            json.dumps([site, [vars(d) for d in documents]], sort_keys=True),
            lambda: search_json(documents, site=site, branch_search=not branch),
        )
        writer.write_file(
            settings["SEARCH_SAVE_AS"],
            self.get_template("search"),
            self.context,
            url=settings["SEARCH_URL"],
            page_name="search",
            search_data_url=f"{settings['SITEURL']}/{settings['SEARCH_DATA_SAVE_AS']}",
        )
