"""Settings for the party's sites: the main site, and (through branch_subsites) every branch.

Branch subsites take these settings and override what branch.yaml says
(name, address, own domain): see plugins/branch_subsites/branch_settings.py.
"""

import logging
import os

from jinja2 import FileSystemBytecodeCache

KIT_ROOT = os.path.dirname(os.path.abspath(__file__))

# ---- the party ---------------------------------------------------------------
AUTHOR = "The Hedgerow Party"
SITENAME = "The Hedgerow Party"
SITESUBTITLE = "Rooted in every neighbourhood"
SITEURL = ""  # root-relative links for `make serve`; publishconf.py sets the real address
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en-GB"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# ---- where things are --------------------------------------------------------
PATH = os.path.join(KIT_ROOT, "content")
BRANCHES_PATH = os.path.join(KIT_ROOT, "branches")
OUTPUT_PATH = os.path.join(KIT_ROOT, "output")
CACHE_PATH = os.path.join(KIT_ROOT, ".cache", "main")
BRANCH_CACHE_PATH = os.path.join(KIT_ROOT, ".cache", "branches")
THEME = os.path.join(KIT_ROOT, "theme")
THEME_STATIC_DIR = "theme"
# The theme's own files, and lunr.js from npm (package-lock.json pins it; `make html` runs npm ci).
THEME_STATIC_PATHS = ["static", os.path.join(KIT_ROOT, "node_modules", "lunr", "lunr.min.js")]
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

# ---- plugins: in the order their receivers run --------------------------------
PLUGIN_PATHS = [os.path.join(KIT_ROOT, "plugins")]
PLUGINS = [
    "reproducible_output",  # first: fixes the build's "now" for every other plugin
    "editor_checks",  # then check everything before anything is built
    "front_matter",
    "content_links",
    "file_policy",  # before events, which escapes file addresses with it (a plugin imports only earlier ones)
    "absolute_addresses",  # before events, whose calendars and JSON-LD need absolute addresses in previews too
    "html_policy",  # adds its extension to MARKDOWN when Pelican starts, before any Markdown is read
    "branch_subsites",
    "branch_directory",
    "official_channels",
    "events",  # after branch_subsites: the main site aggregates the branches' events
    "responsive_images",  # after events: it rewrites the pictures of event pages too
    "site_search",  # it indexes what every other generator found
    "hashed_assets",  # theme files under content-hashed names (publishconf.py)
    "site_files",  # 404 page; sitemaps, robots.txt, security.txt (publishconf.py)
    "precompressed_files",  # last: .gz and .br beside every text file written (publishconf.py)
]

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
BRANCH_DIRECTORY_URL = "branches/"
BRANCH_DIRECTORY_SAVE_AS = "branches/index.html"
BRANCH_DIRECTORY_NATION_URL = "branches/{nation}/"  # a nation's branches, in full
BRANCH_DIRECTORY_REGION_URL = "branches/{nation}/{region}/"  # an English region's branches, in full
BRANCH_FINDER_JSON_SAVE_AS = "branches/finder.json"  # postcode district -> branches, for the finder
BRANCHES_JSON_SAVE_AS = "branches.json"  # docs/branches-json.md
BRANCHES_OPML_SAVE_AS = "branches.opml"  # every branch's news feed, for feed readers
BRANCHES_CALENDARS_OPML_SAVE_AS = "branches-calendars.opml"  # every branch's calendar
BRANCH_START_URL = "start-a-branch/"  # where the finder sends people with no branch yet
OFFICIAL_URL = "official/"
OFFICIAL_SAVE_AS = "official/index.html"
OFFICIAL_JSON_SAVE_AS = "official.json"
# Page addresses a page's slug may not take (they are used by the kit).
RESERVED_PAGE_SLUGS = [
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
]

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
PAGE_DEFAULT_ORDER = 50

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
# Branch Markdown is always cleaned with html_policy's allow-list; True cleans the main site's too.
HTML_POLICY_SANITISE_MAIN = False

