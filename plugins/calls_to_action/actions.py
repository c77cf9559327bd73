"""What a site offers a reader to do next, and where each action is handed off: the party's settings,
with a branch's own `volunteer:` and `newsletter:` in their place for that branch."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import pass_context

from interface_language import ENGLISH, N_, template_translations


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
            ("join", N_("Join"), self.join),
            ("donate", N_("Donate"), self.donate),
            ("volunteer", N_("Volunteer"), self.volunteer),
        )
        return tuple(link for link in offered if link[2])

    @property
    def offered(self) -> bool:
        return bool(self.links or self.newsletter)


@dataclass(frozen=True)
class Step:
    """One link of the next step: its words, where it goes, and how it is shown: "primary" (the one
    main button), "secondary" (a lesser button) or "link"."""

    label: str
    url: str
    kind: str


def party_name(settings: dict) -> str:
    return settings.get("MAIN_SITENAME") or settings["SITENAME"]


def next_steps(
    actions: CallsToAction, party: str, newsletter_page: str = "#kit-newsletter", words=ENGLISH
) -> tuple[Step, ...]:
    """The next step's links, in order: Join the party, Volunteer (with the branch, when it takes its
    own volunteers), Donate, the newsletter (its form at ``newsletter_page``). The theme's next_step
    macro and the branch finder's cards both show these, so they say the same words (in the
    language of ``words``, interface_language's translations)."""
    steps = []
    if actions.join:
        steps.append(Step(words.gettext("Join %(party)s") % {"party": party}, actions.join, "primary"))
    if actions.volunteer:
        if actions.volunteer_owner == party:
            label = words.gettext("Volunteer")
        else:
            label = words.gettext("Volunteer with %(owner)s") % {"owner": actions.volunteer_owner}
        steps.append(Step(label, actions.volunteer, "secondary"))
    if actions.donate:
        steps.append(Step(words.gettext("Donate"), actions.donate, "secondary"))
    if actions.newsletter:
        if actions.newsletter.owner == party:
            label = words.gettext("Get the newsletter")
        else:
            label = words.gettext("Get the %(owner)s newsletter") % {"owner": actions.newsletter.owner}
        steps.append(Step(label, newsletter_page, "link"))
    return tuple(steps)


def newsletter_page(branch: dict | None, here: dict | None) -> str:
    """Where the newsletter form of ``branch``'s actions is, seen from site ``here`` (a branch entry,
    or None for the party's): this page's footer, or the branch's own site when the form is the
    branch's and this is another site."""
    if branch and branch.get("newsletter") and branch.get("url") and not (here and here["slug"] == branch["slug"]):
        return f"{branch['url']}/#kit-newsletter"
    return "#kit-newsletter"


def branch_steps(settings: dict, branch: dict | None) -> tuple[Step, ...]:
    """The next step for ``branch`` (a branch entry) as the party's site shows it, or the party's own."""
    return next_steps(site_actions(settings, branch), party_name(settings), newsletter_page(branch, None))


def template_functions(settings: dict) -> dict:
    """The templates' functions: ``calls_to_action(branch=None)``, the actions of ``branch`` (a branch
    entry), else of this site (its own branch on a branch's site); ``next_steps(branch=None)``, the
    links of the next step for them, seen from this site."""
    here = settings.get("BRANCH")

    def calls_to_action(branch=None):
        return site_actions(settings, branch or here)

    @pass_context
    def steps(context, branch=None):
        words = template_translations(settings, context)
        return next_steps(calls_to_action(branch), party_name(settings), newsletter_page(branch, here), words)

    return {"calls_to_action": calls_to_action, "next_steps": steps}


def site_actions(settings: dict, branch: dict | None) -> CallsToAction:
    """The actions of the party's site (``branch`` None) or of ``branch`` (a branch entry as the
    templates see it: its own volunteer page and newsletter, the party's Join and Donate)."""
    party = party_name(settings)
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


def collection_points(settings: dict, actions: CallsToAction, words=ENGLISH) -> list[dict]:
    """The privacy notice's places (PRIVACY_COLLECTION_POINTS entries) where these actions take a
    reader's details: each is run by the party, or by the branch for the party."""
    party = settings["PRIVACY_CONTROLLER"]

    def controller(owner: str) -> str:
        if owner == (settings.get("MAIN_SITENAME") or settings["SITENAME"]):
            return party
        return words.gettext("%(owner)s, for %(party)s") % {"owner": owner, "party": party}

    points = []
    if actions.join:
        points.append(
            {
                "what": words.gettext("Join the party"),
                "url": actions.join,
                "controller": party,
                "purpose": words.gettext("Your membership."),
            }
        )
    if actions.donate:
        points.append(
            {
                "what": words.gettext("Give money to the party"),
                "url": actions.donate,
                "controller": party,
                "purpose": words.gettext("Taking your donation and keeping the records the law asks of a party."),
            }
        )
    if actions.volunteer:
        points.append(
            {
                "what": words.gettext("Offer to volunteer"),
                "url": actions.volunteer,
                "controller": controller(actions.volunteer_owner),
                "purpose": words.gettext("Getting in touch about the help you offered."),
            }
        )
    if actions.newsletter:
        points.append(
            {
                "what": words.gettext("Sign up to the newsletter (the form at the foot of every page)"),
                "url": actions.newsletter.url,
                "controller": controller(actions.newsletter.owner),
                "purpose": words.gettext("Sending you the newsletter until you unsubscribe (every issue says how)."),
            }
        )
    return points
