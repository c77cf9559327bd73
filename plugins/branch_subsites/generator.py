"""The main site's generator that builds every branch and gathers their exports."""

from __future__ import annotations

import datetime as dt
import os

from pelican.generators import Generator

from content_schema import ContentProblems, ProblemList
from incremental_build import site_folders
from incremental_build.unchanged_build import add_outputs, holds_until

from .assemble import assembled_branches
from .branch_config import Branch, load_branches
from .branch_settings import branch_path, branch_site_url, main_site_url
from .build_record import BranchResult
from .exports import latest_branch_news
from .parallel_build import build_branches, remove_stale_branch_outputs


class BranchBuildFailed(Exception):
    exitcode = 1


def checked_branches(settings: dict) -> list[Branch]:
    """Every branch, each folder given to its branch before anything is written (the main site never
    writes in them); ContentProblems when a branch.yaml has an error."""
    report = ProblemList(root=settings["KIT_ROOT"])
    branches = load_branches(settings, report)
    if report.errors:
        raise ContentProblems(report.sorted())
    for branch in branches:
        folder = os.path.join(settings["OUTPUT_PATH"], branch_path(branch.slug))
        site_folders.give(folder, f"branch {branch.slug} (branches/{branch.slug}/)")
    return branches


def built_or_failed(branches: list[Branch], settings: dict) -> dict[str, BranchResult]:
    """build_branches, and BranchBuildFailed naming every branch that failed (once all have run)."""
    results = build_branches(branches, settings)
    failed = [r for r in results.values() if r.error]
    if failed:
        lines = "\n".join(f"  branches/{r.slug}: {r.error}" for r in sorted(failed, key=lambda r: r.slug))
        raise BranchBuildFailed(f"{len(failed)} branch(es) failed to build:\n{lines}")
    return results


class BranchSubsitesGenerator(Generator):
    """Reads every branch.yaml, builds the branch subsites, aggregates for the main site."""

    def generate_context(self):
        branches = checked_branches(self.settings)
        if self.settings["BRANCH_ASSEMBLE"]:  # every branch from the records its shard left: none is built
            results = assembled_branches(branches, self.settings)
        else:
            results = built_or_failed(branches, self.settings)
        remove_stale_branch_outputs(self.settings, branches)
        # each branch's folder in output/ is its own build's to prune, not the main site's
        self.settings["OUTPUT_PRUNE_KEEP"] = [branch_path(b.slug) for b in branches]
        for branch in branches:  # what the next build checks before it skips everything
            result = results[branch.slug]
            add_outputs(self.settings, branch_path(branch.slug), result.states)
            if result.exports.valid_until:
                holds_until(self.settings, dt.datetime.fromisoformat(result.exports.valid_until))

        entries = []
        for branch in branches:
            entry = branch.as_dict()
            entry["url"] = branch_site_url(branch, self.settings)
            entry["pages_built"] = results[branch.slug].pages
            entries.append(entry)
        self.context["branches"] = entries
        self.context["branch_results"] = results
        self.context["branch_news"] = latest_branch_news(
            entries, results, self.settings["HOME_BRANCH_NEWS"], main_site_url(self.settings)
        )
