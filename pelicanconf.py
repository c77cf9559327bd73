"""The Hedgerow Party's sites: the main site, and (through branch_subsites) every branch.

Only the party's own values, over the kit's (branchsites.site_settings, and each plugin's defaults:
docs/settings.md lists them all). A misspelt or wrong-typed setting stops the build by name.
"""

from branchsites.site_settings import *  # noqa: F403

SITENAME = "The Hedgerow Party"
AUTHOR = SITENAME
SITESUBTITLE = "Rooted in every neighbourhood"
TIMEZONE = "Europe/London"  # the time zone of events without one, and of the build's dates

# Every domain the party's websites and email use (the published SITEURL's and BRANCH_GIVEN_DOMAINS are added).
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
# The domains the national web team gave branches: a branch.yaml's `domain:` must be the one given here,
# or the check refuses it (the official-channels page lists these domains as the party's).
BRANCH_GIVEN_DOMAINS = {"cardiff": "hedgerowcardiff.example"}
# Who reviews changes outside any branch folder (make codeowners): forge users or teams (@org/team).
CODEOWNERS_NATIONAL = ["@hedgerow/web-team"]
# The browser editor at /admin/ and /branches/<slug>/admin/ (docs/editors.md): every save is a pull
# request on CMS_REPO (on GitHub); editors sign in through the party's OAuth helper (CMS_BASE_URL).
CMS_REPO = "hedgerow/website"
CMS_BASE_URL = "https://cms-auth.hedgerow.example"
EVENTS_UID_DOMAIN = "hedgerow.example"  # never change it: calendar apps match events by it
SITE_FILES_SECURITY_CONTACT = ["mailto:security@hedgerow.example"]  # mailto: or https: addresses
SITE_FILES_SECURITY_LANGUAGES = "en, cy"

# ---- privacy notice and accessibility statement (docs/privacy-and-accessibility.md) ----
PRIVACY_DATA_PROTECTION_CONTACT = {
    "name": "Priya Natarajan, Data Protection Officer",
    "email": "privacy@hedgerow.example",
    "address": "The Hedgerow Party, 12 Orchard Row, Sheffield S1 2AB",
}
PRIVACY_APPROPRIATE_POLICY_URL = "https://hedgerow.example/about/appropriate-policy-document/"
PRIVACY_ICO_REGISTRATION = "ZA123456"
PRIVACY_SERVER_LOG_DAYS = 14  # the host's log rotation: ask it, or read its logrotate settings
PRIVACY_HOST = "Example Hosting Ltd"
ACCESSIBILITY_CONTACT_EMAIL = "access@hedgerow.example"
ACCESSIBILITY_RESPONSE_DAYS = 5
ACCESSIBILITY_KNOWN_ISSUES = [
    "Some older PDF leaflets have no headings or tagged structure, so a screen reader reads them as "
    "one block (WCAG 1.3.1). We are replacing them with web pages.",
]
ACCESSIBILITY_ENFORCEMENT = ["ehrc", "ecni"]
ACCESSIBILITY_PREPARED_ON = "2026-09-14"
ACCESSIBILITY_REVIEWED_ON = "2026-11-20"

# The digital imprint on everything the sites publish (docs/imprints.md): who promotes the
# material and, when not the promoter, on whose behalf it is published, with postal addresses.
IMPRINT_PROMOTER_NAME = "Morag Ellison"
IMPRINT_PROMOTER_ADDRESS = "Hedgerow House, 14 Tenter Street, Sheffield S1 4BY"
IMPRINT_ON_BEHALF_OF_NAME = "The Hedgerow Party"
IMPRINT_ON_BEHALF_OF_ADDRESS = "Hedgerow House, 14 Tenter Street, Sheffield S1 4BY"

# Join, Donate, Volunteer and the newsletter (docs/calls-to-action.md): the party's own pages, on its
# official domains. The newsletter form posts to the party's Listmonk; `l` is the list's UUID.
JOIN_URL = "https://join.hedgerow.example/"
DONATE_URL = "https://join.hedgerow.example/donate/"
VOLUNTEER_URL = "https://join.hedgerow.example/volunteer/"
NEWSLETTER_URL = "https://lists.hedgerow.example/subscription/form"
NEWSLETTER_FIELDS = {"l": "0b6e2a4c-6f0d-4c1e-9a57-2f3d8c1b7e90", "nonce": ""}
