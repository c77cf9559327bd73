"""Build changed branches in worker processes, skip unchanged ones, report progress."""

from __future__ import annotations

import contextlib
import datetime
import logging
import os
import shutil
import sys
import time
from concurrent.futures import as_completed

from pelican import Pelican
from pelican.log import console

from front_matter.converted_texts import forget_deleted_branches
from incremental_build.files import output_states, outputs_intact
from incremental_build.fingerprint import folder_digest, settings_digest, theme_and_code_digest
from incremental_build.pruning import written_now
from incremental_build.unchanged_build import take_held_until
from incremental_build.worker_pools import worker_pool

from .branch_config import Branch
from .branch_settings import branch_overrides, branch_settings
from .build_errors import collected_errors
from .build_record import BranchResult, load_record, record_path, save_record
from .reader_cache import prepare_reader_cache
from .shards import content_fingerprint, portable_key

log = logging.getLogger(__name__)

# The main site's settings, in a worker process only: set by the pool's initializer (handed down
# pickled to a spawned worker, as they are when forked) and read by build_branch.
_worker_settings: dict | None = None


def _start_worker(settings: dict) -> None:
    global _worker_settings
    _worker_settings = settings
    console.quiet = True  # one "Done: processed" line per branch would drown the progress


def build_branch(branch: Branch, fingerprint: str, settings_key: str, content_key: str) -> BranchResult:
    """Build one branch into its own output folder (runs in a worker).

    Files whose content is unchanged are left alone, and files the build no longer makes are
    removed at its end (incremental_build), so a deleted post leaves no page behind."""
    started = time.perf_counter()
    content = content_fingerprint(content_key, branch.folder)  # before the run, as the fingerprint was
    settings = branch_settings(branch, _worker_settings)
    output = settings["OUTPUT_PATH"]
    prepare_reader_cache(settings["CACHE_PATH"], settings_key)
    with collected_errors() as errors:  # the worker's console is quiet: the errors come back here
        Pelican(settings).run()
    if errors:  # reported with the others once every branch has run; not recorded as good
        detail = "\n    ".join(errors)
        return BranchResult(branch.slug, True, error=detail, seconds=time.perf_counter() - started)
    exports = settings["BRANCH_EXPORTS"]
    stale_at = take_held_until(settings)  # when the branch's plugins said its pages go out of date
    if stale_at is not None:  # (its next event ends, security.txt's Expires moves on)
        exports.valid_until = stale_at.isoformat()
    files = sorted(written_now(output))  # the kit's own files: another plugin's stay out of the record
    return BranchResult(
        slug=branch.slug,
        built=True,
        fingerprint=fingerprint,
        content=content,
        exports=exports,
        files=files,
        states=output_states(output, files),
        seconds=time.perf_counter() - started,
    )


def _expired(record: BranchResult, now) -> bool:
    """A build that shows "upcoming" things is stale once its `valid_until` has passed."""
    valid_until = record.exports.valid_until
    return bool(valid_until and now and now >= datetime.datetime.fromisoformat(valid_until))


