"""The settings site_files owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, address, list_of, whole


def _contacts(value) -> str | None:
    wrong = [c for c in value if not isinstance(c, str) or not c.startswith(("mailto:", "https://"))]
    return f"every contact must be a mailto: or https: address, not {wrong[0]!r}" if wrong else None


SETTINGS = [
    Setting("SITE_FILES", False, bool, "Write sitemaps, robots.txt and security.txt (they need the real address)."),
    Setting(
        "SITE_FILES_NOINDEX",
        False,
        bool,
        'Put <meta name="robots" content="noindex"> on every page: for a build that is not the live site '
        "(a pull request's preview, `make preview-upload`); keep SITE_FILES off for it too.",
    ),
    Setting(
        "SITE_FILES_NOT_FOUND_SAVE_AS",
        "404.html",
        str,
        "Every site's page for a missing page (the server configs serve it).",
        address,
    ),
    Setting("SITE_FILES_SITEMAP_SAVE_AS", "sitemap.xml", str, "Every site's sitemap.", address),
    Setting(
        "SITE_FILES_SITEMAP_INDEX_SAVE_AS",
        "sitemap-index.xml",
        str,
        "The main site's sitemap index: its sitemap and its branches'.",
        address,
    ),
    Setting(
        "SITE_FILES_SITEMAP_MAX_URLS",
        50000,
        int,
        "Addresses in one sitemap (the protocol's limit); past it, numbered parts.",
        whole(1, 50000),
    ),
    Setting("SITE_FILES_ROBOTS_SAVE_AS", "robots.txt", str, "Where robots.txt is written.", address),
    Setting("SITE_FILES_ROBOTS_DISALLOW", [], list, "Paths crawlers are asked to leave alone.", list_of(str)),
    Setting("SITE_FILES_SECURITY_SAVE_AS", ".well-known/security.txt", str, "Where security.txt is written.", address),
    Setting(
        "SITE_FILES_SECURITY_CONTACT",
        [],
        list,
        "security.txt's contacts: mailto: or https: addresses (required when SITE_FILES is on).",
        _contacts,
    ),
    Setting(
        "SITE_FILES_SECURITY_EXPIRES_DAYS",
        180,
        int,
        "security.txt expires this many days after the build: publish at least this often.",
        whole(1, 366),
    ),
    Setting("SITE_FILES_SECURITY_LANGUAGES", "en", (str, type(None)), "security.txt's Preferred-Languages."),
    Setting(
        "SITE_FILES_SECURITY_POLICY",
        None,
        (str, type(None)),
        "The address of a disclosure policy, if the party has one.",
    ),
    Setting(
        "SITE_FILES_SUBSITES",
        None,
        list,
        "The branch sites the main site's sitemap index lists.",
        set_by_build=True,
    ),
]
