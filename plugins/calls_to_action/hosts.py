"""Which hosts the actions are handed to: the settings that name them, and the hosts the newsletter
forms post to (the server configurations' form-action). Whether a host is official is
branch_subsites.official_domains' answer, the same for every part of the kit."""

from __future__ import annotations

from branch_subsites.official_domains import host_of

# The settings that hand a reader to another page, in the order they are checked and listed.
ACTION_SETTINGS = ("JOIN_URL", "DONATE_URL", "VOLUNTEER_URL", "NEWSLETTER_URL")


def form_hosts(settings: dict, branches) -> list[str]:
    """Every host a newsletter form posts to: the party's and each branch's (Branch records)."""
    addresses = [settings["NEWSLETTER_URL"], *(branch.newsletter for branch in branches)]
    return sorted({host_of(a) for a in addresses if a})
