"""Which search index a document goes in, and how each index takes its words.

A site has one index per language it has documents in: its default language's (DEFAULT_LANG) in
SEARCH_DATA_SAVE_AS, each other one beside it with the language before the extension
(search/search.cy.json). English keeps lunr's English pipeline (stop words, Porter stemmer); Welsh
and Scottish Gaelic have their own word forms (welsh.py, gaelic.py) and no stemmer. A language
with no pipeline of its own is searched in the default language's index, as before.
"""

from __future__ import annotations

import posixpath

from lunr.builder import Builder

from .gaelic import gaelic_forms
from .welsh import welsh_forms

WORD_FORMS = {"cy": welsh_forms, "gd": gaelic_forms}
INDEXED = {"en", *WORD_FORMS}


def primary(tag: str | None) -> str:
    """The language of a BCP 47 tag, without its region or script: en-GB is en."""
    return (tag or "").split("-")[0].lower()


def index_language(tag: str | None, default_lang: str) -> str:
    """The index a document in ``tag`` goes in: its own language's, or the default one's."""
    language = primary(tag) or primary(default_lang)
    return language if language in INDEXED else index_language(default_lang, "en")


def data_save_as(save_as: str, language: str, default_language: str) -> str:
    """search/search.json for the default language, search/search.cy.json for Welsh."""
    if language == default_language:
        return save_as
    root, extension = posixpath.splitext(save_as)
    return f"{root}.{language}{extension}"


def word_forms_pipeline_function(forms):
    def word_forms(token, i=None, tokens=None):
        return [token.clone(lambda string, metadata, form=form: form) for form in forms(str(token))]

    # lunr names pipeline functions by label; this one is for indexing only and never serialised
    word_forms.label = f"kit-{forms.__name__}"
    return word_forms


def language_builder(language: str) -> Builder:
    """A lunr builder whose pipeline gives each word its forms in ``language``. Its search pipeline is
    empty: search-query.js gives the query's words the same forms (welsh-words.js, gaelic-words.js)
    and looks them up as they are."""
    builder = Builder()
    builder.pipeline.add(word_forms_pipeline_function(WORD_FORMS[language]))
    return builder
