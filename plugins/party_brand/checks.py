"""The check of the party's logos, before anything is built (and in `make check`): a logo that is
not a PNG or SVG, too big, outside the site's folder or an SVG the kit cannot clean stops the
build, named with its fix."""

from __future__ import annotations

from content_schema.problems import ProblemList

from .logo_file import LogoProblem, logo_path, read_logo


def check_logos(settings, sites, report: ProblemList) -> None:
    """A check of the whole project: the national site's logos, which every branch shows too."""
    if settings.get("BRANCH"):
        return
    for setting in ("BRAND_LOGO", "BRAND_LOGO_DARK"):
        path = logo_path(settings, setting)
        if not path:
            continue
        try:
            read_logo(path, settings)
        except LogoProblem as problem:
            for message, fix in problem.problems:
                report.error(problem.path, 0, f"{setting}: {message}", fix)
