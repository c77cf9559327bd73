"""The kit's values for Pelican's own settings: what every party's site is built with.

A site's pelicanconf.py starts from them and sets only the party's own values::

    from branchsites.site_settings import *  # noqa: F403

    SITENAME = "The Example Party"
    OFFICIAL_DOMAINS = ["example.org"]
    ...

The kit's own settings (EVENTS_, BRANCH_, SEARCH_...) are not here: each has its default in the
plugin that owns it (docs/settings.md lists them all). Nothing here depends on where the site is:
Pelican makes PATH, OUTPUT_PATH, CACHE_PATH and PLUGIN_PATHS absolute from the folder of the
settings file, and the kit's plugins take their paths from the site's folder when a build starts
(the site's theme/ overrides, lunr.min.js from its node_modules/, the compiled templates under
CACHE_PATH). Only the kit's own folders (its plugins and theme) come from where the kit is.

Branch subsites take these settings too, overriding what branch.yaml says (name, address, own
domain): see plugins/branch_subsites/branch_settings.py.
"""

import logging

from . import paths

DEFAULT_LANG = "en-GB"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# ---- where things are (relative to the site's folder: Pelican makes them absolute) ------------
PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = ".cache/main"
THEME = paths.THEME_PATH  # a site's own templates and stylesheet go in its theme/ (hashed_assets adds them)
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]  # site_search adds lunr.min.js from the site's node_modules/
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

# ---- plugins ------------------------------------------------------------------
# build_pipeline connects every part of the kit in the order the build needs (its pipeline.py). A
# site's own plugins, in its plugins/ folder, are added after it:
#     PLUGINS = [*PLUGINS, "our_plugin"]
PLUGIN_PATHS = [paths.PLUGINS_PATH, "plugins"]
PLUGINS = ["build_pipeline"]

# ---- addresses (every page is a folder with index.html: clean URLs) -----------
ARTICLE_URL = "news/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "news/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page in Welsh or Gaelic (`lang: cy`) keeps the same kind of address. Only a translation that
# shares its original's slug (front_matter.pairs) takes these, its language before the address.
ARTICLE_LANG_URL = "{lang}/news/{date:%Y}/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/news/{date:%Y}/{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
# A page and its translation: the slug `translation_of:` names, else the page's own (front_matter.pairs).
ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
HOME_URL = ""
HOME_SAVE_AS = "index.html"
INDEX_URL = "news/"
INDEX_SAVE_AS = "news/index.html"

# Pages that list everything grow with the site: only paginated lists are kept.
DIRECT_TEMPLATES = ["home", "index", "tags"]
PAGINATED_TEMPLATES = {"index": None, "tag": None}
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DISPLAY_CATEGORIES_ON_MENU = False
DISPLAY_PAGES_ON_MENU = True
PAGE_ORDER_BY = "order"

# ---- feeds -------------------------------------------------------------------
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20
# Feeds carry root-relative links until publishconf.py sets the real address.
LOG_FILTER = [(logging.WARNING, "Feeds generated without SITEURL or FEED_DOMAIN set properly may not be valid")]

# ---- Markdown: no extension that lets editors add style= or event attributes --
MARKDOWN = {
    "extensions": [
        "markdown.extensions.tables",
        "markdown.extensions.footnotes",
        "markdown.extensions.abbr",
        "markdown.extensions.def_list",
        "markdown.extensions.fenced_code",
        "markdown.extensions.sane_lists",
        "markdown.extensions.smarty",
    ],
    "extension_configs": {"markdown.extensions.tables": {"use_align_attribute": False}},
    "output_format": "html",
}
SUMMARY_MAX_LENGTH = 40

DELETE_OUTPUT_DIRECTORY = False  # instead: unchanged files are left alone, stale ones removed
# Never removed from output/ when stale files are pruned (someone may keep the output in version control).
OUTPUT_RETENTION = [".git", ".hg", ".bzr", ".svn"]
LOAD_CONTENT_CACHE = False

# ---- theme -------------------------------------------------------------------
# Autoescape on: a title, place or branch name is text, never markup, wherever it comes from.
# Only HTML the kit made itself (rendered Markdown, JSON-LD) is marked safe in the templates.
# Compiled templates are kept under CACHE_PATH (hashed_assets adds the bytecode cache when a build
# starts), so 650 branch builds do not each compile the theme again.
# jinja2.ext.i18n: the interface's text through gettext (interface_language installs its callables).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
    "autoescape": True,
}

__all__ = [name for name in dir() if name.isupper()]  # what `import *` gives a site: the settings alone
