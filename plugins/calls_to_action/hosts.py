"""Which hosts the actions are handed to, and whether each is one of the party's official domains."""

from __future__ import annotations

from urllib.parse import urlsplit

# The settings that hand a reader to another page, in the order they are checked and listed.
ACTION_SETTINGS = ("JOIN_URL", "DONATE_URL", "VOLUNTEER_URL", "NEWSLETTER_URL")


def host_of(address: str) -> str:
    return (urlsplit(address).hostname or "").lower()


def official_domains(settings: dict, own: tuple[str, ...] = ()) -> set[str]:
    """OFFICIAL_DOMAINS, SITEURL's host and ``own`` (a branch's own domain)."""
    domains = {d.lower() for d in settings["OFFICIAL_DOMAINS"]} | {d.lower() for d in own if d}
    site = host_of(settings.get("SITEURL") or "")
    if site:
        domains.add(site)
    return domains


def is_official(host: str, domains: set[str]) -> bool:
    """``host`` is an official domain or below one (join.party.example under party.example)."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def form_hosts(settings: dict, branches) -> list[str]:
    """Every host a newsletter form posts to: the party's and each branch's (Branch records)."""
    addresses = [settings["NEWSLETTER_URL"], *(branch.newsletter for branch in branches)]
    return sorted({host_of(a) for a in addresses if a})
