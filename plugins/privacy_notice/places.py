"""Where a reader of one site can hand over data, and who controls what they send there."""

from __future__ import annotations

from dataclasses import dataclass

from branch_subsites.branch_names import display_name
from content_schema.fields import web_address
from interface_language import ENGLISH


@dataclass(frozen=True)
class CollectionPoint:
    """One place a reader can send something: an address to write to, an account, a form."""

    what: str  # in plain words: "Email the Sheffield branch"
    url: str  # mailto: or https:
    label: str  # what the link shows
    controller: str  # who decides what happens to it
    purpose: str  # what it is used for
    elsewhere: bool = False  # on another service, which also holds what is sent under its own terms


def _mail(address: str) -> str:
    return address if address.startswith("mailto:") else f"mailto:{address}"


def _label(url: str) -> str:
    return url.removeprefix("mailto:")


def national_points(settings: dict, words=ENGLISH) -> list[CollectionPoint]:
    """The party's own addresses and accounts: on every site (a branch's readers can write to them too)."""
    party = settings["PRIVACY_CONTROLLER"]
    contact = settings["PRIVACY_DATA_PROTECTION_CONTACT"]
    points = [
        CollectionPoint(
            words.gettext("Write to %(name)s, the party's data protection contact") % {"name": contact["name"]},
            _mail(contact["email"]),
            contact["email"],
            party,
            words.gettext("Questions about your data and requests to use your rights."),
        )
    ]
    if settings["OFFICIAL_REPORT_EMAIL"]:
        points.append(
            CollectionPoint(
                words.gettext("Report a fake website or message"),
                _mail(settings["OFFICIAL_REPORT_EMAIL"]),
                settings["OFFICIAL_REPORT_EMAIL"],
                party,
                words.gettext("Stopping fakes: we keep your report until the fake is dealt with."),
            )
        )
    for contact_url in settings["SITE_FILES_SECURITY_CONTACT"]:
        if contact_url.startswith("mailto:"):
            points.append(
                CollectionPoint(
                    words.gettext("Report a security problem with the websites"),
                    contact_url,
                    _label(contact_url),
                    party,
                    words.gettext("Fixing the problem you report."),
                )
            )
    if settings["ACCESSIBILITY_CONTACT_EMAIL"]:
        points.append(
            CollectionPoint(
                words.gettext("Report an accessibility problem or ask for another format"),
                _mail(settings["ACCESSIBILITY_CONTACT_EMAIL"]),
                settings["ACCESSIBILITY_CONTACT_EMAIL"],
                party,
                words.gettext("Answering you and fixing the problem."),
            )
        )
    labels = settings["BRANCH_CHANNEL_TYPES"]
    for account in settings["OFFICIAL_ACCOUNTS"]:
        points.append(
            CollectionPoint(
                words.gettext(labels.get(account["type"], account["type"])),
                web_address(account["url"]),
                account["label"],
                party,
                words.gettext("What you post or send there: the party's campaigning, and answering you."),
                elsewhere=True,
            )
        )
    return points


def branch_points(branch: dict, settings: dict, words=ENGLISH) -> list[CollectionPoint]:
    """A branch's contact address and channels, run by the branch for the party."""
    party = settings["PRIVACY_CONTROLLER"]
    labels = settings["BRANCH_CHANNEL_TYPES"]
    name = display_name(branch["name"], branch["kind"], words)
    runs = words.gettext("%(owner)s, for %(party)s") % {"owner": name, "party": party}
    points = [
        CollectionPoint(
            words.gettext("Email %(branch)s") % {"branch": name},
            _mail(branch["contact"]),
            branch["contact"],
            runs,
            words.gettext("Answering you, and the branch's local campaigning if you ask to take part."),
        )
    ]
    for channel in branch["channels"]:
        points.append(
            CollectionPoint(
                words.gettext(labels.get(channel["type"], channel["type"])),
                web_address(channel["url"]),
                channel["label"],
                runs,
                words.gettext("What you post or send there, seen by the branch and the channel's other members."),
                elsewhere=not channel["url"].startswith("mailto:"),
            )
        )
    return points


def added_points(settings: dict, words=ENGLISH) -> list[CollectionPoint]:
    """PRIVACY_COLLECTION_POINTS: the sign-up and donation pages a site links to, as the party lists them."""
    return [
        CollectionPoint(
            # the kit's own (calls_to_action's) in the site's language; a party's own as it wrote them
            words.gettext(point["what"]),
            point["url"],
            point.get("label") or _label(point["url"]),
            point["controller"],
            words.gettext(point["purpose"]),
            elsewhere=bool(point.get("elsewhere")),
        )
        for point in settings["PRIVACY_COLLECTION_POINTS"]
    ]


def collection_points(settings: dict, words=ENGLISH) -> list[CollectionPoint]:
    """Every place on this site where a reader can hand over data: the branch's own first on a branch
    site, then the party's, then the pages the site lists in PRIVACY_COLLECTION_POINTS."""
    branch = settings.get("BRANCH")
    own = branch_points(branch, settings, words) if branch else []
    return [*own, *national_points(settings, words), *added_points(settings, words)]
