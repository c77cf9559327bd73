"""The Hedgerow Party's sites: the main site, and (through branch_subsites) every branch.

Only the party's own values, over the kit's (branchsites.site_settings, and each plugin's defaults:
docs/settings.md lists them all). A misspelt or wrong-typed setting stops the build by name.
"""

from branchsites.site_settings import *  # noqa: F403

SITENAME = "The Hedgerow Party"
AUTHOR = SITENAME
SITESUBTITLE = "Rooted in every neighbourhood"
TIMEZONE = "Europe/London"  # the time zone of events without one, and of the build's dates

# Every domain the party's websites and email use (the published SITEURL's and every branch's are added).
OFFICIAL_DOMAINS = ["hedgerow.example"]
OFFICIAL_EMAIL_DOMAINS = ["hedgerow.example"]
# The national accounts (each branch's channels are added by the build).
OFFICIAL_ACCOUNTS = [
    {"type": "mastodon", "url": "https://social.hedgerow.example/@hedgerow", "label": "@hedgerow"},
    {"type": "peertube", "url": "https://video.hedgerow.example/c/hedgerow", "label": "Hedgerow Party videos"},
    {"type": "discourse", "url": "https://forum.hedgerow.example/", "label": "The Hedgerow forum"},
    {"type": "email-list", "url": "https://lists.hedgerow.example/news", "label": "National newsletter"},
]
OFFICIAL_REPORT_EMAIL = "report-a-fake@hedgerow.example"
# Who reviews changes outside any branch folder (make codeowners): forge users or teams (@org/team).
CODEOWNERS_NATIONAL = ["@hedgerow/web-team"]
EVENTS_UID_DOMAIN = "hedgerow.example"  # never change it: calendar apps match events by it
SITE_FILES_SECURITY_CONTACT = ["mailto:security@hedgerow.example"]  # mailto: or https: addresses
SITE_FILES_SECURITY_LANGUAGES = "en, cy"
