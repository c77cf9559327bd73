"""An event's RSVP page: the address where people say they are coming (front matter `rsvp:`).

Saying you are coming is a sign-up, and the official-channels page tells readers that the party asks
for sign-ups only on its own websites: so the page must be on one of them (OFFICIAL_DOMAINS, the main
site's host, on a branch's site the domain the party gave that branch, or an address under one). The
schema has already refused anything but https.
"""

from __future__ import annotations

from branch_subsites.official_domains import host_of, is_official, official_domains


def rsvp_problem(series, settings: dict, branch: str | None) -> tuple[str, int, str, str] | None:
    """(file, line, message, fix) when the event's `rsvp` is not on one of the party's websites;
    ``branch`` is the slug of the branch whose event it is, None for the main site's."""
    if not series.rsvp:
        return None
    hosts = official_domains(settings, branch)
    if is_official(host_of(series.rsvp), hosts):
        return None
    return (
        series.source_path,
        series.rsvp_line,
        f"`rsvp` is {series.rsvp}, which is not on one of the party's websites ({', '.join(hosts) or 'none listed'})",
        "Put the RSVP form on one of the party's own websites, or ask the national web team to add its "
        "domain to OFFICIAL_DOMAINS (readers are told the party asks for sign-ups only on those).",
    )
