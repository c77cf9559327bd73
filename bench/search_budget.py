"""Search budgets: the size of each site's search data (gzipped) and the time a query takes in Chromium.

    python -m bench.search_budget OUTPUT [--queries N]

Budgets (issue 5): a branch's index and documents at most 50 KB gzipped (for about 60
documents), the main site's at most 300 KB at national scale, a query within 50 ms.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

from bench.local_browser import chromium, serving

BRANCH_BUDGET_KB = 50
MAIN_BUDGET_KB = 300
QUERY_BUDGET_MS = 50


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def search_sizes(output: Path) -> list[dict]:
    rows = []
    for data_path in sorted(output.rglob("search/search.json")):
        folder = data_path.parent.parent
        site = "(main)" if folder == output else folder.relative_to(output).as_posix()
        docs = len(json.loads(data_path.read_text(encoding="utf-8"))["docs"])
        rows.append({"site": site, "docs": docs, "raw": data_path.stat().st_size, "gzip": gzipped_size(data_path)})
    return rows


QUERY_TIMING = """
async ({queries, rounds}) => {
  const { runQuery } = await import("/theme/js/search-query.js");
  const data = await (await fetch("/search/search.json")).json();
  const t0 = performance.now();
  const index = window.lunr.Index.load(data.index);
  const load = performance.now() - t0;
  const times = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of queries) {
      const start = performance.now();
      runQuery(index, q);
      times.push(performance.now() - start);
    }
  }
  return { load, times };
}
"""


def query_times(output: Path, queries: list[str], rounds: int = 5) -> dict:
    """Load the main site's index in headless Chromium and time each query as search/ runs it."""
    with serving(output) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/search/")
        page.wait_for_function("() => window.lunr !== undefined")
        result = page.evaluate(QUERY_TIMING, {"queries": queries, "rounds": rounds})
    times = sorted(result["times"])
    return {
        "load_ms": result["load"],
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
        "count": len(times),
    }


def sample_queries(output: Path, count: int) -> list[str]:
    """Words from the main site's own result titles: queries that find things, plus prefixes."""
    data = json.loads((output / "search/search.json").read_text(encoding="utf-8"))
    words = [w for doc in data["docs"][:: max(1, len(data["docs"]) // count)] for w in doc[2].split()[:2]]
    queries = words[:count]
    return queries + [w[:3] for w in queries[: count // 4]] + ["branch meeting", "xyzzy"]


def report(output: Path, count: int) -> bool:
    rows = search_sizes(output)
    main = next((r for r in rows if r["site"] == "(main)"), None)
    branches = [r for r in rows if r["site"] != "(main)"]
    ok = True
    print("Search data (search/search.json), gzip -9:")
    print(f"  {'site':<34} {'docs':>6} {'raw KB':>9} {'gzip KB':>9} {'budget KB':>10}")
    shown = ([main] if main else []) + sorted(branches, key=lambda r: -r["gzip"])[:5]
    for row in shown:
        budget = MAIN_BUDGET_KB if row is main else BRANCH_BUDGET_KB
        over = row["gzip"] / 1024 > budget
        ok &= not over
        print(
            f"  {row['site']:<34} {row['docs']:>6} {row['raw'] / 1024:>9.1f} {row['gzip'] / 1024:>9.1f} "
            f"{budget:>10}{'  OVER' if over else ''}"
        )
    if branches:
        sizes = [r["gzip"] / 1024 for r in branches]
        over = [r for r in branches if r["gzip"] / 1024 > BRANCH_BUDGET_KB]
        ok &= not over
        print(
            f"  {len(branches)} branches: median {statistics.median(sizes):.1f} KB, largest {max(sizes):.1f} KB,"
            f" {len(over)} over {BRANCH_BUDGET_KB} KB"
        )
    if main:
        timing = query_times(output, sample_queries(output, count))
        slow = timing["max_ms"] > QUERY_BUDGET_MS
        ok &= not slow
        print(
            f"Main site query time in Chromium ({timing['count']} queries): median {timing['median_ms']:.1f} ms,"
            f" 95th percentile {timing['p95_ms']:.1f} ms, slowest {timing['max_ms']:.1f} ms"
            f" (budget {QUERY_BUDGET_MS} ms){'  OVER' if slow else ''}; index load {timing['load_ms']:.0f} ms once"
        )
    return ok


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=Path("output"))
    parser.add_argument("--queries", type=int, default=40)
    args = parser.parse_args(argv)
    sys.exit(0 if report(args.output, args.queries) else 1)


if __name__ == "__main__":
    main()
