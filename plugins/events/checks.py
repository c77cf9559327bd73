"""Checks for event files in every site folder (a check_site receiver)."""

from __future__ import annotations

import os

from front_matter.document import size_limit
from incremental_build.clock import build_now

from .event_source import parse_event_file
from .generator import event_files
from .site_dates import site_occurrences


def check_event_files(settings, sites, report) -> None:
    now = settings.get("BUILD_NOW") or build_now()
    for site in sites:
        series_list = []
        for path in event_files(os.path.join(site.path, settings["EVENTS_PATH"])):
            series = parse_event_file(path, report, max_bytes=size_limit(settings))
            if series is not None:
                series_list.append(series)
        site_occurrences(series_list, settings, now, report, site.label, site.slug)
