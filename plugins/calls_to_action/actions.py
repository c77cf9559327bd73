"""What a site offers a reader to do next, and where each action is handed off: the party's settings,
with a branch's own `volunteer:` and `newsletter:` in their place for that branch."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Newsletter:
    """The sign-up form: where it posts, the hidden fields the list needs, and its fields' names."""

    url: str
    hidden: tuple[tuple[str, str], ...]
    email_field: str
    name_field: str  # "" for no name box
    owner: str  # whose list it is: the party's name, or the branch's


@dataclass(frozen=True)
class CallsToAction:
    """The addresses of Join, Donate and Volunteer ("" where not offered) and the newsletter form."""

    join: str
    donate: str
    volunteer: str
    volunteer_owner: str  # the branch's name when the branch takes its own volunteers, else the party's
    newsletter: Newsletter | None

    @property
    def links(self) -> tuple[tuple[str, str, str], ...]:
        """(key, label, address) of each action offered, in the order the theme shows them."""
        offered = (
            ("join", "Join", self.join),
            ("donate", "Donate", self.donate),
            ("volunteer", "Volunteer", self.volunteer),
        )
        return tuple(link for link in offered if link[2])

    @property
    def offered(self) -> bool:
        return bool(self.links or self.newsletter)


def site_actions(settings: dict, branch: dict | None) -> CallsToAction:
    """The actions of the party's site (``branch`` None) or of ``branch`` (a branch entry as the
    templates see it: its own volunteer page and newsletter, the party's Join and Donate)."""
    party = settings.get("MAIN_SITENAME") or settings["SITENAME"]
    volunteer, volunteer_owner = settings["VOLUNTEER_URL"], party
    newsletter = None
    if settings["NEWSLETTER_URL"]:
        newsletter = Newsletter(
            settings["NEWSLETTER_URL"],
            tuple(sorted(settings["NEWSLETTER_FIELDS"].items())),
            settings["NEWSLETTER_EMAIL_FIELD"],
            settings["NEWSLETTER_NAME_FIELD"],
            party,
        )
    if branch:
        if branch.get("volunteer"):
            volunteer, volunteer_owner = branch["volunteer"], branch["display_name"]
        if branch.get("newsletter"):
            newsletter = Newsletter(
                branch["newsletter"],
                tuple(sorted(dict(branch.get("newsletter_fields") or ()).items())),
                settings["NEWSLETTER_EMAIL_FIELD"],
                settings["NEWSLETTER_NAME_FIELD"],
                branch["display_name"],
            )
    return CallsToAction(settings["JOIN_URL"], settings["DONATE_URL"], volunteer, volunteer_owner, newsletter)


def collection_points(settings: dict, actions: CallsToAction) -> list[dict]:
    """The privacy notice's places (PRIVACY_COLLECTION_POINTS entries) where these actions take a
    reader's details: each is run by the party, or by the branch for the party."""
    party = settings["PRIVACY_CONTROLLER"]

    def controller(owner: str) -> str:
        return party if owner == (settings.get("MAIN_SITENAME") or settings["SITENAME"]) else f"{owner}, for {party}"

    points = []
    if actions.join:
        points.append(
            {"what": "Join the party", "url": actions.join, "controller": party, "purpose": "Your membership."}
        )
    if actions.donate:
        points.append(
            {
                "what": "Give money to the party",
                "url": actions.donate,
                "controller": party,
                "purpose": "Taking your donation and keeping the records the law asks of a party.",
            }
        )
    if actions.volunteer:
        points.append(
            {
                "what": "Offer to volunteer",
                "url": actions.volunteer,
                "controller": controller(actions.volunteer_owner),
                "purpose": "Getting in touch about the help you offered.",
            }
        )
    if actions.newsletter:
        points.append(
            {
                "what": "Sign up to the newsletter (the form at the foot of every page)",
                "url": actions.newsletter.url,
                "controller": controller(actions.newsletter.owner),
                "purpose": "Sending you the newsletter until you unsubscribe (every issue says how).",
            }
        )
    return points
