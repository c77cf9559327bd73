"""Build a project folder (content/ and branches/) with the kit's settings: the kit's own build.

    python -m bench.build_site PROJECT [--shard i/N | --assemble]

--shard i/N builds only the i-th of N slices of the branches (BRANCH_SHARD, `make html SHARD=i/N`);
--assemble builds the national site from every shard's output and records (BRANCH_ASSEMBLE, `make
assemble`); without either, the whole site, as `make html`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pelican import Pelican

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from kit_testing import kit_on_path, project_settings


def _shard(value: str) -> str:
    kit_on_path()
    from branch_subsites.shards import shard_problem

    problem = shard_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(f"{value!r}: {problem}")
    return value


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.build_site", description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    split = parser.add_mutually_exclusive_group()
    split.add_argument("--shard", type=_shard, metavar="i/N", help="build only the i-th of N slices of the branches")
    split.add_argument("--assemble", action="store_true", help="the national site from every shard's records")
    args = parser.parse_args(argv)
    overrides = {}
    if args.shard:
        overrides["BRANCH_SHARD"] = args.shard
    if args.assemble:
        overrides["BRANCH_ASSEMBLE"] = True
    Pelican(project_settings(args.project, **overrides)).run()


if __name__ == "__main__":
    main()