# ---- branch subsites -----------------------------------------------------------
BRANCH_BUILD_JOBS = None  # worker processes; None: one per core
BRANCH_OWN_DOMAINS = False  # publishconf.py: build branches with a `domain` at that domain
BRANCH_NEWS_EXPORTED = 10  # newest posts each branch hands to the main site
HOME_BRANCH_NEWS = 6  # branch posts on the main home page
# Files whose change rebuilds every branch (besides the theme and the plugins).
BRANCH_SHARED_INPUT_FILES = ["pelicanconf.py", "publishconf.py", "requirements.txt"]
# Channel types a branch may list, with the words readers see.
BRANCH_CHANNEL_TYPES = {
    "signal": "Signal group",
    "matrix": "Matrix room",
    "discourse": "Forum",
    "mastodon": "Mastodon account",
    "email": "Email",
    "email-list": "Mailing list",
    "website": "Website",
    "peertube": "Video channel",
    "xmpp": "XMPP chat",
    "facebook": "Facebook page",
    "whatsapp": "WhatsApp group",
}
# Channel types whose address may be a mailto: link.
BRANCH_EMAIL_CHANNEL_TYPES = ["email", "email-list"]
# Channel types the check warns about, with what the party would rather branches used.
BRANCH_DISCOURAGED_CHANNELS = {
    "facebook": "a Mastodon account for news and a Matrix room or the forum for discussion",
    "whatsapp": "a Signal group, or a Matrix room",
}

# ---- search (site_search) -----------------------------------------------------
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_DATA_SAVE_AS = "search/search.json"
SEARCH_BODY_WORDS = 120  # the first this many words of a text are indexed (the index stays small)
SEARCH_SNIPPET_WORDS = 30  # words shown under each result
SEARCH_EVENTS_PER_BRANCH = 2  # the main site's index holds each branch's next this many events

# ---- official channels (official/ and official.json) -----------------------------
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
OFFICIAL_STATEMENT = (
    "We only ask for money, membership or sign-ups on the websites listed here. "
    "A message that asks you to pay, join or log in anywhere else is not from the party, "
    "however official it looks."
)
OFFICIAL_REPORT_EMAIL = "report-a-fake@hedgerow.example"
OFFICIAL_REPORT_ADVICE = (
    "Forward the message, or send the address of the fake site, to the address above. "
    "Do not click its links or reply to it. If you have already paid or given a password, "
    "contact your bank, change the password, and report it to Action Fraud (0300 123 2040)."
)

# ---- review by pull request (make codeowners) ------------------------------------
# Who reviews changes outside any branch folder: forge users or teams (@org/team).
CODEOWNERS_NATIONAL = ["@hedgerow/web-team"]
# The CODEOWNERS files `make codeowners` writes, each in its forge's syntax.
CODEOWNERS_FILES = {
    ".github/CODEOWNERS": "glob",  # GitHub
    ".gitlab/CODEOWNERS": "glob",  # GitLab
    ".gitea/CODEOWNERS": "regexp",  # Forgejo and Gitea
}

# ---- checks ------------------------------------------------------------------
EDITOR_CHECKS_ON_BUILD = True
EDITOR_CHECKS_JOBS = None  # worker processes for checking many sites at once; None: one per core

# ---- reproducible output -----------------------------------------------------
BUILD_NOW = None  # set from SOURCE_DATE_EPOCH (or the clock) when the build starts
DELETE_OUTPUT_DIRECTORY = False  # instead: unchanged files are left alone, stale ones removed
OUTPUT_PRUNE = True
# A build with nothing changed since the last one that finished ends at once, writing nothing.
BUILD_SKIP_UNCHANGED = True
# Never removed from output/ when stale files are pruned (someone may keep the output in version control).
OUTPUT_RETENTION = [".git", ".hg", ".bzr", ".svn"]
LOAD_CONTENT_CACHE = False


# ---- theme -------------------------------------------------------------------
def _jinja_cache_dir() -> str:
    path = os.path.join(KIT_ROOT, ".cache", "jinja")
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
HOME_OWN_NEWS = 5  # a site's own posts on its home page
MENU_MAX_PAGES = 6  # pages with an `order` below 50 are in the menu, at most this many

# ---- pictures (responsive_images; docs/images.md) ----------------------------------
RESPONSIVE_IMAGES_WIDTHS = [480, 960, 1600]  # copies made of each picture, never wider than the picture
RESPONSIVE_IMAGES_MAX_PIXELS = 50_000_000  # larger pictures are refused (a 50-megapixel phone photo fits)
RESPONSIVE_IMAGES_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"  # the theme's text column
RESPONSIVE_IMAGES_JPEG_QUALITY = 82
RESPONSIVE_IMAGES_WEBP_QUALITY = 80
RESPONSIVE_IMAGES_CARD_PATH = "cards"  # share cards for pages with no picture of their own

