"""Run every plugin's checks over every site folder and collect the problems."""

from __future__ import annotations

from .problems import ProblemList
from .signals import check_site
from .sites import site_folders


def collect_problems(settings: dict) -> ProblemList:
    report = ProblemList(root=settings.get("KIT_ROOT") or settings["PATH"])
    check_site.send(settings, sites=site_folders(settings), report=report)
    return report
