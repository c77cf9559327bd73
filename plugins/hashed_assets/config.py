"""The settings hashed_assets owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, in_site_folder, list_of, whole

SETTINGS = [
    Setting("HASHED_ASSETS", False, bool, "Also write theme files as name.<digest>.ext and link pages to those."),
    Setting("HASHED_ASSETS_SUFFIXES", [".css", ".js"], list, "The theme files given hashed names.", list_of(str)),
    Setting(
        "HASHED_ASSETS_DIGEST_LENGTH",
        10,
        int,
        "Hex digits in a hashed name; the server configs match names with exactly this many.",
        whole(6, 64),
    ),
    Setting("HASHED_ASSETS_MANIFEST", None, (dict, type(None)), "{plain name: hashed name}.", set_by_build=True),
    Setting(
        "THEME_OVERRIDES_PATH",
        None,
        (str, type(None)),
        "The site's own theme folder: its templates/ replace the kit's, its static/ files join them"
        " (css/party.css: the colours); by default `theme` in the site's folder (KIT_ROOT).",
        default_from=in_site_folder("theme"),
    ),
    Setting(
        "THEME_OVERRIDES_STYLESHEET",
        None,
        (str, type(None)),
        "The site's stylesheet below THEME_STATIC_DIR, that pages link after the kit's; None: it has none.",
        set_by_build=True,
    ),
]
