"""Settings for the party's sites: the main site, and (through branch_subsites) every branch.

Only the party's own values: every kit setting not set here has its default in the plugin that
owns it (docs/settings.md lists them all). A misspelt or wrong-typed one stops the build by name.

Branch subsites take these settings and override what branch.yaml says
(name, address, own domain): see plugins/branch_subsites/branch_settings.py.
"""

import logging
import os

from jinja2 import FileSystemBytecodeCache

site_root = os.path.dirname(os.path.abspath(__file__))  # this folder: the paths below are in it

# ---- the party ---------------------------------------------------------------
AUTHOR = "The Hedgerow Party"
SITENAME = "The Hedgerow Party"
SITESUBTITLE = "Rooted in every neighbourhood"
SITEURL = ""  # root-relative links for `make serve`; publishconf.py sets the real address
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# ---- where things are --------------------------------------------------------
PATH = os.path.join(site_root, "content")
OUTPUT_PATH = os.path.join(site_root, "output")
CACHE_PATH = os.path.join(site_root, ".cache", "main")
BRANCH_CACHE_PATH = os.path.join(site_root, ".cache", "branches")
THEME = os.path.join(site_root, "theme")
THEME_STATIC_DIR = "theme"
# The theme's own files, and lunr.js from npm (package-lock.json pins it; `make html` runs npm ci).
THEME_STATIC_PATHS = ["static", os.path.join(site_root, "node_modules", "lunr", "lunr.min.js")]
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

# ---- plugins ------------------------------------------------------------------
# build_pipeline connects every part of the kit in the order the build needs
# (plugins/build_pipeline/pipeline.py); a site's own plugins follow it.
PLUGIN_PATHS = [os.path.join(site_root, "plugins")]
PLUGINS = ["build_pipeline"]

# ---- addresses (every page is a folder with index.html: clean URLs) -----------
ARTICLE_URL = "news/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "news/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# A page in Welsh or Gaelic (`lang: cy`) keeps the same kind of address: no "-cy.html" suffix.
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
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
def _jinja_cache_dir() -> str:
    path = os.path.join(site_root, ".cache", "jinja")
    os.makedirs(path, exist_ok=True)
    return path


# Autoescape on: a title, place or branch name is text, never markup, wherever it comes from.
# Only HTML the kit made itself (rendered Markdown, JSON-LD) is marked safe in the templates.
# Compiled templates are kept in .cache/jinja, so 650 branch builds do not each compile the theme again.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
    "bytecode_cache": FileSystemBytecodeCache(_jinja_cache_dir()),
}

# ---- the party's own values for the kit's settings (every other one: docs/settings.md) ----
# Every domain the party's websites use. The published SITEURL's domain and every branch
# `domain` are added by the build.
OFFICIAL_DOMAINS = ["hedgerow.example"]
# Domains the party's email comes from (each branch's contact domain is added by the build).
OFFICIAL_EMAIL_DOMAINS = ["hedgerow.example"]
# The national accounts (each branch's channels are added by the build).
OFFICIAL_ACCOUNTS = [
    {"type": "mastodon", "url": "https://social.hedgerow.example/@hedgerow", "label": "@hedgerow"},
    {"type": "peertube", "url": "https://video.hedgerow.example/c/hedgerow", "label": "Hedgerow Party videos"},
    {"type": "discourse", "url": "https://forum.hedgerow.example/", "label": "The Hedgerow forum"},
    {"type": "email-list", "url": "https://lists.hedgerow.example/news", "label": "National newsletter"},
]
OFFICIAL_REPORT_EMAIL = "report-a-fake@hedgerow.example"
# Who reviews changes outside any branch folder (make codeowners): forge users or teams (@org/team).
CODEOWNERS_NATIONAL = ["@hedgerow/web-team"]
EVENTS_UID_DOMAIN = "hedgerow.example"  # never change it: calendar apps match events by it
SITE_FILES_SECURITY_CONTACT = ["mailto:security@hedgerow.example"]  # mailto: or https: addresses
SITE_FILES_SECURITY_LANGUAGES = "en, cy"
