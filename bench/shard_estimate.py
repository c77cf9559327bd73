"""How long a build split across N CI runners would take, measured on this machine.

    python -m bench.shard_estimate PROJECT --shards N [--work DIR] [--keep]

Each shard starts from a clean copy of the project (content/, branches/ and the rest, new file
times, no output/ and no .cache/, as a runner's checkout), and is built one after another with
`python -m bench.build_site COPY --shard i/N`. Their output/ and .cache/branches/ are then gathered
into one more clean copy, as artifacts (new inodes and times), which `python -m bench.build_site COPY
--assemble` makes the national site of. The runners of a matrix build side by side, so the wall
time they would see is the longest shard and the assembly after it (set-up, checkout and the
artifacts' transfer left out). Each shard here has this whole machine: a runner with fewer cores
takes longer.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .measure import run_measured

KIT_ROOT = Path(__file__).resolve().parent.parent
# what a build makes in the project's folder, never in a checkout
BUILT = {"output", ".cache", "output.new", "output.old"}


def _checkout(project: Path, dest: Path) -> Path:
    """``project``'s own files at ``dest``, with new times (a fresh checkout): nothing a build made."""
    top = str(project)
    shutil.copytree(
        project,
        dest,
        ignore=lambda folder, names: BUILT.intersection(names) if folder == top else set(),
        copy_function=shutil.copyfile,
    )
    return dest


def _artifacts(shard: Path, dest: Path) -> None:
    """A shard's output/ and .cache/branches/ into ``dest``, as an artifact arrives: bytes only."""
    for folder in ("output", ".cache/branches"):
        if (shard / folder).is_dir():
            shutil.copytree(shard / folder, dest / folder, copy_function=shutil.copyfile, dirs_exist_ok=True)


def _build(folder: Path, env: dict, *options: str):
    os.sync()  # what the last build and copy wrote goes to disk first: each build is timed on its own
    run = run_measured([sys.executable, "-m", "bench.build_site", str(folder), *options], KIT_ROOT, env)
    if run.returncode != 0:
        raise SystemExit(f"bench: build_site {' '.join(options)} failed:\n{run.output[-3000:]}")
    return run


def estimate(project: Path, shards: int, env: dict, *, work: Path | None = None, keep: bool = False) -> dict:
    """Build ``project`` as ``shards`` shards, one after another, then assemble them (above); ``env``
    is the builds' environment (SOURCE_DATE_EPOCH, PYTHONPATH: bench.run's). Returns the seconds of
    each shard, the longest, the assembly, and the longest plus the assembly: the wall time of a
    matrix of ``shards`` runners. Built in ``work`` (default: a temporary folder, removed unless
    ``keep``)."""
    if shards < 1:
        raise ValueError("shards must be 1 or more")
    work = Path(work) if work is not None else Path(tempfile.mkdtemp(prefix="kit-shards-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        runs = []
        for index in range(1, shards + 1):
            folder = _checkout(project, work / f"shard-{index}")
            runs.append(_build(folder, env, "--shard", f"{index}/{shards}"))
        assembled = _checkout(project, work / "assembled")
        for index in range(1, shards + 1):
            _artifacts(work / f"shard-{index}", assembled)
        assembly = _build(assembled, env, "--assemble")
        longest = max(run.seconds for run in runs)
        return {
            "shards": shards,
            "shard_seconds": [run.seconds for run in runs],
            "longest_shard_seconds": longest,
            "assemble_seconds": assembly.seconds,
            "wall_seconds": longest + assembly.seconds,
            "peak_mb": max(run.peak_mb for run in [*runs, assembly]),
            "output": str(assembled / "output") if keep else None,
        }
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.shard_estimate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "project", type=Path, help="a project folder (content/ and branches/), e.g. bench.synthetic_site's"
    )
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--work", type=Path, default=None, help="where to build (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    paths = [KIT_ROOT, KIT_ROOT / "plugins", KIT_ROOT / "src"]
    env = {"SOURCE_DATE_EPOCH": "1798761600", **os.environ, "PYTHONPATH": os.pathsep.join(map(str, paths))}
    result = estimate(args.project.resolve(), args.shards, env, work=args.work, keep=args.keep)
    shards = ", ".join(f"{seconds:.1f}" for seconds in result["shard_seconds"])
    print(
        f"{result['shards']} shards: {shards} s; the longest {result['longest_shard_seconds']:.1f} s, then the "
        f"assembly {result['assemble_seconds']:.1f} s: {result['wall_seconds']:.1f} s on {result['shards']} runners"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
