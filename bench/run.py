"""`make bench`: build a synthetic national site with the kit and measure it against one plain `pelican` and Hugo.

    python -m bench.run [--branches 650] [--news 30] [--events 20] [--pages 5] [--seed 1]
                        [--skip-plain] [--skip-hugo] [--naive | --naive-sample N] [--shards N]
                        [--kit-only] [--work DIR] [--keep]

The kit's steps, each in a fresh process, "now" fixed by SOURCE_DATE_EPOCH:
  1. cold build (no cache, no output)
  2. rebuild with nothing changed (run 5 times: the medians of wall and of CPU time, and each time
     printed; the first follows the cold build straight away)
  3. rebuild after editing one branch's news post
  4. rebuild after editing one main-site page
  5. rebuild after editing one branch's event (its calendars and the national ones change)
The baselines, each over the same Markdown, all of it (the main site's and every branch's news,
events and pages), from converted copies of it (bench/baseline_sites.py says why and how):
  A. plain Pelican: ONE single-process `pelican` run of it all as one site, with the default theme
     and no plugins (--skip-plain: not run)
  B. Hugo (Debian's package; scripts/ensure-bench-tools.sh installs it, `make bench` runs that):
     `hugo --quiet` of it all as one site, with minimal layouts that render a page for each post,
     event and page (title, date, content, tags), a paginated list for each section (a site's
     news, events, pages; the branches) and the tags (--skip-hugo: not run)
  C. with --naive (or --naive-sample N: N branches, the time scaled to all): the older baseline,
     one `pelican` with the kit's settings and plugins per site, one after another
For each: wall seconds, CPU seconds (user + system of the whole process tree, its worker
processes included: bench/measure.py), files and pages written, pages per second, peak memory of
the process tree, output MB. Then the ratios of the kit's cold build to the baselines, each beside
the target of issue 23 (faster than one plain pelican, within 4x Hugo's CPU time and 1.5x its wall
time); the cold build's output files and bytes by kind (bench/output_kinds.py); the search and
calendar budgets (the run fails if a calendar is over its budget). With --shards N, the estimate
of bench/shard_estimate.py for a build split in N shards, from the project as the steps leave it.
With --kit-only, only step 1, its output by kind and the budgets.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))  # the kit, as installed

from .baseline_sites import write_hugo_site, write_plain_site
from .measure import Run, run_measured, snapshot, written
from .output_kinds import table
from .synthetic_site import generate

KIT_ROOT = Path(__file__).resolve().parent.parent
NOW = "1798761600"  # 2027-01-01 00:00 UTC
UNCHANGED_RUNS = 5
# Issue 23's targets for the kit's cold build: (what, baseline, measure, at most)
TARGETS = [
    ("CPU", "plain pelican", "cpu", 1.0),
    ("wall", "plain pelican", "seconds", 1.0),
    ("CPU", "Hugo", "cpu", 4.0),
    ("wall", "Hugo", "seconds", 1.5),
]


def _env() -> dict:
    paths = [KIT_ROOT, KIT_ROOT / "plugins", KIT_ROOT / "src"]  # the kit's src/: as installed
    return {**os.environ, "SOURCE_DATE_EPOCH": NOW, "PYTHONPATH": os.pathsep.join(map(str, paths))}


def _plain_env() -> dict:
    """The environment of a baseline: without the kit on the path."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def _build(project: Path):
    return run_measured([sys.executable, "-m", "bench.build_site", str(project)], KIT_ROOT, _env())


def _row(name, run: Run, before, after, cpu=None):
    files = written(before, after)
    pages = [f for f in files if f.endswith(".html")]
    size = sum(s for _, s in after.values())
    return {
        "step": name,
        "seconds": run.seconds,
        "cpu": run.cpu_seconds if cpu is None else cpu,
        "files": len(files),
        "pages": len(pages),
        "peak_mb": run.peak_mb,
        "output_mb": size / 1e6,
        "written": files,
    }


def _baseline_row(name, run: Run, output: Path) -> dict:
    files = snapshot(output)
    return {
        "step": name,
        "seconds": run.seconds,
        "cpu": run.cpu_seconds,
        "files": len(files),
        "pages": sum(1 for f in files if f.endswith(".html")),
        "peak_mb": run.peak_mb,
        "output_mb": sum(s for _, s in files.values()) / 1e6,
    }


def _measured(name: str, command: list[str], cwd: Path, env: dict) -> Run:
    os.sync()  # what the last step wrote out first: each step is timed on its own
    result = run_measured(command, cwd, env)
    if result.returncode != 0:
        raise SystemExit(f"bench: {name} failed:\n{result.output[-3000:]}")
    return result


def plain_pelican(settings: Path, output: Path, work: Path) -> dict:
    """Baseline A: one plain single-process `pelican` run over all the Markdown."""
    command = [sys.executable, "-m", "pelican", "-s", str(settings), "-q"]
    run = _measured("plain pelican", command, work, _plain_env())
    return _baseline_row("plain pelican, one process", run, output)


