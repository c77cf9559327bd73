"""Connect language_lists: its generator (after the events and search generators, whose lists it
writes again), the generators it reuses, and the templates' `in_language` filter."""

from __future__ import annotations

from pelican import signals

from .generator import LanguageListsGenerator, in_language, in_page_language, list_in_languages, other_language


def get_generators(pelican):
    return LanguageListsGenerator


def find_generators(generators) -> None:
    """``all_generators_finalized``: the generators whose lists are written again."""
    for generator in generators:
        if isinstance(generator, LanguageListsGenerator):
            generator.others = [g for g in generators if g is not generator]


def add_filters(pelican) -> None:
    """``initialized``: ``{{ INDEX_URL|in_language }}``, ``{{ BRANCH.meets|in_page_language }}`` and
    ``{{ other_language(item.lang) }}``."""
    settings = pelican.settings
    settings["JINJA_FILTERS"] = {
        **settings.get("JINJA_FILTERS", {}),
        "in_language": in_language,
        "in_page_language": in_page_language,
    }
    settings["JINJA_GLOBALS"] = {
        **settings.get("JINJA_GLOBALS", {}),
        "other_language": other_language,
        "list_in_languages": list_in_languages,
    }


def register():
    signals.initialized.connect(add_filters)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(find_generators)
