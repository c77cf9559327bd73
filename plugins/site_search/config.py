"""The settings site_search owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, address, in_site_folder, whole

SETTINGS = [
    Setting(
        "SEARCH_LUNR_JS",
        None,
        str,
        "lunr.min.js, copied with the theme files; by default from `node_modules/` in the site's folder (KIT_ROOT).",
        default_from=in_site_folder("node_modules", "lunr", "lunr.min.js"),
    ),
    Setting("SEARCH_URL", "search/", str, "The address of the search page.", address),
    Setting("SEARCH_SAVE_AS", "search/index.html", str, "Where the search page is written.", address),
    Setting(
        "SEARCH_DATA_SAVE_AS",
        "search/search.json",
        str,
        "Where the search index of the site's DEFAULT_LANG is written; another language's (Welsh, Gaelic) "
        "beside it, with the language before the extension: `search/search.cy.json`.",
        address,
    ),
    Setting("SEARCH_BODY_WORDS", 120, int, "The first this many words of a text are indexed.", whole(0)),
    Setting("SEARCH_SNIPPET_WORDS", 30, int, "Words shown under each result.", whole(0)),
    Setting(
        "SEARCH_EVENTS_PER_BRANCH",
        2,
        int,
        "The main site's index holds each branch's next this many events.",
        whole(0),
    ),
]
