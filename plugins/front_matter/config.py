"""The settings front_matter owns, with their defaults (kit_settings.declared_settings).

It owns the settings of pages and posts the theme reads too (the menu, the home page's news)."""

from kit_settings.declared_settings import Setting, list_of, whole

from .document import MAX_FILE_BYTES

SETTINGS = [
    Setting("FRONT_MATTER_MAX_FILE_BYTES", MAX_FILE_BYTES, int, "A larger content file is refused.", whole(1)),
    Setting(
        "RESERVED_PAGE_SLUGS",
        [
            "news",
            "events",
            "tags",
            "branches",
            "search",
            "theme",
            "feeds",
            "images",
            "drafts",
            "calendars",
            "official",
            "cards",
        ],
        list,
        "Page addresses a page's slug may not take (the kit uses them).",
        list_of(str),
    ),
    Setting("PAGE_DEFAULT_ORDER", 50, int, "A page's `order` when it gives none; below 50 puts it in the menu."),
    Setting("MENU_MAX_PAGES", 6, int, "Pages with an `order` below 50 are in the menu, at most this many.", whole(0)),
    Setting(
        "HOME_CONTENT_PATH",
        "pages/home.md",
        str,
        "The national site's file (in its content folder) that holds the home page's hero and statements.",
    ),
    Setting("HOME_OWN_NEWS", 5, int, "A site's own posts on its home page.", whole(0)),
]
