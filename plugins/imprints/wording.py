"""The imprint's words: whole sentences with named placeholders, one per shape of imprint.

Each is a complete sentence so that a translation (the Welsh interface, a later issue) can put it
through gettext and reorder it as its language needs; nothing here joins words one by one.
"""

from __future__ import annotations

from interface_language import N_

# The promoter alone: nobody else on whose behalf it is published.
PROMOTED_BY = N_("Promoted by {promoter}, {promoter_address}.")
# On behalf of another person or body at the same address.
PROMOTED_ON_BEHALF_SAME_ADDRESS = N_("Promoted by {promoter} on behalf of {on_behalf_of}, both at {address}.")
# On behalf of another person or body at another address.
PROMOTED_ON_BEHALF = N_(
    "Promoted by {promoter}, {promoter_address}, on behalf of {on_behalf_of}, {on_behalf_of_address}."
)


def same_address(first: str, second: str) -> bool:
    """The same address however it is spaced or capitalised."""
    return " ".join(first.casefold().replace(",", " ").split()) == " ".join(second.casefold().replace(",", " ").split())
