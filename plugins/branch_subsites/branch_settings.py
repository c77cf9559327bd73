"""The settings of one branch's Pelican, derived from the main site's."""

from __future__ import annotations

import copy
import os

from .branch_config import Branch
from .branch_names import site_names
from .official_domains import branch_domain
from .reader_cache import READER_CACHE_SETTINGS
from .records import BranchExports


def main_site_url(settings: dict) -> str:
    return settings.get("MAIN_SITEURL", settings["SITEURL"]).rstrip("/")


def branch_path(branch_slug: str) -> str:
    """Where a branch lives below the main site: the same in output/ and in URLs."""
    return f"branches/{branch_slug}"


def has_own_domain(branch: Branch, settings: dict) -> bool:
    """Built for its own domain: publishing with BRANCH_OWN_DOMAINS, and the party gave it the domain."""
    return bool(settings.get("BRANCH_OWN_DOMAINS") and branch_domain(settings, branch.slug, branch.domain))


def branch_site_url(branch: Branch, settings: dict) -> str:
    if has_own_domain(branch, settings):
        return f"https://{branch.domain}"
    return f"{main_site_url(settings)}/{branch_path(branch.slug)}"


def branch_cache_path(settings: dict, branch_slug: str) -> str:
    """A branch's own CACHE_PATH: no two worker processes ever share a cache."""
    return os.path.join(settings["BRANCH_CACHE_PATH"], branch_slug, "pelican")


def language_overrides(branch: Branch) -> dict:
    """branch.yaml's `languages:` (the first is the branch's own, DEFAULT_LANG) and `require_pairs:`."""
    overrides = {}
    if branch.languages:
        overrides.update(LANGUAGES=list(branch.languages), DEFAULT_LANG=branch.languages[0])
    if branch.require_pairs is not None:
        overrides["LANGUAGES_REQUIRE_PAIRS"] = branch.require_pairs
    return overrides


def branch_overrides(branch: Branch, settings: dict) -> dict:
    """Everything that differs between the main site and ``branch``'s subsite."""
    site_url = branch_site_url(branch, settings)
    return {
        "BRANCH": branch.as_dict(),
        "PATH": branch.folder,
        "OUTPUT_PATH": os.path.join(settings["OUTPUT_PATH"], branch_path(branch.slug)),
        "CACHE_PATH": branch_cache_path(settings, branch.slug),
        # its name in each of its languages: {{ SITENAME }} is its own language's, |in_page_language the page's
        "SITENAME": site_names(branch.name, branch.kind, branch.languages, settings),
        "AUTHOR": branch.display_name,  # a branch's posts and feed entries are the branch's, never the party's
        "SITESUBTITLE": str(branch.description or ""),  # its own language's; pages show their own (in_page_language)
        "SITEURL": site_url,
        "FEED_DOMAIN": site_url,
        "MAIN_SITEURL": main_site_url(settings),
        "MAIN_SITENAME": settings["SITENAME"],
        **language_overrides(branch),
        "BUILD_SKIP_UNCHANGED": False,  # branch_subsites decides, by the branch's own fingerprint
        # theme files are written once, by the main site, and shared by every branch below it;
        # a branch on its own domain has its own copy (under the CSP a page loads only from its own host)
        **(
            {"THEME_URL": f"{site_url}/{settings['THEME_STATIC_DIR']}"}
            if has_own_domain(branch, settings)
            else {"THEME_STATIC_PATHS": [], "THEME_URL": settings["THEME_URL"]}
        ),
    }


def branch_settings(branch: Branch, settings: dict) -> dict:
    """A full settings dict for ``branch``: a deep copy, so no run can change another's."""
    result = copy.deepcopy({k: v for k, v in settings.items() if k != "BRANCH_EXPORTS"})
    result.update(branch_overrides(branch, settings))
    result.update(READER_CACHE_SETTINGS)
    result["BRANCH_EXPORTS"] = BranchExports()
    # how the main build is split (split_build) is nothing to a branch's: its pages are the same
    result["BRANCH_SHARD"], result["BRANCH_ASSEMBLE"] = None, False
    return result
