"""Checks for event files in every site folder (a check_site receiver)."""

from __future__ import annotations

import os

from editor_checks.addresses import AddressClaims
from front_matter.document import size_limit

from .event_source import parse_event_file
from .generator import event_files


def check_event_files(settings, sites, report) -> None:
    for site in sites:
        claims = AddressClaims()
        for path in event_files(os.path.join(site.path, settings["EVENTS_PATH"])):
            series = parse_event_file(path, report, max_bytes=size_limit(settings))
            if series is not None:
                claims.claim(series.slug, path, series.slug_line)
        claims.report_clashes(
            report,
            f"two events in {site.label} have the same name `{{address}}`: {{names}}",
            "Rename one of the files, or add a different `slug:` line.",
        )
