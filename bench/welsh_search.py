"""Recall and precision of the Welsh search over the test set the tests carry (tests/fixtures/welsh_search/).

    .venv/bin/python -m bench.welsh_search

Builds the set's documents into a search index with the kit's own code (site_search.index.search_json),
once with the Welsh pipeline (search.cy.json) and once with the English one every site had before
(search.json), and runs each query as search/ does: lunr.js 2.3.9 in node with the kit's
search-query.js (the last word also as a prefix, as while typing). Recall is the share of the
documents a query should find that it finds, precision the share of those found that it should find,
both over all the queries' documents together.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

KIT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(KIT_ROOT / "plugins"))

from site_search.documents import SearchDocument  # noqa: E402
from site_search.index import search_json  # noqa: E402

TEST_SET = KIT_ROOT / "tests" / "fixtures" / "welsh_search"
# search/'s own query code, with lunr.js from npm as the page's window.lunr
QUERY_SCRIPT = """
import lunr from "lunr";
import { readFileSync } from "node:fs";
globalThis.window = { lunr };
const { runQuery } = await import("./theme/static/js/search-query.js");
const data = JSON.parse(readFileSync(process.argv[1], "utf8"));
const index = lunr.Index.load(data.index);
const out = {};
for (const query of JSON.parse(readFileSync(process.argv[2], "utf8"))) {
  out[query] = runQuery(index, query, data.language).map((hit) => data.docs[Number(hit.ref)][1]);
}
console.log(JSON.stringify(out));
"""


@dataclass(frozen=True)
class Figures:
    language: str
    queries: int
    answered: int  # queries that found every document they should
    relevant: int  # documents the queries should find, over all queries
    found: int  # documents found, over all queries
    right: int  # documents found that should be

    @property
    def recall(self) -> float:
        return self.right / self.relevant

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0


def welsh_test_set() -> tuple[dict[str, tuple[str, str]], dict[str, list[str]]]:
    """({document id: (title, text)}, {query: [the document ids it should find]})."""
    documents = yaml.safe_load((TEST_SET / "documents.yaml").read_text(encoding="utf-8"))
    queries = yaml.safe_load((TEST_SET / "queries.yaml").read_text(encoding="utf-8"))
    return {key: tuple(value) for key, value in documents.items()}, queries


def search_documents(documents: dict[str, tuple[str, str]], lang: str) -> list[SearchDocument]:
    """The set's documents as a site's Welsh pages; each one's path is its id, so results name it."""
    return [
        SearchDocument(
            url=f"https://example.org/{key}",
            site_url="https://example.org/",
            title=title,
            kind="page",
            site="The Test Party",
            date="",
            snippet=text,
            body=text,
            lang=lang,
        )
        for key, (title, text) in sorted(documents.items())
    ]


def run_queries(data: bytes, queries: list[str]) -> dict[str, list[str]]:
    """{query: the ids of the documents search/ lists for it, best first}, for the index ``data``."""
    with tempfile.TemporaryDirectory() as folder:
        index_file, query_file = Path(folder, "search.json"), Path(folder, "queries.json")
        index_file.write_bytes(data)
        query_file.write_text(json.dumps(queries), encoding="utf-8")
        result = subprocess.run(
            ["node", "--input-type=module", "-e", QUERY_SCRIPT, str(index_file), str(query_file)],
            cwd=KIT_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(result.stdout)


def found_by(language: str, queries: list[str] | None = None) -> dict[str, list[str]]:
    """{query: what search/ lists for it}, for the test set's queries or ``queries``."""
    documents, test_queries = welsh_test_set()
    queries = list(test_queries) if queries is None else queries
    site_documents = search_documents(documents, language)
    data = search_json(site_documents, site="The Test Party", branch_search=False, language=language)
    return run_queries(data, list(queries))


def figures(language: str, found: dict[str, list[str]] | None = None) -> Figures:
    _, queries = welsh_test_set()
    found = found_by(language) if found is None else found
    right = {query: set(found[query]) & set(wanted) for query, wanted in queries.items()}
    return Figures(
        language=language,
        queries=len(queries),
        answered=sum(right[query] == set(wanted) for query, wanted in queries.items()),
        relevant=sum(len(wanted) for wanted in queries.values()),
        found=sum(len(found[query]) for query in queries),
        right=sum(len(r) for r in right.values()),
    )


def main(argv: list[str] | None = None) -> int:
    documents, queries = welsh_test_set()
    print(f"{len(queries)} Welsh queries over {len(documents)} documents (tests/fixtures/welsh_search/)")
    print(f"{'pipeline':<28} {'recall':>7} {'precision':>9} {'all found':>10}")
    for language, name in (("en", "English (before)"), ("cy", "Welsh (search.cy.json)")):
        f = figures(language)
        print(f"{name:<28} {f.recall:>7.1%} {f.precision:>9.1%} {f.answered:>4} of {f.queries}")
    if "--misses" in (argv if argv is not None else sys.argv[1:]):
        found = found_by("cy")
        for query, wanted in queries.items():
            missed, extra = sorted(set(wanted) - set(found[query])), sorted(set(found[query]) - set(wanted))
            if missed or extra:
                print(f"  {query}: missed {missed}, also found {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
