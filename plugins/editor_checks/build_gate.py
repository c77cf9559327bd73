"""Refuse to build when the content has errors: check everything first."""

from __future__ import annotations

import logging
import sys

from pelican import signals

from content_schema.last_word import end_without_traceback
from content_schema.problems import ContentProblems
from content_schema.report import format_text, summary_line
from incremental_build.build_lock import release_build_lock

from .run import collect_problems
from .scaffold_text import check_scaffold_text
from .signals import check_site

log = logging.getLogger(__name__)


def check_before_build(pelican) -> None:
    """Run all checks once, on the main build only, before anything is written."""
    settings = pelican.settings
    if settings.get("BRANCH") or not settings["EDITOR_CHECKS_ON_BUILD"]:
        return
    report = collect_problems(settings, skip_unchanged=True)
    problems = report.sorted()
    if problems:
        print(format_text(problems), file=sys.stderr)
        print(f"editor_checks: {summary_line(problems)}", file=sys.stderr)
    if report.errors:
        release_build_lock(settings)  # nothing will be built: the next build need not wait for this process
        raise ContentProblems(problems, listed=True)


def register():
    signals.initialized.connect(end_without_traceback)  # first: the checks may stop the build
    signals.initialized.connect(check_before_build)
    check_site.connect(check_scaffold_text)  # text the scaffolding wrote, left for an editor to replace
