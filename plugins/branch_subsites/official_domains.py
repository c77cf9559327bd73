"""Which domains are the party's, and whether an address is on one: the one answer that branch.yaml's
checks, the calls to action, the official-channels page, events' RSVP pages and the server
configurations all give.

Only the party says which domains are its own: OFFICIAL_DOMAINS, the main site's host and, for a
branch, the domain the national team gave it (BRANCH_GIVEN_DOMAINS). A branch's `domain:` is an
editor's input: it counts for nothing until it is the domain the party gave that branch. A
newsletter form, besides, posts only to one of NEWSLETTER_HOSTS (calls_to_action's setting), which
bound the servers' Content-Security-Policy form-action.

branch_subsites owns this module because it is the first part of the build that asks (branch.yaml
is read and checked before anything else of a branch's); the parts after it import it from here.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from content_schema.fields import UNREAD_IN_ADDRESS

# A host as a browser reads it from an address: ASCII labels (an international name in its xn-- form)
HOST_LABELS = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")


def host_of(address: str) -> str:
    """The host of an http or https address, in lower case; "" for anything else, and for an address
    whose host a browser might read otherwise (a backslash, white space or a control character
    anywhere in it, or a host that is neither plain ASCII labels nor an IP address)."""
    if UNREAD_IN_ADDRESS.search(address):
        return ""
    try:
        parts = urlsplit(address)
        host = (parts.hostname or "").lower()
    except ValueError:  # an unclosed [ in an IPv6 address
        return ""
    if parts.scheme not in ("http", "https"):
        return ""
    if HOST_LABELS.fullmatch(host):
        return host
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return ""


def given_domain(settings: dict, slug: str) -> str | None:
    """The domain the national team gave branch ``slug`` (BRANCH_GIVEN_DOMAINS), in lower case, or None."""
    given = (settings.get("BRANCH_GIVEN_DOMAINS") or {}).get(slug)
    return given.lower() if given else None


def branch_domain(settings: dict, slug: str, declared: str | None) -> str | None:
    """A branch's `domain:` when it is the one the party gave that branch, else None: the only branch
    domain listed as the party's, served, or taken as official for the branch's pages."""
    if declared and declared.lower() == given_domain(settings, slug):
        return declared.lower()
    return None


def official_domains(settings: dict, branch: str | None = None) -> list[str]:
    """The party's own domains, in the order it gives them: OFFICIAL_DOMAINS, the main site's host
    (MAIN_SITEURL's in a branch's build, whose SITEURL is the branch's) and, for ``branch`` (a slug),
    the domain the party gave that branch."""
    hosts = [d.lower() for d in settings["OFFICIAL_DOMAINS"]]
    site = host_of(settings.get("MAIN_SITEURL") or settings.get("SITEURL") or "")
    if site:
        hosts.append(site)
    given = given_domain(settings, branch) if branch else None
    if given:
        hosts.append(given)
    return list(dict.fromkeys(hosts))


def is_official(host: str, domains: list[str]) -> bool:
    """``host`` is one of ``domains`` or below one (join.party.example under party.example)."""
    return bool(host) and any(host == domain or host.endswith("." + domain) for domain in domains)


def unofficial_problem(key: str, address: str, domains: list[str], how_to_add: str) -> tuple[str, str] | None:
    """(message, fix) when ``address`` is not on one of ``domains``, else None; ``how_to_add`` ends the
    fix, saying how the domain becomes the party's (e.g. "add it to OFFICIAL_DOMAINS in pelicanconf.py";
    `{host}` in it is the address's host)."""
    host = host_of(address)
    if is_official(host, domains):
        return None
    if not host:
        return (
            f"{key} is {address!r}, whose site a browser may read otherwise than this check does",
            "Copy the address from the browser's address bar: no backslash, space or tab in it, and the "
            "site's name in plain letters (an international name in its xn-- form).",
        )
    add = how_to_add.replace("{host}", host)
    return (
        f"{key} is {address!r}: {host} is not one of the party's official domains "
        f"({', '.join(sorted(domains)) or 'none listed'}), so readers cannot tell it from a fake",
        f"Give the address of the party's own page, or, if the party runs {host}, {add}.",
    )


def newsletter_host_problem(key: str, address: str, settings: dict, how_to_add: str) -> tuple[str, str] | None:
    """(message, fix) when the newsletter form at ``address`` posts to a host that is not one of
    NEWSLETTER_HOSTS, the only hosts the server configurations' Content-Security-Policy lets a form
    post to (its form-action): a form posting elsewhere would widen it, so it is refused instead."""
    host = host_of(address)
    allowed = [h.lower() for h in settings["NEWSLETTER_HOSTS"]]
    if host in allowed:
        return None
    return (
        f"{key} is {address!r}: a newsletter form may post only to the party's newsletter hosts "
        f"(NEWSLETTER_HOSTS: {', '.join(allowed) or 'none listed'}), and {host} is not one of them",
        f"Give the address of a form on one of those hosts, or, if the party runs the list at {host}, {how_to_add}.",
    )
