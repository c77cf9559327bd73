"""Run every plugin's checks over every site folder and collect the problems."""

from __future__ import annotations

from .problems import ProblemList
from .signals import check_site
from .sites import site_folders


def collect_problems(settings: dict) -> ProblemList:
    report = ProblemList(root=settings.get("KIT_ROOT") or settings["PATH"])
    check_site.send(settings, sites=site_folders(settings), report=report)
    return report


def check_project(settings: dict) -> ProblemList:
    """Load every plugin in PLUGINS (each connects its checks), then run the checks.

    For `make check` and tests: a build runs the checks from its own Pelican.
    """
    from pelican import Pelican

    settings = {**settings, "EDITOR_CHECKS_ON_BUILD": False}
    Pelican(settings)
    return collect_problems(settings)
