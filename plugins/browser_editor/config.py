"""The settings browser_editor owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, address, in_site_folder

FORGES = ("github", "gitlab", "forgejo")

# Where each forge's API and sign-in live when a site does not say (the forges' public instances).
API_ROOTS = {
    "github": "https://api.github.com",
    "gitlab": "https://gitlab.com/api/v4",
    "forgejo": "https://codeberg.org/api/v1",
}
BASE_URLS = {"github": "https://github.com", "gitlab": "https://gitlab.com", "forgejo": "https://codeberg.org"}


def _forge(value) -> str | None:
    return None if value in FORGES else f"it must be one of {', '.join(FORGES)}, not {value!r}"


def _repo(value) -> str | None:
    owner, _, name = value.partition("/")
    if value and not (owner and name):
        return f"it must be the repository as owner/name, not {value!r}"
    return None


SETTINGS = [
    Setting(
        "CMS_REPO",
        "",
        str,
        "The site's repository on its forge, as owner/name; empty writes no admin pages.",
        _repo,
    ),
    Setting("CMS_FORGE", "github", str, "The forge the repository is on: github, gitlab or forgejo.", _forge),
    Setting("CMS_BRANCH", "main", str, "The branch the site is built from; the CMS opens pull requests against it."),
    Setting(
        "CMS_API_ROOT",
        None,
        str,
        "The forge's API (by default the public instance's: api.github.com, gitlab.com, codeberg.org).",
        default_from=lambda settings: API_ROOTS.get(settings.get("CMS_FORGE", "github"), ""),
    ),
    Setting(
        "CMS_BASE_URL",
        None,
        str,
        "Where editors sign in: the forge itself (GitLab, Forgejo) or the OAuth helper (GitHub).",
        default_from=lambda settings: BASE_URLS.get(settings.get("CMS_FORGE", "github"), ""),
    ),
    Setting(
        "CMS_APP_ID",
        "",
        str,
        "The OAuth application's client ID on GitLab or Forgejo (sign-in without a server, PKCE).",
    ),
    Setting("CMS_ADMIN_URL", "admin/", str, "The editor's page, on every site.", address),
    Setting(
        "CMS_FILES_URL",
        "admin/cms/",
        str,
        "Where the main site publishes the CMS's script files, which every site's editor page loads.",
        address,
    ),
    Setting(
        "CMS_DIST",
        None,
        str,
        "Decap CMS's built files; by default `node_modules/decap-cms/dist` in the site's folder (KIT_ROOT).",
        default_from=in_site_folder("node_modules", "decap-cms", "dist"),
    ),
]
