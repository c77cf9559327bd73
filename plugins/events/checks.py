"""Checks for event files in every site folder (a check_site receiver)."""

from __future__ import annotations

import os
from collections import defaultdict

from .event_source import parse_event_file
from .generator import event_files


def check_event_files(settings, sites, report) -> None:
    for site in sites:
        slugs = defaultdict(list)
        for path in event_files(os.path.join(site.path, settings["EVENTS_PATH"])):
            series = parse_event_file(path, report)
            if series is not None:
                slugs[series.slug].append(path)
        for slug, paths in slugs.items():
            if len(paths) > 1:
                names = ", ".join(report.display_path(p) for p in paths)
                for path in paths:
                    report.error(
                        path,
                        1,
                        f"two events in {site.label} have the same name `{slug}`: {names}",
                        "Rename one of the files, or add a different `slug:` line.",
                    )
