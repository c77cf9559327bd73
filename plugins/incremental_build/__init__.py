"""incremental_build: how a build decides what to make again, and how it writes what it makes.

A build with nothing changed ends at once (``unchanged_build``, from the digests in ``fingerprint``);
files derived from many inputs are made again only when their inputs change (``derived``); a page
whose bytes are the same is left alone (``writer``), and what the last build wrote and this one did
not is removed (``produced``, ``pruning``). Every write is whole or not at all (``atomic``) and lands
inside its site's output folder (``containment``, ``site_folders``); one build runs at a time per
checkout (``build_lock``), and branch builds run in worker processes (``worker_pools``).

The same input gives byte-identical files: "now" is SOURCE_DATE_EPOCH when it is set
(https://reproducible-builds.org/), else the time the build started; every site of one build shares
it (``clock``), and feeds do not carry the time they were built (``feeds``).
"""

from .register import register

__all__ = ["register"]
