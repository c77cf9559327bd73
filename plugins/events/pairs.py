"""Bilingual events: an event and its translation, one event with two pages.

An event file with `translation_of:` (the slug or file of the event it translates), or sharing
another's slug in another language, is a translation, as with posts and pages (front_matter.pairs).
The original is the one in the site's own language (DEFAULT_LANG). Only the original is an event
in calendars, lists, the national site's pages and exports: one UID in every .ics. The translation
has its own page for each date, in its language, paired with the original's page of that date
(the language switch and hreflang alternates); a translation sharing the original's slug has its
pages under its language (`en/events/...`).
"""

from __future__ import annotations

import dataclasses
import os

from front_matter.pairs import is_path, same_language

from .event_source import EventSeries


def with_language(series: EventSeries, default_lang: str) -> EventSeries:
    """``series`` with its language as written, or the site's."""
    return series if series.lang else dataclasses.replace(series, lang=default_lang)


def pair_key(series: EventSeries, by_path: dict[str, EventSeries], site_root: str) -> str:
    """The slug of the event ``series`` translates, or its own."""
    target = series.translation_of
    if not target:
        return series.slug
    if is_path(target):
        found = by_path.get(os.path.normpath(os.path.join(site_root, target)))
        return found.slug if found else f"translation_of:{target}"
    return target


def split_pairs(
    series_list: list[EventSeries], default_lang: str, site_root: str
) -> tuple[list[EventSeries], list[tuple[EventSeries, EventSeries]]]:
    """(the events, each a calendar entry; [(translation, the event it translates)]), in file order.

    In a pair, the event in the site's language is the original; a pair with none in it keeps each
    as an event of its own (as Pelican keeps posts it cannot tell apart)."""
    series_list = [with_language(s, default_lang) for s in series_list]
    by_path = {os.path.normpath(s.source_path): s for s in series_list}
    groups: dict[str, list[EventSeries]] = {}
    for series in series_list:
        groups.setdefault(pair_key(series, by_path, site_root), []).append(series)
    originals, translations = [], []
    for series in series_list:
        group = groups[pair_key(series, by_path, site_root)]
        in_site_language = [s for s in group if same_language(s.lang, default_lang)]
        if len(group) == 1 or not in_site_language or series in in_site_language:
            originals.append(series)
        else:
            translations.append((series, in_site_language[0]))
    return originals, translations


def translation_address(url: str, save_as: str, translation: EventSeries, original: EventSeries) -> tuple[str, str]:
    """A translation's page of one date: under its language when it shares the original's slug."""
    if translation.slug != original.slug:
        return url, save_as
    return f"{translation.lang}/{url}", f"{translation.lang}/{save_as}"


def pair_pages(original_pages, translated_pages) -> None:
    """Each date's two pages linked to each other (by the date and time they start)."""
    by_start = {page.occurrence.starts_at: page for page in original_pages}
    for page in translated_pages:
        match = by_start.get(page.occurrence.starts_at)
        if match is not None:
            for other in match.translations:  # a third language's page of the same date
                other.translations.append(page)
                page.translations.append(other)
            match.translations.append(page)
            page.translations.append(match)
