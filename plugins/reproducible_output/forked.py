"""Spread many small independent jobs (walking 650 branch folders, checking 160,000 output files)
over worker processes forked from the build, one per core."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor


def map_forked(function: Callable, items: Sequence, jobs: int | None = None, at_least: int = 64) -> list:
    """``[function(item) for item in items]``, in worker processes when there are ``at_least`` items
    and more than one core. ``function`` must be a module-level function (sent by name); items and
    results are pickled."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(items) < at_least:
        return [function(item) for item in items]
    chunks = [list(items[index::jobs]) for index in range(jobs)]  # every jobs-th item: sizes even out
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        done = list(pool.map(_run_chunk, [function] * jobs, chunks))
    results = [None] * len(items)
    for index, chunk_results in enumerate(done):
        results[index::jobs] = chunk_results
    return results


def _run_chunk(function: Callable, chunk: list) -> list:
    return [function(item) for item in chunk]
