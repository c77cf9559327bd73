"""The settings absolute_addresses owns, with their defaults (kit_settings.declared_settings)."""

from urllib.parse import urlsplit

from kit_settings.declared_settings import Setting


def _preview_address(value: str) -> str | None:
    """A whole http(s) address: without one a preview's calendars have no host, and no webcal:// link
    to subscribe to them can be made."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "it must be a whole address such as http://localhost:8000 (where `make serve` shows the site)"
    return None


SETTINGS = [
    Setting(
        "ABSOLUTE_ADDRESSES_PREVIEW_SITEURL",
        "http://localhost:8000",  # where `make serve` and `make devserver` show it, at the default PORT
        str,
        "The address calendars and JSON-LD use in a preview built with no SITEURL.",
        _preview_address,
    ),
]
