"""`make bench`: build a synthetic national site and measure the kit against a naive baseline.

    python -m bench.run [--branches 650] [--news 30] [--events 20] [--pages 5] [--seed 1]
                        [--naive-sample N] [--kit-only] [--work DIR]

Steps, each in a fresh process, "now" fixed by SOURCE_DATE_EPOCH:
  1. cold build (no cache, no output)
  2. rebuild with nothing changed (run 5 times: the median, and each time printed; the first follows
     the cold build straight away)
  3. rebuild after editing one branch's news post
  4. rebuild after editing one main-site page
  5. rebuild after editing one branch's event (its calendars and the national ones change)
  6. the naive baseline: one plain `pelican` per branch and one for the main site, one after another
     (with --naive-sample N, N branches are built and the time scaled to all of them)
For each: wall seconds, files and pages written, pages per second, peak memory of the process tree,
output bytes, and the speed-up against the naive baseline. Then the search and calendar budgets;
the run fails if a calendar is over its budget. With --kit-only, only step 1 and the budgets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from .measure import run_measured, snapshot, written
from .naive_settings import write_naive_settings
from .synthetic_site import generate

KIT_ROOT = Path(__file__).resolve().parent.parent
NOW = "1798761600"  # 2027-01-01 00:00 UTC


def _env() -> dict:
    paths = [KIT_ROOT, KIT_ROOT / "plugins", KIT_ROOT / "src"]  # the kit's src/: as installed
    return {**os.environ, "SOURCE_DATE_EPOCH": NOW, "PYTHONPATH": os.pathsep.join(map(str, paths))}


def _build(project: Path):
    return run_measured([sys.executable, "-m", "bench.build_site", str(project)], KIT_ROOT, _env())


def _row(name, run, before, after, baseline=None):
    files = written(before, after)
    pages = [f for f in files if f.endswith(".html")]
    size = sum(s for _, s in after.values())
    return {
        "step": name,
        "seconds": run.seconds,
        "files": len(files),
        "pages": len(pages),
        "pages_per_s": len(pages) / run.seconds if run.seconds else 0,
        "peak_mb": run.peak_mb,
        "output_mb": size / 1e6,
        "ratio": (baseline / run.seconds) if baseline else None,
        "ok": run.returncode == 0,
        "written": files,
    }


def naive(project: Path, work: Path, sample: int | None) -> tuple[float, float, int]:
    """(seconds for everything, peak MB, pages) of plain `pelican` runs one after another."""
    out = work / "naive-output"
    runs = write_naive_settings(project, out, work / "naive-settings")
    main, branches = runs[0], runs[1:]
    chosen = (
        branches if not sample or sample >= len(branches) else branches[:: max(1, len(branches) // sample)][:sample]
    )
    total, peak = 0.0, 0.0
    for name, content, settings_file in [main, *chosen]:
        result = run_measured(
            [sys.executable, "-m", "pelican", str(content), "-s", str(settings_file), "-q"], KIT_ROOT, _env()
        )
        if result.returncode != 0:
            raise SystemExit(f"naive build of {name} failed:\n{result.output[-2000:]}")
        seconds = result.seconds if name == "main" else result.seconds * len(branches) / len(chosen)
        total, peak = total + seconds, max(peak, result.peak_mb)
    pages = sum(1 for p in out.rglob("*.html"))
    pages = int(pages * (len(branches) / len(chosen))) if chosen is not branches else pages
    return total, peak, pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=650)
    parser.add_argument("--news", type=int, default=30)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--naive-sample", type=int, default=0, help="build N branches naively and scale (0: all)")
    parser.add_argument("--work", type=Path, default=None, help="where to build (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--kit-only", action="store_true", help="only the cold build and the budgets: no rebuilds, no naive baseline"
    )
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="kit-bench-"))
    if work.exists() and args.work:
        shutil.rmtree(work)
    project = generate(work / "site", branches=args.branches, news=args.news, events=args.events,
                       pages=args.pages, seed=args.seed)  # fmt: skip
    output = project / "output"
    print(f"bench: {args.branches} branches x ({args.news} news, {args.events} events, {args.pages} pages), "
          f"seed {args.seed}, in {work}", flush=True)  # fmt: skip

    rows, before = [], {}
    steps = [("cold build", None), ("rebuild, nothing changed", None)]
    branch_post = sorted((project / "branches").glob("*/news/*.md"))[len(list((project / "branches").iterdir())) // 2]
    branch_event = sorted((project / "branches").glob("*/events/*.md"))[
        len(list((project / "branches").iterdir())) // 3
    ]
    main_page = sorted((project / "content/pages").glob("*.md"))[0]
    steps += [
        ("rebuild, one branch post edited", branch_post),
        ("rebuild, one main page edited", main_page),
        ("rebuild, one branch event edited", branch_event),
    ]
    if args.kit_only:
        steps = steps[:1]
    for name, edit in steps:
        if edit is not None:  # a sentence more at the end: an event's description, a post's or page's text
            edit.write_text(edit.read_text(encoding="utf-8") + "\nOne more sentence, edited for the benchmark.\n")
        before = snapshot(output) if output.exists() else {}
        os.sync()  # the last step's 1.7 GB written out first: each step is timed on its own
        runs = [_build(project) for _ in range(5 if name == "rebuild, nothing changed" else 1)]
        failed = next((run for run in runs if run.returncode != 0), None)
        if failed is not None:
            print(failed.output[-3000:])
            raise SystemExit(f"bench: {name} failed")
        run = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]  # the median
        rows.append(_row(name, run, before, snapshot(output)))
        each = f" (median of {', '.join(f'{r.seconds:.2f}' for r in runs)})" if len(runs) > 1 else ""
        print(f"  {name}: {run.seconds:.2f} s{each}", flush=True)

    if args.kit_only:
        row = rows[0]
        print(f"\n{row['step']}: {row['seconds']:.2f} s, {row['pages']} pages, {row['files']} files,"
              f" peak {row['peak_mb']:.0f} MB, output {row['output_mb']:.1f} MB\n")  # fmt: skip
        return _budgets(output, work, args)
    naive_seconds, naive_peak, naive_pages = naive(project, work, args.naive_sample)
    print(f"  naive baseline: {naive_seconds:.1f} s", flush=True)
    for row in rows:
        row["ratio"] = naive_seconds / row["seconds"]

    print()
    header = ("step", "wall s", "pages", "files", "pages/s", "peak MB", "output MB", "vs naive")
    print(f"{header[0]:<34} " + " ".join(f"{h:>{w}}" for h, w in zip(header[1:], (8, 7, 7, 8, 8, 10, 9), strict=True)))
    for row in rows:
        print(f"{row['step']:<34} {row['seconds']:>8.2f} {row['pages']:>7} {row['files']:>7} {row['pages_per_s']:>8.0f}"
              f" {row['peak_mb']:>8.0f} {row['output_mb']:>10.1f} {row['ratio']:>8.1f}x")  # fmt: skip
    sampled = f" ({args.naive_sample} branches, scaled)" if args.naive_sample else ""
    print(f"{'naive baseline' + sampled:<34} {naive_seconds:>8.1f} {naive_pages:>7} {'':>7}"
          f" {naive_pages / naive_seconds:>8.0f} {naive_peak:>8.0f} {'':>10} {1:>8.1f}x")  # fmt: skip
    edited = rows[2]["written"]
    own = f"branches/{branch_post.parent.parent.name}/"
    outside = [f for f in edited if not f.startswith(own)]
    print(f"\nafter the branch edit, files rewritten: {len(edited)}; outside {own}: {outside[:12]}")
    print(f"after the main page edit, files rewritten: {rows[3]['files']}")
    event_site = f"branches/{branch_event.parent.parent.name}/"
    outside = [f for f in rows[4]["written"] if not f.startswith(event_site)]
    print(f"after the branch event edit, files rewritten: {rows[4]['files']}; outside {event_site}: {outside[:12]}")

    print()
    return _budgets(output, work, args)


def _budgets(output: Path, work: Path, args) -> int:
    from . import feed_budget, search_budget

    search_budget.report(output, 40)
    feeds_ok = feed_budget.report(output)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if feeds_ok else 1


if __name__ == "__main__":
    sys.exit(main())
