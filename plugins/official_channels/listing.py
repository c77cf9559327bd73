"""What is official: gathered from pelicanconf.py and every branch entry."""

from __future__ import annotations

from branch_subsites.official_domains import branch_domain, host_of, official_domains
from calls_to_action.actions import site_actions
from content_schema.fields import web_address
from imprints.promoters import more_specific, national_imprint
from interface_language import N_

SCHEMA_VERSION = 1


ACTION_WORDS = {  # shown with the templates' `translated` filter
    "join": N_("Join"),
    "donate": N_("Donate"),
    "volunteer": N_("Volunteer"),
    "newsletter": N_("Newsletter sign-up"),
}


def action_pages(settings: dict, branches: list[dict]) -> list[dict]:
    """Where the sites ask readers to join, give, volunteer or sign up: the party's pages, then each
    branch's own volunteer page and newsletter, each with its host (only for the page, not official.json)."""
    national = site_actions(settings, None)
    found = [{"what": label, "url": url, "host": host_of(url), "owner": None} for _, label, url in national.links]
    if national.newsletter:
        url = national.newsletter.url
        found.append({"what": ACTION_WORDS["newsletter"], "url": url, "host": host_of(url), "owner": None})
    for branch in sorted(branches, key=lambda b: b["display_name"].casefold()):
        for key in ("volunteer", "newsletter"):
            if branch.get(key):
                url = branch[key]
                found.append(
                    {"what": ACTION_WORDS[key], "url": url, "host": host_of(url), "owner": branch["display_name"]}
                )
    return found


def official_listing(settings: dict, branches: list[dict]) -> dict:
    """The data behind official/ and official.json (docs/official-json.md)."""
    labels = settings["BRANCH_CHANNEL_TYPES"]
    branch_domains = []
    national = national_imprint(settings)
    branch_imprints = []
    accounts = [
        {
            "owner": settings["SITENAME"],
            "type": a["type"],
            "type_label": labels.get(a["type"], a["type"]),
            "label": a["label"],
            "url": web_address(a["url"]),
        }
        for a in settings["OFFICIAL_ACCOUNTS"]
    ]
    # only the party says where its email comes from: a branch's contact address is its own, listed
    # beside its channels, and never makes its domain "official"
    email_domains = {d.lower() for d in settings["OFFICIAL_EMAIL_DOMAINS"]}
    for branch in sorted(branches, key=lambda b: b["display_name"].casefold()):
        # only a domain the party gave the branch is the party's (a branch.yaml naming another is refused)
        domain = branch_domain(settings, branch["slug"], branch.get("domain"))
        if domain:
            branch_domains.append({"domain": domain, "branch": branch["display_name"]})
        if branch.get("promoter"):  # a branch with its own promoter (a local agent)
            own = more_specific(branch["promoter"], national)
            branch_imprints.append({"branch": branch["display_name"], "slug": branch["slug"], **own.as_dict()})
        for channel in branch["channels"]:
            accounts.append(
                {
                    "owner": branch["display_name"],
                    "branch": branch["slug"],  # run by this branch, not by the party
                    "type": channel["type"],
                    "type_label": labels.get(channel["type"], channel["type"]),
                    "label": channel["label"],
                    "url": channel["url"],
                }
            )
    return {
        "version": SCHEMA_VERSION,
        "organisation": settings["SITENAME"],
        "domains": sorted(official_domains(settings)),
        "branch_domains": branch_domains,
        "email_domains": sorted(email_domains),
        "accounts": accounts,
        "statement": settings["OFFICIAL_STATEMENT"],
        "imprint": national.as_dict() if national else None,
        "branch_imprints": branch_imprints,
        "report": {"email": settings["OFFICIAL_REPORT_EMAIL"], "advice": settings["OFFICIAL_REPORT_ADVICE"]},
    }
