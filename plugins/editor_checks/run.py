"""Run every plugin's checks over every site folder and collect the problems."""

from __future__ import annotations

from .problems import ProblemList
from .signals import check_site
from .site_cache import CheckedSites
from .sites import site_folders


def collect_problems(settings: dict, skip_unchanged: bool = False) -> ProblemList:
    """Every check over every site; with ``skip_unchanged`` (the build's own check), sites unchanged
    since their last clean check are not read again and their stored warnings are reported."""
    report = ProblemList(root=settings.get("KIT_ROOT") or settings["PATH"])
    sites = site_folders(settings)
    if not skip_unchanged:
        check_site.send(settings, sites=sites, report=report)
        return report
    record = CheckedSites(settings)
    changed = []
    for site in sites:
        stored = record.unchanged(site)
        if stored is None:
            changed.append(site)
        else:
            report.extend(stored)
    check_site.send(settings, sites=changed, report=report)
    record.save(changed, report.sorted(), report.root)
    return report


def check_project(settings: dict) -> ProblemList:
    """Load every plugin in PLUGINS (each connects its checks), then run the checks.

    For `make check` and tests: a build runs the checks from its own Pelican.
    """
    from pelican import Pelican

    settings = {**settings, "EDITOR_CHECKS_ON_BUILD": False}
    Pelican(settings)
    return collect_problems(settings)
