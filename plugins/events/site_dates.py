"""Every occurrence of a site's events, with each page address claimed once: the check and the
build both read a site's dates here, so that what the check passes the build can write."""

from __future__ import annotations

import datetime as dt

from editor_checks.addresses import AddressClaims

from .event_source import EventSeries
from .occurrences import Occurrence, TooManyOccurrences, expand
from .rsvp import rsvp_problem


def site_occurrences(
    series_list: list[EventSeries], settings: dict, now: dt.datetime, report, site_label: str, branch: str | None
) -> list[tuple[EventSeries, list[Occurrence]]]:
    """Each series with its occurrences; a series with too many dates, two series with one name and
    two occurrences at one address, and an RSVP page off the party's websites are problems in
    ``report`` (the caller stops if there are any). ``branch`` is the site's branch slug, None for
    the main site (a branch's events may also take RSVPs on the domain the party gave it)."""
    limit = settings["EVENTS_MAX_OCCURRENCES"]
    names, addresses, uids = AddressClaims(), AddressClaims(), AddressClaims()
    expanded = []
    for series in series_list:
        names.claim(series.slug, series.source_path, series.slug_line)
        if series.uid is not None:
            uid = uid_problem(series, settings["EVENTS_UID_DOMAIN"])
            if uid is not None:
                report.error(*uid)
                continue
            uids.claim(series.uid.casefold(), series.source_path, series.uid_line)
        rsvp = rsvp_problem(series, settings, branch)
        if rsvp is not None:
            report.error(*rsvp)
            continue
        try:
            occurrences = expand(series, now, settings["EVENTS_HORIZON_MONTHS"], settings["EVENTS_PAST_MONTHS"], limit)
        except TooManyOccurrences as too_many:
            report.error(*too_many.problem())
            continue
        for occurrence in occurrences:
            line = series.repeat_line if series.repeat else series.slug_line
            addresses.claim(occurrence.slug, series.source_path, line)
        expanded.append((series, occurrences))
    names.report_clashes(
        report,
        f"two events in {site_label} have the same name `{{address}}`: {{names}}",
        "Rename one of the files, or add a different `slug:` line.",
    )
    uids.report_clashes(
        report,
        f"two events in {site_label} have the same `uid` `{{address}}`: {{names}}",
        "A calendar would show only one of them: delete the `uid:` line of the one that was not imported.",
    )
    addresses.report_clashes(
        report,
        f"two dates of events in {site_label} would have the same web address `{{address}}`: {{names}}",
        "Rename one of the files, or add a different `slug:` line.",
    )
    return expanded


def uid_problem(series: EventSeries, uid_domain: str) -> tuple[str, int, str, str] | None:
    """(file, line, message, fix) for a `uid:` that could pass for one the kit makes: those end in
    `@` and EVENTS_UID_DOMAIN and name their site, so such a `uid` in a branch's file could replace
    another site's event in the calendars of everyone who subscribed to it."""
    if series.uid.casefold().endswith(f"@{uid_domain}".casefold()):
        return (
            series.source_path,
            series.uid_line,
            f"`uid` is `{series.uid}`, which ends in @{uid_domain}, as the calendar names the kit gives events do",
            "Delete the `uid:` line: the kit names this event in calendars itself. "
            "Keep a `uid` only for an event imported from another calendar.",
        )
    return None
