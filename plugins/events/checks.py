"""Checks for event files in every site folder (a check_site receiver)."""

from __future__ import annotations

import os

from front_matter.document import size_limit
from front_matter.language_checks import Entry, check_languages, site_languages
from incremental_build.clock import build_now

from .event_source import parse_event_file
from .generator import event_files
from .pairs import split_pairs
from .site_dates import site_occurrences


def check_event_files(settings, sites, report) -> None:
    now = settings.get("BUILD_NOW") or build_now()
    for site in sites:
        series_list = []
        for path in event_files(os.path.join(site.path, settings["EVENTS_PATH"])):
            series = parse_event_file(path, report, max_bytes=size_limit(settings))
            if series is not None:
                series_list.append(series)
        languages = site_languages(settings, site)
        check_languages([event_entry(s, languages.default) for s in series_list], languages, site, report)
        # an event and its translation are one event: their dates are checked once, the translation's apart
        originals, translations = split_pairs(series_list, languages.default, site.path)
        site_occurrences(originals, settings, now, report, site.label, site.slug)
        site_occurrences([t for t, _ in translations], settings, now, report, site.label, site.slug)


def event_entry(series, default_lang: str) -> Entry:
    return Entry(
        path=series.source_path,
        kind="event",
        slug=series.slug,
        lang=series.lang or default_lang,
        lang_line=series.lang_line,
        target=series.translation_of,
        target_line=series.translation_of_line,
    )
