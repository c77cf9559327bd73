"""The settings front_matter owns, with their defaults (kit_settings.declared_settings).

It owns the settings of pages and posts the theme reads too (the menu, the home page's news)."""

from kit_settings.declared_settings import Retired, Setting, in_site_folder, list_of, whole

from .document import MAX_FILE_BYTES
from .languages import site_languages_name_its_own, site_languages_problem

SETTINGS = [
    Setting("FRONT_MATTER_MAX_FILE_BYTES", MAX_FILE_BYTES, int, "A larger content file is refused.", whole(1)),
    Setting(
        "CONVERTED_MARKDOWN_PATH",
        None,
        str,
        "Where the checks keep each site's Markdown as HTML for its build (converted once per build); "
        "by default `.cache/markdown` in the site's folder (KIT_ROOT).",
        default_from=in_site_folder(".cache", "markdown"),
    ),
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
    Setting(
        "PAGE_DEFAULT_ORDER",
        50,
        int,
        "A page's `order` when it gives none; below 50 lists it in the footer (MENU_ITEMS puts it in the menu).",
    ),
    Setting(
        "MENU_ITEMS",
        ["news", "events", "branches", "about", "search"],
        list,
        "The menu at the top of every page, in order: home, news, events, branches, search or a page's slug "
        "(a site without that page leaves it out). The rest, and pages with an `order` below 50, are in the footer.",
        list_of(str),
    ),
    Setting(
        "HOME_CONTENT_PATH",
        "pages/home.md",
        str,
        "The national site's file (in its content folder) that holds the home page's hero and statements.",
    ),
    Setting("HOME_OWN_NEWS", 5, int, "A site's own posts on its home page.", whole(0)),
    Setting(
        "LANGUAGES",
        None,
        list,
        "The languages the site's pages may be in, its own (DEFAULT_LANG, which it must name) first: "
        "`make check` refuses a page in another. By default the site's DEFAULT_LANG alone; a branch's "
        "`languages:` in branch.yaml sets both.",
        site_languages_problem,
        default_from=lambda settings: [settings["DEFAULT_LANG"]],
        check_with=site_languages_name_its_own,
    ),
    Setting(
        "LANGUAGES_REQUIRE_PAIRS",
        False,
        bool,
        "Every page, post and event in a language other than English needs its English translation "
        "(`make check` names the ones without); a branch's `require_pairs:` in branch.yaml sets it for the branch.",
    ),
]

RETIRED = [
    Retired(
        "MENU_MAX_PAGES",
        "the menu no longer lists every page with an `order`: name its items in MENU_ITEMS, and the other "
        "pages with an `order` below 50 are in every page's footer",
    ),
]