# ---- events ------------------------------------------------------------------
EVENTS_PATH = "events"
EVENTS_URL = "events/"
EVENTS_SAVE_AS = "events/index.html"
EVENTS_PAST_URL = "events/past/"
EVENTS_PAST_SAVE_AS = "events/past/index.html"
EVENTS_MONTH_URL = "events/{key}/"  # key: 2027/01
EVENTS_MONTH_SAVE_AS = "events/{key}/index.html"
EVENT_URL = "events/{slug}/"  # slug: 2027-01-12-branch-meeting, one page per date
EVENT_SAVE_AS = "events/{slug}/index.html"
EVENT_ICS_URL = "events/{slug}.ics"  # the whole event (all its dates), for "Add to calendar"
EVENTS_CALENDAR_SAVE_AS = "calendar.ics"  # every site's own events
EVENTS_ALL_CALENDAR_SAVE_AS = "calendars/all.ics"  # main site: national and every branch (windowed, capped)
EVENTS_NATION_CALENDAR_SAVE_AS = "calendars/{nation}.ics"
EVENTS_REGION_CALENDAR_SAVE_AS = "calendars/{nation}/{region}.ics"  # each English region's
EVENTS_NATION_URL = "events/{nation}/"
EVENTS_NATION_SAVE_AS = "events/{nation}/index.html"
EVENTS_NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]
EVENTS_HORIZON_MONTHS = 12  # how far ahead repeating events are listed
EVENTS_PAST_MONTHS = 12  # how far back past dates of repeating events are kept
EVENTS_NATION_DAYS = 90  # a nation's page lists the events of the next this many days,
EVENTS_NATION_LIMIT = 60  # but no more than this many: at 650 branches England has thousands
EVENTS_UID_DOMAIN = "hedgerow.example"  # never change it: calendar apps match events by it
HOME_SITE_EVENTS = 3
HOME_COUNTRY_EVENTS = 6

# ---- publishing: off for `make html`, on in publishconf.py ------------------------
HASHED_ASSETS = False  # theme css/js also written as name.<digest>.ext, and pages link to those
HASHED_ASSETS_SUFFIXES = [".css", ".js"]
HASHED_ASSETS_DIGEST_LENGTH = 10  # hex digits; deploy/ matches names with exactly this many
HASHED_ASSETS_MANIFEST = None  # {plain name: hashed name}, set by the build
SITE_FILES = False  # sitemaps, robots.txt and security.txt (they need the real address)
SITE_FILES_NOT_FOUND_SAVE_AS = "404.html"  # every site, always: deploy/ serves it for a missing page
SITE_FILES_SITEMAP_SAVE_AS = "sitemap.xml"  # every site
SITE_FILES_SITEMAP_INDEX_SAVE_AS = "sitemap-index.xml"  # main site: its sitemap and its branches'
SITE_FILES_SITEMAP_MAX_URLS = 50000  # the sitemap protocol's limit; past it, numbered parts
SITE_FILES_ROBOTS_SAVE_AS = "robots.txt"
SITE_FILES_ROBOTS_DISALLOW = []  # paths crawlers are asked to leave alone
SITE_FILES_SECURITY_SAVE_AS = ".well-known/security.txt"
SITE_FILES_SECURITY_CONTACT = ["mailto:security@hedgerow.example"]  # mailto: or https: addresses
SITE_FILES_SECURITY_EXPIRES_DAYS = 180  # counted from the build's "now": publish at least this often
SITE_FILES_SECURITY_LANGUAGES = "en, cy"
SITE_FILES_SECURITY_POLICY = None  # the address of a disclosure policy, if the party has one
PRECOMPRESSED_FILES = False
PRECOMPRESSED_FILES_SUFFIXES = [".html", ".css", ".js", ".json", ".xml", ".ics", ".opml", ".txt", ".svg"]
PRECOMPRESSED_FILES_MIN_SIZE = 256  # bytes; smaller files gain nothing
PRECOMPRESSED_FILES_GZIP_LEVEL = 9
PRECOMPRESSED_FILES_BROTLI_QUALITY = 11  # the slowest and smallest; 5 is ten times faster and ~15% larger
