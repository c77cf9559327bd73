"""Run every plugin's checks over every site folder and collect the problems."""

from __future__ import annotations

import os

from content_schema.problems import Problem, ProblemList
from incremental_build.build_lock import hold_build_lock, release_build_lock
from incremental_build.worker_pools import register_plugins, worker_pool

from .signals import check_site
from .site_cache import CheckedSites
from .sites import SiteFolder, site_folders

# Below this many sites to check, worker processes cost more than they save.
PARALLEL_FROM = 16


def collect_problems(settings: dict, skip_unchanged: bool = False) -> ProblemList:
    """Every check over every site; with ``skip_unchanged`` (the build's own check), sites unchanged
    since their last clean check are not read again and their stored warnings are reported."""
    report = ProblemList(root=settings.get("KIT_ROOT") or settings["PATH"])
    sites = site_folders(settings)
    if not skip_unchanged:
        run_checks(settings, sites, report)
        return report
    record = CheckedSites(settings)
    changed = []
    for site in sites:
        stored = record.unchanged(site)
        if stored is None:
            changed.append(site)
        else:
            report.extend(stored)
    run_checks(settings, changed, report)
    record.save(changed, report.sorted(), report.root)
    return report


def run_checks(settings: dict, sites: list[SiteFolder], report: ProblemList) -> None:
    """Send check_site for ``sites``: in one process, or split over EDITOR_CHECKS_JOBS worker processes
    (default: one per core) when there are many. Checking all 651 sites of a national project reads
    about 36,000 files, 40 s in one process; each site's checks are independent of the others'.

    A check of the whole project (branch.yaml files, CODEOWNERS) runs in every worker; its problems,
    the same in each, are counted once (ProblemList.sorted)."""
    jobs = min(settings.get("EDITOR_CHECKS_JOBS") or os.cpu_count() or 1, len(sites) // (PARALLEL_FROM // 2) or 1)
    if jobs <= 1 or len(sites) < PARALLEL_FROM:
        _send_in_groups(settings, sites, report)
        return
    chunks = [sites[index::jobs] for index in range(jobs)]  # every jobs-th site: branch sizes even out
    with worker_pool(settings, jobs, _start_worker, (settings, report.root)) as pool:
        for problems in pool.map(_check_chunk, chunks):
            report.extend(problems)


# In a worker only: the settings and the report's root, set by the pool's initializer (pickled for a
# spawned worker: incremental_build.worker_pools).
_worker_state: tuple[dict, str] | None = None


def _start_worker(settings: dict, root: str) -> None:
    global _worker_state
    _worker_state = (settings, root)
    if not check_site.receivers:  # a spawned worker: no plugin has connected its checks yet
        register_plugins(settings)


# A worker sends the checks this many sites at a time: every check reads a site's files, and the
# documents read last are remembered (front_matter.document), so the checks after the first find
# them still there. The checks of the whole project run once a send; their problems count once.
SITES_AT_ONCE = 16


def _send_in_groups(settings: dict, sites: list[SiteFolder], report: ProblemList) -> None:
    """check_site for ``sites``, SITES_AT_ONCE at a time; once with none when there are none, for the
    checks of the whole project (the logos, every branch.yaml) when no site changed."""
    for start in range(0, max(len(sites), 1), SITES_AT_ONCE):
        check_site.send(settings, sites=sites[start : start + SITES_AT_ONCE], report=report)


def _check_chunk(sites: list[SiteFolder]) -> list[Problem]:
    settings, root = _worker_state
    report = ProblemList(root=root)
    _send_in_groups(settings, sites, report)
    return report.problems


def check_project(settings: dict) -> ProblemList:
    """Load every plugin in PLUGINS (each connects its checks), then run the checks.

    For `make check` and tests: a build runs the checks from its own Pelican.
    """
    from pelican import Pelican

    settings = {**settings, "EDITOR_CHECKS_ON_BUILD": False}
    took = hold_build_lock(settings)  # a build running at once would change what is checked
    try:
        Pelican(settings)
        return collect_problems(settings)
    finally:
        if took:
            release_build_lock(settings)
