"""The settings branch_subsites owns, with their defaults (kit_settings.declared_settings)."""

import os

from content_schema.fields import FieldError, hostname
from interface_language import N_
from kit_settings.declared_settings import Setting, in_site_folder, list_of, text_to_text, whole

from .records import BranchExports
from .shards import shard_problem


def given_domains(value) -> str | None:
    """Branch slug to domain, each domain written as a branch.yaml's `domain:` is (no https://)."""
    wrong = text_to_text(value)
    if wrong:
        return wrong
    for slug, domain in value.items():
        try:
            hostname(domain)
        except FieldError:
            return (
                f"it gives {slug!r} {domain!r}, which is not a domain name: write just the domain, like a.example.org"
            )
    return None


SETTINGS = [
    Setting(
        "BRANCHES_PATH",
        None,
        (str, type(None)),
        "The folder of branch folders; by default `branches` beside the content folder.",
        default_from=lambda settings: os.path.join(os.path.dirname(os.path.abspath(settings["PATH"])), "branches"),
    ),
    Setting(
        "BRANCH_CACHE_PATH",
        None,
        str,
        "Where each branch build keeps its cache; by default `.cache/branches` in the site's folder (KIT_ROOT).",
        default_from=in_site_folder(".cache", "branches"),
    ),
    Setting(
        "BRANCH_BUILD_JOBS",
        None,
        (int, type(None)),
        "Branch build processes; None: one per core.",
        whole(1),
    ),
    Setting(
        "BRANCH_SHARD",
        None,
        (str, type(None)),
        'Build only the i-th of N slices of the branches, "i/N" (`make html SHARD=i/N`, one CI runner each), '
        "with their build records, and none of the national site's pages; None: every branch and the national "
        "site. A branch's slice depends on its slug alone.",
        shard_problem,
    ),
    Setting(
        "BRANCH_ASSEMBLE",
        False,
        bool,
        "Build the national site from every shard's branch output and records (`make assemble`), building no "
        "branch: a branch with no record, or one whose files, settings or kit code changed since, stops the build.",
    ),
    Setting("BRANCH_OWN_DOMAINS", False, bool, "Build branches that have a `domain` at that domain (publishconf.py)."),
    Setting("BRANCH_NEWS_EXPORTED", 10, int, "The newest posts each branch hands to the main site.", whole(0)),
    Setting("HOME_BRANCH_NEWS", 6, int, "Branch posts on the main site's home page.", whole(0)),
    Setting(
        "BRANCH_SHARED_INPUT_FILES",
        ["pelicanconf.py", "publishconf.py", "requirements.txt"],
        list,
        "Files whose change rebuilds every branch (besides the theme and the plugins).",
        list_of(str),
    ),
    Setting(
        "BRANCH_CHANNEL_TYPES",
        {
            "signal": N_("Signal group"),
            "matrix": N_("Matrix room"),
            "discourse": N_("Forum"),
            "mastodon": N_("Mastodon account"),
            "email": N_("Email"),
            "email-list": N_("Mailing list"),
            "website": N_("Website"),
            "peertube": N_("Video channel"),
            "xmpp": N_("XMPP chat"),
            "facebook": N_("Facebook page"),
            "whatsapp": N_("WhatsApp group"),
        },
        dict,
        "Channel types a branch may list, with the words readers see (the kit's own are in its catalogs).",
        text_to_text,
    ),
    Setting(
        "BRANCH_EMAIL_CHANNEL_TYPES",
        ["email", "email-list"],
        list,
        "Channel types whose address may be a mailto: link.",
        list_of(str),
    ),
    Setting(
        "BRANCH_DISCOURAGED_CHANNELS",
        {
            "facebook": "a Mastodon account for news and a Matrix room or the forum for discussion",
            "whatsapp": "a Signal group, or a Matrix room",
        },
        dict,
        "Channel types the check warns about, with what the party would rather branches used.",
        text_to_text,
    ),
    Setting(
        "BRANCH_GIVEN_DOMAINS",
        {},
        dict,
        "Branch slug to the domain the national team gave it: a branch.yaml's `domain:` must be the one given here.",
        given_domains,
    ),
    Setting("BRANCH_YAML_MAX_BYTES", 100_000, int, "A larger branch.yaml is refused.", whole(1)),
    Setting(
        "CODEOWNERS_NATIONAL",
        [],
        list,
        "Who reviews changes outside any branch folder: forge users or teams (@org/team).",
        list_of(str),
    ),
    Setting(
        "CODEOWNERS_FILES",
        {".github/CODEOWNERS": "glob", ".gitlab/CODEOWNERS": "glob", ".gitea/CODEOWNERS": "regexp"},
        dict,
        "The CODEOWNERS files `make codeowners` writes, each with its forge's syntax (glob or regexp).",
        text_to_text,
    ),
    Setting("BRANCH", None, (dict, type(None)), "The branch a branch build is building.", set_by_build=True),
    Setting(
        "BRANCH_EXPORTS",
        None,
        BranchExports,
        "What a branch's build hands to the national site (records.py).",
        set_by_build=True,
    ),
    Setting("MAIN_SITENAME", None, str, "The main site's name, in a branch build.", set_by_build=True),
    Setting("MAIN_SITEURL", None, str, "The main site's address, in every build.", set_by_build=True),
    Setting("THEME_URL", None, str, "The address of the theme's files.", set_by_build=True),
]