def hugo_version() -> str:
    found = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"v(\d+\.\d+\.\d+)", found)
    return match.group(1) if match else found.strip()


def hugo(site: Path, output: Path, work: Path) -> dict:
    """Baseline B: `hugo --quiet` over all the Markdown, its cache in the work folder (cold)."""
    command = ["hugo", "--quiet", "-s", str(site), "-d", str(output), "--cacheDir", str(work / "hugo-cache")]
    run = _measured("hugo", command, work, _plain_env())
    return _baseline_row(f"Hugo {hugo_version()}", run, output)


def naive(project: Path, work: Path, sample: int | None) -> dict:
    """Baseline C: plain `pelican` runs with the kit's settings, one per site, one after another."""
    from .naive_settings import write_naive_settings

    out = work / "naive-output"
    runs = write_naive_settings(project, out, work / "naive-settings")
    main, branches = runs[0], runs[1:]
    chosen = (
        branches if not sample or sample >= len(branches) else branches[:: max(1, len(branches) // sample)][:sample]
    )
    total, cpu, peak = 0.0, 0.0, 0.0
    for name, content, settings_file in [main, *chosen]:
        command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings_file), "-q"]
        result = _measured(f"naive build of {name}", command, KIT_ROOT, _env())
        scale = 1 if name == "main" else len(branches) / len(chosen)
        total, cpu, peak = total + result.seconds * scale, cpu + result.cpu_seconds * scale, max(peak, result.peak_mb)
    files = snapshot(out)
    scale = len(branches) / len(chosen) if chosen is not branches else 1
    sampled = f" ({len(chosen)} branches scaled)" if chosen is not branches else ""
    return {
        "step": f"naive, per site{sampled}",
        "seconds": total,
        "cpu": cpu,
        "files": int(len(files) * scale),
        "pages": int(sum(1 for f in files if f.endswith(".html")) * scale),
        "peak_mb": peak,
        "output_mb": sum(s for _, s in files.values()) * scale / 1e6,
    }


def print_table(rows: list[dict]) -> None:
    header = ("step", "wall s", "CPU s", "CPU/wall", "pages", "files", "pages/s", "peak MB", "output MB")
    widths = (8, 8, 8, 7, 7, 8, 8, 10)
    print(f"{header[0]:<40} " + " ".join(f"{h:>{w}}" for h, w in zip(header[1:], widths, strict=True)))
    for row in rows:
        rate = row["pages"] / row["seconds"] if row["seconds"] else 0
        parallel = row["cpu"] / row["seconds"] if row["seconds"] else 0
        print(f"{row['step']:<40} {row['seconds']:>8.2f} {row['cpu']:>8.2f} {parallel:>8.2f} {row['pages']:>7}"
              f" {row['files']:>7} {rate:>8.0f} {row['peak_mb']:>8.0f} {row['output_mb']:>10.1f}")  # fmt: skip