class Progress:
    """Branches done / total: a live line on a terminal, one summary line elsewhere."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.live = hasattr(stream, "isatty") and stream.isatty()

    def step(self, slug: str) -> None:
        self.done += 1
        if self.live:
            self.stream.write(f"\rBuilding branches: {self.done}/{self.total} ({slug})\033[K")
            self.stream.flush()

    def finish(self, message: str) -> None:
        if self.live:
            self.stream.write("\r\033[K")
        self.stream.write(message + "\n")
        self.stream.flush()


def build_branches(branches: list[Branch], settings: dict) -> dict[str, BranchResult]:
    """Build every changed branch; reuse the last build of the others.

    The branches whose files changed are sent to the worker processes first; while they build, this
    process checks that every output file of the others is still there as that branch's build left it
    (160,000 files at 650 branches), and sends any branch that lost one, or whose file was written
    over, after them."""
    started = time.perf_counter()
    cache_root = settings["BRANCH_CACHE_PATH"]
    shared = theme_and_code_digest(settings)  # the code part is read once per build, shared with the checks
    results: dict[str, BranchResult] = {}
    todo: list[tuple[Branch, str, str, str]] = []
    candidates = []  # unchanged since their last build, if their output is all there
    for branch in branches:
        overrides = branch_overrides(branch, settings)
        # the settings key: the branch's settings and the shared inputs (what Pelican's reader cache
        # depends on besides each file); the fingerprint adds the branch's files
        settings_key = settings_digest(overrides, shared)
        fingerprint = folder_digest(branch.folder, settings_key)
        job = (branch, fingerprint, settings_key, portable_key(overrides, settings, shared))
        record = load_record(cache_root, branch.slug)
        if record and record.fingerprint == fingerprint and not _expired(record, settings.get("BUILD_NOW")):
            candidates.append((job, overrides["OUTPUT_PATH"], record))
        else:
            todo.append(job)
    todo.sort(key=lambda job: job[0].slug)

    cores = settings.get("BRANCH_BUILD_JOBS") or os.cpu_count() or 1
    futures, jobs = [], 0
    with contextlib.ExitStack() as pools:  # left by an error or Ctrl-C: the branches not started are dropped
        pool = None
        if todo:  # a worker for each core while any branch may still join the queue
            jobs = max(1, min(cores, len(todo) + len(candidates)))
            pool = pools.enter_context(_pool(jobs, settings))
            futures = [pool.submit(build_branch, *job) for job in todo]
        # unchanged branches missing an output file or holding one written over since (or missing a
        # cache file the main site reads): built last
        lost = []
        for job, output, record in candidates:
            cache_files = record.exports.cache_files
            if outputs_intact(output, record.states) and all(map(os.path.isfile, cache_files)):
                results[job[0].slug] = record
            else:
                lost.append(job)
        if lost:
            if pool is None:
                jobs = max(1, min(cores, len(lost)))
                pool = pools.enter_context(_pool(jobs, settings))
            futures += [pool.submit(build_branch, *job) for job in lost]
        progress = Progress(len(futures))
        for future in as_completed(futures):
            result = future.result()
            results[result.slug] = result
            if result.error is None:
                save_record(cache_root, result)
            progress.step(result.slug)
    built = sum(r.built for r in results.values())
    progress.finish(
        f"branch_subsites: {len(branches)} branches, {built} built, {len(branches) - built} unchanged "
        f"({time.perf_counter() - started:.1f} s, {len(futures) and jobs} worker processes)"
    )
    return results


def _pool(jobs: int, settings: dict):
    """Worker processes for branch builds, each handed the main site's settings (pickled, when they
    are spawned rather than forked: incremental_build.worker_pools)."""
    return worker_pool(settings, jobs, _start_worker, (settings,))


def remove_stale_branch_outputs(settings: dict, branches: list[Branch]) -> None:
    """Delete the output of branches that no longer exist, their cache folder (build record, reader
    cache, exported records) and the HTML their checks kept (front_matter.converted_texts).

    Only what a branch build made (it left a build record) is removed: branches/ also holds the
    directory's own pages, such as branches/england/.
    """
    for name in forget_deleted_branches(settings, {b.slug for b in branches}):
        log.info("branch_subsites: removed the converted texts of a deleted branch (%s)", name)
    cache_root = settings["BRANCH_CACHE_PATH"]
    if not os.path.isdir(cache_root):
        return
    current = {b.slug for b in branches}
    root = os.path.join(settings["OUTPUT_PATH"], "branches")
    for name in sorted(os.listdir(cache_root)):
        if name in current or not os.path.isfile(record_path(cache_root, name)):
            continue
        path = os.path.join(root, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
            log.info("branch_subsites: removed the output of the deleted branch %s", name)
        _remove_inside(cache_root, name)
        log.info("branch_subsites: removed the cache of the deleted branch %s", name)


def _remove_inside(root: str, name: str) -> None:
    """Remove ``root``/``name``: a folder inside ``root`` (checked where it resolves), or only the link
    if it is one, so nothing outside the cache is ever deleted."""
    path = os.path.join(root, name)
    if os.path.islink(path) or not os.path.isdir(path):
        os.remove(path)
        return
    real_root = os.path.realpath(root)
    if os.path.dirname(os.path.realpath(path)) != real_root:
        raise RuntimeError(f"{path} resolves outside {real_root}: not removed")
    shutil.rmtree(path)
