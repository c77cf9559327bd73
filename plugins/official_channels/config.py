"""The settings official_channels owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, address, list_of


def _accounts(value) -> str | None:
    for account in value:
        if not isinstance(account, dict) or not {"type", "url", "label"} <= set(account):
            return f"every account must be a dict with `type`, `url` and `label`, not {account!r}"
    return None


SETTINGS = [
    Setting("OFFICIAL_URL", "official/", str, "The page listing the official channels.", address),
    Setting("OFFICIAL_SAVE_AS", "official/index.html", str, "Where that page is written.", address),
    Setting("OFFICIAL_JSON_SAVE_AS", "official.json", str, "The same list as JSON.", address),
    Setting(
        "OFFICIAL_DOMAINS",
        [],
        list,
        "Every domain the party's websites use (SITEURL's, and each branch's domain in BRANCH_GIVEN_DOMAINS, "
        "are added).",
        list_of(str),
    ),
    Setting(
        "OFFICIAL_EMAIL_DOMAINS",
        [],
        list,
        "Domains the party's email comes from (each branch's contact domain is added).",
        list_of(str),
    ),
    Setting(
        "OFFICIAL_ACCOUNTS",
        [],
        list,
        "The national accounts, each {type, url, label} (each branch's channels are added).",
        _accounts,
    ),
    Setting(
        "OFFICIAL_STATEMENT",
        "We only ask for money, membership or sign-ups on the websites listed here. "
        "A message that asks you to pay, join or log in anywhere else is not from the party, "
        "however official it looks.",
        str,
        "What the page says first.",
    ),
    Setting("OFFICIAL_REPORT_EMAIL", "", str, "Where readers report a fake site or message."),
    Setting(
        "OFFICIAL_REPORT_ADVICE",
        "Forward the message, or send the address of the fake site, to the address above. "
        "Do not click its links or reply to it. If you have already paid or given a password, "
        "contact your bank, change the password, and report it to Action Fraud (0300 123 2040).",
        str,
        "What to do with a fake, under the report address.",
    ),
]
