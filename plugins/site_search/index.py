"""The lunr index and the result cards of one site in one language, serialised into search/search.json.

lunr (Python) 0.8.0 writes indexes for lunr.js 2.3.9: the same English pipeline (trimmer,
stop words, Porter stemmer), so a query finds the same documents in the browser as here. A Welsh or
Gaelic index takes each word's forms instead (search_languages), which search-query.js gives the
query's words in the browser. Refs are list positions, so the index does not repeat URLs; positions
are not stored.
"""

from __future__ import annotations

import functools
import json

from lunr import lunr
from lunr.builder import Builder
from lunr.stemmer import porter_stemmer, stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from .documents import SearchDocument
from .search_languages import WORD_FORMS, language_builder

FIELDS = [
    {"field_name": "title", "boost": 10},
    {"field_name": "place", "boost": 5},
    {"field_name": "tags", "boost": 5},
    {"field_name": "summary", "boost": 3},
    {"field_name": "body"},
]
SEARCH_DATA_VERSION = 2  # 2: the index's language


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    return porter_stemmer.stem(word)


def remembered_stemmer(token, i=None, tokens=None):
    """lunr's Porter stemmer, remembering each word's stem: the same words come again and again, and
    stemming was a third of building an index. Indexing only; the index names lunr's own `stemmer`
    as its search pipeline, which lunr.js runs in the browser."""
    return token.update(lambda word, metadata: _stem(word))


remembered_stemmer.label = "kit-remembered-stemmer"  # lunr serialises functions by label; not serialised


def english_builder() -> Builder:
    """lunr's default English builder (lunr.get_default_builder), with the remembered stemmer."""
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, remembered_stemmer)
    builder.search_pipeline.add(stemmer)
    return builder


def build_index(documents: list[SearchDocument], language: str = "en"):
    return lunr(
        builder=language_builder(language) if language in WORD_FORMS else english_builder(),
        ref="ref",
        fields=FIELDS,
        documents=[
            {
                "ref": str(number),
                "title": d.title,
                "place": d.place,
                "tags": d.tags,
                "summary": d.summary,
                "body": d.body,
            }
            for number, d in enumerate(documents)
        ],
    )


def search_json(documents: list[SearchDocument], *, site: str, branch_search: bool, language: str = "en") -> bytes:
    """{"version", "site", "language", "sites": [[name, url], ...], "docs": [[site, path, title, kind, date,
    snippet], ...], "index": lunr}: a result's address is its site's url + path (sites are listed once, not
    per result); "language" says how to query the index (en: lunr's English pipeline; cy, gd: their word forms)."""
    sites: dict[tuple[str, str], int] = {}
    docs = []
    for d in documents:
        number = sites.setdefault((d.site, d.site_url), len(sites))
        path = d.url[len(d.site_url) :] if d.url.startswith(d.site_url) else d.url
        docs.append([number, path, d.title, d.kind, d.date, d.snippet])
    data = {
        "version": SEARCH_DATA_VERSION,
        "site": site,
        "language": language,
        "branch_search": branch_search,  # main site: branch results link to the branch's own search
        "sites": [list(key) for key in sites],
        "docs": docs,
        # lunr cannot index nothing (it divides by the number of documents); a new branch may have nothing yet
        "index": build_index(documents, language).serialize() if documents else None,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
