"""The settings absolute_addresses owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting

from .addresses import PREVIEW_SITEURL

SETTINGS = [
    Setting(
        "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL",
        PREVIEW_SITEURL,
        str,
        "The address calendars and JSON-LD use in a preview built with no SITEURL.",
    ),
]
