"""`make html SHARD=i/N` (BRANCH_SHARD): one slice of the branches, and nothing of the national site.

A shard's build checks every site's content as any build does, then builds the branches of its
slice (shards.shard_of) as a whole build would, into output/branches/<slug>/, leaving each one's
build record and the cache files the national site reads in BRANCH_CACHE_PATH. It does not run the
national site's generators at all: Pelican's run is replaced by this one, which writes no page,
feed or file of the national site and prunes none of them. `make assemble` (assemble.py) then builds
the national site from every shard's output and records.

The whole build's record (incremental_build.unchanged_build) neither skips a shard's build nor is
left describing an output folder a shard has changed: a shard's build never skips, and forgets it.
"""

from __future__ import annotations

import time

from pelican.log import console

from incremental_build.build_lock import hold_build_lock, release_build_lock
from incremental_build.fingerprint import forget_folder_states
from incremental_build.unchanged_build import forget_last_build

from .generator import built_or_failed, checked_branches
from .parallel_build import remove_stale_branch_outputs
from .shards import parse_shard, shard_of


class ShardSettingsConflict(Exception):
    exitcode = 1


def build_shard(settings: dict) -> list[str]:
    """Build the branches of BRANCH_SHARD's slice; the slugs built or found unchanged."""
    started = time.perf_counter()
    index, count = parse_shard(settings["BRANCH_SHARD"])
    branches = checked_branches(settings)
    mine = [branch for branch in branches if shard_of(branch.slug, count) == index]
    built_or_failed(mine, settings)
    remove_stale_branch_outputs(settings, branches)  # every shard knows every branch: only deleted ones go
    seconds = time.perf_counter() - started
    console.print(
        f"Done: shard {index} of {count}: {len(mine)} of {len(branches)} branches, with their build records; "
        f"no national page (`make assemble` makes them from every shard's) in {seconds:.2f} seconds."
    )
    return [branch.slug for branch in mine]


def split_build(pelican) -> None:
    """``initialized``: in a shard's build, its run builds the shard alone (above)."""
    settings = pelican.settings
    if settings.get("BRANCH") or not (settings["BRANCH_SHARD"] or settings["BRANCH_ASSEMBLE"]):
        return
    if settings["BRANCH_SHARD"] and settings["BRANCH_ASSEMBLE"]:
        raise ShardSettingsConflict(
            f"BRANCH_SHARD is {settings['BRANCH_SHARD']!r} and BRANCH_ASSEMBLE is True: a build either builds one "
            "shard of the branches (make html SHARD=i/N) or assembles the national site from them all "
            "(make assemble), never both."
        )
    if not settings["BRANCH_SHARD"]:
        return  # assembling: Pelican's own run, whose branch generator reads every shard's records

    def run_shard():
        hold_build_lock(settings)  # as incremental_build's own wrapper of the run does
        try:
            forget_last_build(settings)
            build_shard(settings)
        finally:
            forget_folder_states()
            release_build_lock(settings)

    pelican.run = run_shard
