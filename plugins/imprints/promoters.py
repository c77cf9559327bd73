"""Who promotes a piece of material, and on whose behalf: the national promoter (settings), a
branch's own (branch.yaml `promoter`), a page's, post's or event's own (front matter `promoter`).
The most specific one applies."""

from __future__ import annotations

from dataclasses import dataclass

from .wording import PROMOTED_BY, PROMOTED_ON_BEHALF, PROMOTED_ON_BEHALF_SAME_ADDRESS, same_address


@dataclass(frozen=True)
class Promoter:
    """A person or body named in an imprint, with the postal address it gives."""

    name: str
    address: str


@dataclass(frozen=True)
class Imprint:
    """Who promotes the material, and the person on whose behalf it is published (None: nobody else)."""

    promoter: Promoter
    on_behalf_of: Promoter | None

    def sentence(self, words=None) -> str:
        """The imprint as one plain-text sentence (escape it where it is written), in the language of
        ``words`` (interface_language's translations; English without)."""
        gettext = words.gettext if words is not None else str
        other = self.on_behalf_of
        if other is None or other == self.promoter:
            return gettext(PROMOTED_BY).format(promoter=self.promoter.name, promoter_address=self.promoter.address)
        if same_address(self.promoter.address, other.address):
            return gettext(PROMOTED_ON_BEHALF_SAME_ADDRESS).format(
                promoter=self.promoter.name, on_behalf_of=other.name, address=self.promoter.address
            )
        return gettext(PROMOTED_ON_BEHALF).format(
            promoter=self.promoter.name,
            promoter_address=self.promoter.address,
            on_behalf_of=other.name,
            on_behalf_of_address=other.address,
        )

    def as_dict(self) -> dict:
        """For JSON: the sentence, and who is named in it."""
        return {
            "text": self.sentence(),
            "promoter": {"name": self.promoter.name, "address": self.promoter.address},
            "on_behalf_of": (
                {"name": self.on_behalf_of.name, "address": self.on_behalf_of.address} if self.on_behalf_of else None
            ),
        }


def national_imprint(settings) -> Imprint | None:
    """The party's imprint from IMPRINT_PROMOTER_* and IMPRINT_ON_BEHALF_OF_*; None while the
    promoter is not set (the settings check stops the build then)."""
    name, address = settings.get("IMPRINT_PROMOTER_NAME"), settings.get("IMPRINT_PROMOTER_ADDRESS")
    if not name or not address:
        return None
    promoter = Promoter(name, address)
    other_name, other_address = settings.get("IMPRINT_ON_BEHALF_OF_NAME"), settings.get("IMPRINT_ON_BEHALF_OF_ADDRESS")
    other = Promoter(other_name, other_address) if other_name and other_address else None
    return Imprint(promoter, other)


def more_specific(own: Imprint | None, wider: Imprint | None) -> Imprint | None:
    """``own`` (a branch's or a page's) over ``wider``: published on the party's behalf unless it
    names someone else, so without an `on_behalf_of` of its own it takes the wider imprint's (or,
    when that names nobody else, the wider promoter, which is then the party itself)."""
    if own is None:
        return wider
    if own.on_behalf_of is not None or wider is None:
        return own
    behalf = wider.on_behalf_of or wider.promoter
    return Imprint(own.promoter, None if behalf == own.promoter else behalf)


def site_imprint(settings) -> Imprint | None:
    """A site's imprint: in a branch build, its branch.yaml `promoter` if it has one, else the
    national one."""
    branch = settings.get("BRANCH") or {}
    return more_specific(branch.get("promoter"), national_imprint(settings))


def content_imprint(settings, metadata) -> Imprint | None:
    """A page's, post's or event's imprint: its front matter `promoter` if it has one, else its site's."""
    own = (metadata or {}).get("promoter")
    return more_specific(own if isinstance(own, Imprint) else None, site_imprint(settings))
