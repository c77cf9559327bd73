"""The build, stage by stage: what happens, in which order, and which part of the kit does it.

Pelican runs a build as a sequence of signals (``initialized``, the generators' ``generate_context``
and ``generate_output``, ``all_generators_finalized``, ``finalized``...) and, for each signal, runs
its receivers in the order they were connected. The kit's parts are Pelican plugins, each
connecting its receivers and generators in its ``register``; ``register`` here connects them in
the order of ``STAGES``, so each stage's receivers run after those of the stages above it:

1. start: one build at a time per checkout, the build's "now", every setting filled in and
   checked (the first receiver of all, ``check_settings`` below); a build with nothing changed
   since the last one ends here, writing nothing;
2. read and check the content of every site, the main site and every branch, and refuse to build
   on an error, before anything is written;
3. build the branches whose inputs changed, side by side in worker processes; each hands the main
   site its typed record (``branch_subsites.records``);
4. aggregate the branches into the national site: the calls to action (Join, Donate, Volunteer,
   the newsletter), then the directory and the official channels that show them, the national
   calendars and the events pages;
5. write what is made from everything the build found: pictures, the search index, the theme's
   files under hashed names, the privacy notice and the accessibility statement, the 404 page,
   sitemaps, robots.txt and security.txt;
6. the publish steps: compressed copies of every text file written.

Skipping, pruning and safe writing run throughout: ``incremental_build`` says how. A site's own
plugins (``PLUGINS`` after ``"build_pipeline"``) connect after every stage of the kit.
"""

from __future__ import annotations

import importlib
import logging
import os
from dataclasses import dataclass

from pelican import signals

from content_schema.last_word import end_without_traceback
from content_schema.problems import ProblemList
from kit_settings.declared_settings import (
    SettingsProblems,
    apply_declared_settings,
    settings_files,
    where_set,
)

from .plugin_list import plugin_list_problems

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """One stage of the build: what it does, and the kit parts that do it, in their order."""

    does: str
    parts: tuple[str, ...]


STAGES = (
    Stage(
        "start: one build at a time, the build's 'now', every setting checked; nothing changed, nothing done",
        ("incremental_build",),
    ),
    Stage(
        "read and check every site's content, and refuse to build on an error",
        (
            "editor_checks",
            "front_matter",
            # converts every text once and keeps its HTML (front_matter.converted_texts), which the
            # checks after it and the build read
            "html_policy",
            "content_links",
            "file_policy",
            "absolute_addresses",
            "imprints",
            "old_addresses",
        ),
    ),
    Stage("build the branches whose inputs changed, in worker processes", ("branch_subsites",)),
    Stage(
        "aggregate the branches into the national site",
        ("calls_to_action", "branch_directory", "official_channels", "events"),
    ),
    Stage(
        "write what is made from everything found: pictures, search, theme files, notices, site files",
        (
            # gettext and the dates in every template's language: it connects to generator_init, which
            # each generator sends as it is made, before any page is written
            "interface_language",
            "responsive_images",
            "site_search",
            # the lists again in each other language of the site: after the generators it reuses
            "language_lists",
            "hashed_assets",
            "party_brand",
            "privacy_notice",
            "accessibility_statement",
            "site_files",
            "browser_editor",
        ),
    ),
    Stage("publish: compressed copies of every text file written", ("precompressed_files",)),
)

# Every part of the kit, in the order its receivers are connected.
PARTS = tuple(part for stage in STAGES for part in stage.parts)

# Parts of the kit that run as commands, outside the build (`branchsites server-config`): nothing to
# connect, but a site may set their settings, which a build checks with every part's.
TOOLS = ("server_configs",)

# The plugins whose declared settings a build fills in and checks (kit_settings.declared_settings).
DECLARING = PARTS + TOOLS


def check_settings(pelican) -> None:
    """``initialized``, first of all: PLUGINS (plugin_list), then every kit setting filled in and
    checked (kit_settings), every problem of both reported at once before anything is read."""
    end_without_traceback(pelican)  # a settings error ends the build with its list, not a traceback
    settings = pelican.settings
    report = ProblemList(root=settings.get("KIT_ROOT") or os.path.dirname(os.path.abspath(settings["PATH"])))
    plugin_list_problems(settings.get("PLUGINS", ()), *where_set("PLUGINS", settings_files(settings)), report, STAGES)
    try:
        warnings = apply_declared_settings(settings)
    except SettingsProblems as problems:
        report.problems.extend(problems.problems)
        warnings = []
    if report.errors:
        raise SettingsProblems(report.sorted())
    for warning in warnings:
        log.warning("%s:%s: %s. Fix: %s", warning.path, warning.line, warning.message, warning.fix)


def register() -> None:
    """Connect the pipeline's own check first, then every part of the kit in the order of STAGES."""
    signals.initialized.connect(check_settings)
    for part in PARTS:
        importlib.import_module(part).register()
