"""Worker processes that build or check side by side, started the same way on every platform.

Linux starts them by `fork` (each a copy of the build so far), macOS and Windows by `spawn` (a fresh
interpreter that imports what it needs and is handed its arguments pickled); Python 3.14 defaults
to `forkserver` on Linux, which works as `spawn` does. So a pool never relies on what a fork
inherits: everything a worker needs reaches it through the initializer's arguments, picklably, and
the kit's plugins (found through PLUGIN_PATHS, which Pelican does not put on sys.path) are
importable in the worker. WORKER_START_METHOD chooses ("fork", "spawn", "forkserver"); None, the
platform's default.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor

from pelican.plugins._utils import load_plugins


class UnknownStartMethod(Exception):
    exitcode = 1


def start_method(settings: dict) -> str | None:
    """WORKER_START_METHOD, checked; None: the platform's default."""
    method = settings.get("WORKER_START_METHOD")
    if method is not None and method not in multiprocessing.get_all_start_methods():
        choices = ", ".join(repr(m) for m in multiprocessing.get_all_start_methods())
        raise UnknownStartMethod(
            f"WORKER_START_METHOD = {method!r} is no way to start processes here: set one of {choices}, "
            "or None for this platform's default"
        )
    return method


@contextlib.contextmanager
def worker_pool(settings: dict, jobs: int, initializer: Callable, initargs: tuple) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``jobs`` worker processes, each set up by ``initializer(*initargs)``. Left by an
    error (or Ctrl-C), the jobs not started are dropped; else the pool waits for every job.

    A spawned worker unpickles the initializer, and so imports its plugin, before it runs anything,
    with the sys.path of its parent at the moment it starts: the folders of PLUGIN_PATHS are on
    this process's sys.path while the pool lives."""
    added = [os.path.abspath(p) for p in settings.get("PLUGIN_PATHS", []) if os.path.abspath(p) not in sys.path]
    sys.path.extend(added)
    try:
        pool = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(start_method(settings)),
            initializer=initializer,
            initargs=initargs,
        )
        try:
            yield pool
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
        pool.shutdown()
    finally:
        for path in added:
            sys.path.remove(path)


def register_plugins(settings: dict) -> None:
    """Connect every plugin of PLUGINS in this process, as a Pelican does as it starts (its
    init_plugins): for a worker that runs a signal without a Pelican of its own. A forked worker has
    its parent's receivers already; a spawned one starts with none, and a signal sent with none
    connected does nothing, silently."""
    for plugin in load_plugins(settings):
        plugin.register()