def print_ratios(cold: dict, baselines: dict[str, dict | None], skipped: dict[str, str]) -> None:
    print(f"\n{'the cold build against the baselines':<40} {'ratio':>8}   {'target':<8}")
    for what, name, key, most in TARGETS:
        label, target = f"kit {what} / {name} {what}", f"{'<' if most == 1 else '<='} {most:g}x"
        baseline = baselines.get(name)
        if baseline is None:
            print(f"{label:<40} {'-':>8}   {target:<8} skipped ({skipped[name]})")
            continue
        ratio = cold[key] / baseline[key] if baseline[key] else float("inf")
        met = ratio < most if most == 1 else ratio <= most
        print(f"{label:<40} {ratio:>7.2f}x   {target:<8} {'met' if met else 'NOT MET'}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    parser.add_argument("--branches", type=int, default=650)
    parser.add_argument("--news", type=int, default=30)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--pages", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-plain", action="store_true", help="no plain pelican baseline")
    parser.add_argument("--skip-hugo", action="store_true", help="no Hugo baseline")
    parser.add_argument("--naive", action="store_true", help="also the naive baseline: one kit pelican per site")
    parser.add_argument("--naive-sample", type=int, default=0, help="the naive baseline of N branches, scaled")
    parser.add_argument("--shards", type=int, default=0, help="estimate a build in N shards (0: no estimate)")
    parser.add_argument("--work", type=Path, default=None, help="where to build (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument(
        "--kit-only", action="store_true", help="only the cold build and the budgets: no rebuilds, no baselines"
    )
    args = parser.parse_args(argv)
    if args.kit_only:
        args.skip_plain = args.skip_hugo = True
    if not args.skip_hugo and shutil.which("hugo") is None:
        raise SystemExit("bench: Hugo is not installed: scripts/ensure-bench-tools.sh installs it, or --skip-hugo")
    if args.shards and importlib.util.find_spec("bench.shard_estimate") is None:
        raise SystemExit("bench: --shards needs bench/shard_estimate.py, which is not there")

    work = args.work or Path(tempfile.mkdtemp(prefix="kit-bench-"))
    if work.exists() and args.work:
        shutil.rmtree(work)
    project = generate(work / "site", branches=args.branches, news=args.news, events=args.events,
                       pages=args.pages, seed=args.seed)  # fmt: skip
    output = project / "output"
    print(f"bench: {args.branches} branches x ({args.news} news, {args.events} events, {args.pages} pages), "
          f"seed {args.seed}, in {work}", flush=True)  # fmt: skip
    # the baselines' copies of the Markdown, before the steps edit it
    plain = None if args.skip_plain else write_plain_site(project, work / "plain")
    hugo_site = None if args.skip_hugo else write_hugo_site(project, work / "hugo")

    rows, before = [], {}
    steps = [("cold build", None), (f"rebuild, nothing changed (median of {UNCHANGED_RUNS})", None)]
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
    cold_files = {}
    for number, (name, edit) in enumerate(steps):
        if edit is not None:  # a sentence more at the end: an event's description, a post's or page's text
            edit.write_text(edit.read_text(encoding="utf-8") + "\nOne more sentence, edited for the benchmark.\n")
        before = snapshot(output) if output.exists() else {}
        runs = []
        for _ in range(UNCHANGED_RUNS if number == 1 else 1):
            os.sync()  # the last step's output written out first: each step is timed on its own
            runs.append(_build(project))
            if runs[-1].returncode != 0:
                print(runs[-1].output[-3000:])
                raise SystemExit(f"bench: {name} failed")
        run = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]  # the median
        after = snapshot(output)
        rows.append(_row(name, run, before, after, cpu=statistics.median(r.cpu_seconds for r in runs)))
        if number == 0:
            cold_files = {path: size for path, (_, size) in after.items()}
        each = f" (each: {', '.join(f'{r.seconds:.2f} s, CPU {r.cpu_seconds:.2f} s' for r in runs)})"
        print(f"  {name}: {run.seconds:.2f} s, CPU {rows[-1]['cpu']:.2f} s{each if len(runs) > 1 else ''}", flush=True)

    baselines: dict[str, dict | None] = {"plain pelican": None, "Hugo": None}
    skipped = {"plain pelican": "--skip-plain", "Hugo": "--skip-hugo"}
    if plain is not None:
        baselines["plain pelican"] = plain_pelican(*plain, work)
        print(f"  plain pelican: {baselines['plain pelican']['seconds']:.2f} s", flush=True)
    if hugo_site is not None:
        baselines["Hugo"] = hugo(hugo_site, work / "hugo-output", work)
        print(f"  Hugo: {baselines['Hugo']['seconds']:.2f} s", flush=True)
    naive_row = None
    if (args.naive or args.naive_sample) and not args.kit_only:
        naive_row = naive(project, work, args.naive_sample)
        print(f"  naive baseline: {naive_row['seconds']:.1f} s", flush=True)

    print()
    print_table(rows + [row for row in (*baselines.values(), naive_row) if row is not None])
    if not args.kit_only:
        print_ratios(rows[0], baselines, skipped)
    if naive_row is not None:
        print(f"{'naive wall / kit wall (speed-up)':<40} {naive_row['seconds'] / rows[0]['seconds']:>7.2f}x")
    if not args.kit_only:
        edited = rows[2]["written"]
        own = f"branches/{branch_post.parent.parent.name}/"
        outside = [f for f in edited if not f.startswith(own)]
        print(f"\nafter the branch edit, files rewritten: {len(edited)}; outside {own}: {outside[:12]}")
        print(f"after the main page edit, files rewritten: {rows[3]['files']}")
        event_site = f"branches/{branch_event.parent.parent.name}/"
        outside = [f for f in rows[4]["written"] if not f.startswith(event_site)]
        print(f"after the branch event edit, files rewritten: {rows[4]['files']}; outside {event_site}: {outside[:12]}")

    print("\nthe cold build's output:")
    print("\n".join(table(cold_files)))
    print()
    ok = _budgets(output)
    if args.shards:
        _shard_estimate(project, args.shards, rows[0])
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


def _shard_estimate(project: Path, shards: int, cold: dict) -> None:
    """bench/shard_estimate.py's estimate: each shard built from a clean copy one after another, then
    the assembly, for the project as the steps left it; the longest shard plus the assembly is the
    wall time a matrix of that many runners would see."""
    estimate = importlib.import_module("bench.shard_estimate").estimate(project, shards, _env())
    matrix, longest = estimate["wall_seconds"], estimate["longest_shard_seconds"]
    each = ", ".join(f"{seconds:.1f}" for seconds in estimate["shard_seconds"])
    print(f"\nshard split, {shards} shards (bench/shard_estimate.py): shards {each} s; longest {longest:.2f} s,"
          f" assembling {estimate['assemble_seconds']:.2f} s, a matrix's wall {matrix:.2f} s"
          f" ({matrix / cold['seconds']:.2f}x the cold build's {cold['seconds']:.2f} s on one runner)")  # fmt: skip


def _budgets(output: Path) -> bool:
    from . import feed_budget, search_budget

    search_budget.report(output, 40)
    return feed_budget.report(output)


if __name__ == "__main__":
    sys.exit(main())
