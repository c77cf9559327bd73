"""The settings party_brand owns, with their defaults (kit_settings.declared_settings)."""

import re

from kit_settings.declared_settings import Setting, whole

from .logo_file import found_logo


def _short_name(settings: dict) -> str:
    """The party's name without a leading "The": "The Otter Party" -> "Otter Party"."""
    name = settings.get("MAIN_SITENAME") or settings.get("SITENAME") or ""
    return re.sub(r"^the\s+", "", name, flags=re.I) or name


SETTINGS = [
    Setting(
        "BRAND_LOGO",
        None,
        (str, type(None)),
        "The party's logo, an SVG or PNG file in the site's folder (relative to it); by default"
        " brand/logo.svg or brand/logo.png in THEME_OVERRIDES_PATH, when there is one. None: no logo.",
        default_from=lambda settings: found_logo(settings, "BRAND_LOGO"),
    ),
    Setting(
        "BRAND_LOGO_DARK",
        None,
        (str, type(None)),
        "The logo for the dark colour scheme (light on dark); by default brand/logo-dark.svg or"
        " .png in THEME_OVERRIDES_PATH, when there is one. None: BRAND_LOGO on a light plate.",
        default_from=lambda settings: found_logo(settings, "BRAND_LOGO_DARK"),
    ),
    Setting(
        "BRAND_LOGO_MAX_BYTES",
        200_000,
        int,
        "The largest logo file the build takes, in bytes.",
        whole(1_000, 5_000_000),
    ),
    Setting(
        "BRAND_NAME_BESIDE_LOGO",
        True,
        bool,
        "Show the party's name as text beside the logo in the header; False when the logo spells the"
        " name itself (it is then the logo's text alternative).",
    ),
    Setting(
        "BRAND_SHORT_NAME",
        None,
        str,
        "The name under the icon on a phone's home screen (web manifest), and whose first letter the"
        " icons show when there is no logo; by default SITENAME without a leading 'The'.",
        default_from=_short_name,
    ),
    Setting(
        "BRAND_ASSETS",
        None,
        (dict, type(None)),
        "What the header and the icon links use: the published logos' names and sizes.",
        set_by_build=True,
    ),
]
