"""The settings absolute_addresses owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting

SETTINGS = [
    Setting(
        "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL",
        "http://localhost:8000",  # where `make serve` and `make devserver` show it, at the default PORT
        str,
        "The address calendars and JSON-LD use in a preview built with no SITEURL.",
    ),
]
