"""The settings interface_language owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, list_of

SETTINGS = [
    Setting(
        "INTERFACE_LANGUAGE_CATALOGS",
        [],
        list,
        "More folders of catalogs (<folder>/<lang>/LC_MESSAGES/messages.po) whose entries win over the kit's, "
        "first listed first; the site's theme/translations/ is always read, after them.",
        list_of(str),
    ),
]
