"""What a server configuration is made of, read from the site's settings and its branches, each value
checked before any template sees it: a branch's `domain` is an editor's input, and a config file is a
program the web server runs as root."""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from branch_subsites.branch_config import BRANCH_FILE, load_branches
from branch_subsites.branch_settings import branch_site_url, has_own_domain
from browser_editor.csp import admin_content_security_policy
from calls_to_action.hosts import form_hosts
from content_schema.fields import HOSTNAME_PATTERN
from content_schema.problems import ProblemList
from old_addresses.served import served_redirects

# A folder on the host: absolute, plain characters, no `..` (each config language reads these bare).
FOLDER = re.compile(r"^/(?:[A-Za-z0-9._-]+/?)*$")
LISTEN = re.compile(r"^(?:(?:\d{1,3}\.){3}\d{1,3}:|\[[0-9a-f:]+\]:)?\d{1,5}$")
HEADER_NAME = re.compile(r"^[A-Za-z0-9-]+$")  # an HTTP token, as every header the kit sends
SUFFIX = re.compile(r"^\.[a-z0-9]+$")
SITE_FILE = re.compile(r"^[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*$")
# The browser editor's address (CMS_ADMIN_URL), written into a regular expression: words and hyphens
ADMIN_URL = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)*/$")


class ServerConfigProblems(Exception):
    """The values that cannot go into a server configuration, each by name; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("no server configuration was written:\n" + "\n".join(f"- {p}" for p in problems))


@dataclass(frozen=True)
class Site:
    """One host's server: the folder it serves and the certificates it shows."""

    host: str
    root: str
    certificates: str
    # old addresses sent on to their new places (old_addresses: the sites' redirects.yaml), as paths
    redirects: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class OwnDomain:
    """A branch built for its own domain: served there, and sent there from below the main site."""

    slug: str
    site: Site
    address: str  # the branch's own SITEURL, as its build has it (https://domain)


@dataclass(frozen=True)
class ServerValues:
    main: Site
    main_address: str  # SITEURL's scheme and host (and port): where the aliases send readers
    aliases: tuple[str, ...]
    own_domains: tuple[OwnDomain, ...]
    headers: tuple[tuple[str, str], ...]
    tls: bool
    http_listen: str
    https_listen: str
    acme_root: str
    digest_length: int
    hashed_suffixes: tuple[str, ...]
    not_found: str
    settings_file: str
    # each refused branch's problems ("path:line: message. fix"): the branch is left out (its server,
    # its newsletter's host), the other sites are written, and the command says so and fails
    left_out: tuple[str, ...] = ()
    # The browser editor's pages (browser_editor, when CMS_REPO is set): their address on every site
    # and preview (CMS_ADMIN_URL), and the policy they are served under instead of the others'
    admin_url: str = ""
    admin_policy: str = ""
    # pull-request previews (deploy.sh preview-upload): DEPLOY_PATH/previews/<number>, beside the
    # releases, served at /previews/<number>/ with noindex and their own 404 pages; the folder that
    # holds previews/ (DEPLOY_PATH), or "" for none (a root that is not DEPLOY_PATH/current)
    previews_root: str = ""

    @property
    def previews(self) -> bool:
        return bool(self.previews_root)

    @property
    def policy(self) -> str:
        """The Content-Security-Policy of every page but the editor's."""
        return next(value for name, value in self.headers if name.lower() == "content-security-policy")

    @property
    def sites(self) -> tuple[Site, ...]:
        return (self.main, *(d.site for d in self.own_domains))

    @property
    def redirect_sizes(self) -> tuple[int, int]:
        """nginx's map_hash_max_size and map_hash_bucket_size for the largest redirect map (powers of
        two): its defaults refuse a map of more than a few thousand addresses or one of 60 letters."""
        entries = max(len(site.redirects) for site in self.sites)
        longest = max((len(old) for site in self.sites for old, _ in site.redirects), default=0)
        return max(2048, 1 << (2 * entries).bit_length()), max(64, 1 << (longest + 32).bit_length())


def is_host(value: str) -> bool:
    """A domain name, localhost or an IPv4 address: nothing a config language would read as syntax."""
    if value == "localhost" or HOSTNAME_PATTERN.match(value):
        return True
    try:
        return isinstance(ipaddress.ip_address(value), ipaddress.IPv4Address)
    except ValueError:
        return False


def _plain_netloc(url: str) -> bool:
    """host or host:port, with no user name or password."""
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (it raises on a port that is not a number)
    except ValueError:
        return False
    return "@" not in parts.netloc


def with_form_action(policy: str, hosts: list[str]) -> str:
    """``policy`` (a Content-Security-Policy) whose `form-action` allows the site itself and exactly
    ``hosts``, the newsletter forms' (calls_to_action): a form posting anywhere else is blocked."""
    directive = " ".join(["form-action", "'self'", *(f"https://{host}" for host in hosts)])
    parts = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [directive if part.split()[0].lower() == "form-action" else part for part in parts]
    if directive not in kept:
        kept.append(directive)
    return "; ".join(kept)


def site_host(settings: dict) -> str | None:
    """SITEURL's host, or None when it has none."""
    try:
        return urlsplit(settings.get("SITEURL") or "").hostname
    except ValueError:
        return None


def server_values(settings: dict, settings_file: str) -> ServerValues:
    """Every value of the configuration, checked; ServerConfigProblems names each one refused."""
    problems: list[str] = []

    def folder(name: str, value: str) -> str:
        if not FOLDER.match(value) or ".." in value.split("/"):
            problems.append(f"{name} is {value!r}: it must be an absolute folder of letters, digits, . _ - and /")
        return value.rstrip("/") or "/"

    host = site_host(settings)
    scheme = urlsplit(settings.get("SITEURL") or "").scheme
    if not host or not is_host(host) or scheme not in ("http", "https") or not _plain_netloc(settings["SITEURL"]):
        problems.append(f"SITEURL is {settings.get('SITEURL')!r}: it must be the published address (publishconf.py)")
    elif settings["SERVER_CONFIG_TLS"] and scheme != "https":
        problems.append(f"SITEURL is {settings['SITEURL']!r}: with SERVER_CONFIG_TLS on it must start with https://")

    root = settings["SERVER_CONFIG_ROOT"]
    if root is None:
        problems.append("SERVER_CONFIG_ROOT is not set: give the live site's folder on the host (DEPLOY_PATH/current)")
        root = "/"
    root = folder("SERVER_CONFIG_ROOT", root)
    certificates = settings["SERVER_CONFIG_CERTIFICATES"]
    folder("SERVER_CONFIG_CERTIFICATES", certificates.replace("{host}", "host"))
    acme_root = folder("SERVER_CONFIG_ACME_ROOT", settings["SERVER_CONFIG_ACME_ROOT"])

    aliases = []
    for alias in settings["SERVER_CONFIG_ALIASES"]:
        if not is_host(alias):
            problems.append(f"SERVER_CONFIG_ALIASES holds {alias!r}, which is not a host name")
        aliases.append(alias)
    for name in ("SERVER_CONFIG_HTTP_LISTEN", "SERVER_CONFIG_HTTPS_LISTEN"):
        if not LISTEN.match(settings[name]):
            problems.append(f"{name} is {settings[name]!r}: it must be a port, or address:port")

    report = ProblemList(root=settings.get("KIT_ROOT") or os.getcwd())
    # A branch whose branch.yaml has an error is left out, not the whole file: a branch cannot stop
    # the other sites' configuration. load_branches keeps some of them (two claiming one domain).
    loaded = load_branches(settings, report)
    faulty = {p.path for p in report.errors}
    branches = [b for b in loaded if report.display_path(os.path.join(b.folder, BRANCH_FILE)) not in faulty]
    left_out = tuple(f"{p.path}:{p.line}: {p.message}. {p.fix}" for p in report.errors)
    hosts = form_hosts(settings, branches)
    allowed = [h.lower() for h in settings["NEWSLETTER_HOSTS"]]
    for form_host in hosts:
        if not is_host(form_host):  # checked as a URL where it is set; this file is run by root
            problems.append(f"a newsletter form posts to {form_host!r}, which is not a host name")
        elif form_host not in allowed:  # checked where it is set too: form-action allows these alone
            problems.append(
                f"a newsletter form posts to {form_host}, which is not one of NEWSLETTER_HOSTS "
                f"({', '.join(allowed) or 'none listed'}): add it there, or change the form (`make check` says where)"
            )
    headers = []
    for name, value in settings["SERVER_CONFIG_HEADERS"].items():
        if name.lower() == "content-security-policy":
            value = with_form_action(value, hosts)
        if not HEADER_NAME.match(name):
            problems.append(f"SERVER_CONFIG_HEADERS has the header name {name!r}: only letters, digits and -")
        elif not value.isascii() or not value.isprintable():
            problems.append(f"SERVER_CONFIG_HEADERS[{name!r}] is {value!r}: only printable ASCII")
        headers.append((name, value))

    suffixes = [s.lower() for s in settings["HASHED_ASSETS_SUFFIXES"]]
    for suffix in suffixes:
        if not SUFFIX.match(suffix):
            problems.append(f"HASHED_ASSETS_SUFFIXES holds {suffix!r}: a suffix is a dot, letters and digits")
    not_found = settings["SITE_FILES_NOT_FOUND_SAVE_AS"]
    if not SITE_FILE.match(not_found) or ".." in not_found.split("/"):
        problems.append(f"SITE_FILES_NOT_FOUND_SAVE_AS is {not_found!r}: letters, digits, . _ - and / only, no ..")

    admin_url = admin_policy = ""
    if settings.get("CMS_REPO"):
        admin_url = settings["CMS_ADMIN_URL"]
        admin_policy = admin_content_security_policy(settings)
        if not ADMIN_URL.match(admin_url):
            problems.append(
                f"CMS_ADMIN_URL is {admin_url!r}: for the server it must be words of a-z, 0-9 and -, ending in /"
            )
        elif not any(name.lower() == "content-security-policy" for name, _ in headers):
            problems.append("SERVER_CONFIG_HEADERS has no Content-Security-Policy for the editor's pages to replace")
        elif not admin_policy.isascii() or not admin_policy.isprintable():
            problems.append(
                f"the editor's policy {admin_policy!r} (from CMS_API_ROOT, CMS_BASE_URL): only printable ASCII"
            )

    own_domains = []
    if settings["BRANCH_OWN_DOMAINS"]:
        for branch in branches:
            if not has_own_domain(branch, settings):
                continue
            if not is_host(branch.domain):  # load_branch checks it too; this file is run by root
                problems.append(f"branch {branch.slug}: its domain {branch.domain!r} is not a host name")
            folder_on_host = f"{root.rstrip('/')}/branches/{branch.slug}"
            moved = served_redirects(branch.folder, settings, report)
            site = Site(branch.domain, folder_on_host, certificates.replace("{host}", branch.domain), moved)
            own_domains.append(OwnDomain(branch.slug, site, branch_site_url(branch, settings)))

    # Old addresses: the main site's, and each branch's below /branches/<slug>/ (a branch on its own
    # domain has them there). An entry with a problem is left out, and said, as a faulty branch is.
    own = {d.slug for d in own_domains}
    redirects = served_redirects(settings["PATH"], settings, report)
    for branch in branches:
        if branch.slug not in own:
            redirects += served_redirects(branch.folder, settings, report, f"/branches/{branch.slug}")
    left_out += tuple(f"{p.path}:{p.line}: {p.message}. {p.fix}" for p in report.errors if p.path not in faulty)

    if problems:
        raise ServerConfigProblems(problems)
    return ServerValues(
        main=Site(host, root, certificates.replace("{host}", host), tuple(sorted(redirects))),
        main_address=f"{scheme}://{urlsplit(settings['SITEURL']).netloc}",
        aliases=tuple(aliases),
        own_domains=tuple(own_domains),
        headers=tuple(headers),
        tls=settings["SERVER_CONFIG_TLS"],
        http_listen=settings["SERVER_CONFIG_HTTP_LISTEN"],
        https_listen=settings["SERVER_CONFIG_HTTPS_LISTEN"],
        acme_root=acme_root,
        digest_length=settings["HASHED_ASSETS_DIGEST_LENGTH"],
        hashed_suffixes=tuple(s.lstrip(".") for s in suffixes),
        not_found=not_found,
        settings_file=os.path.basename(settings_file),
        left_out=left_out,
        admin_url=admin_url,
        admin_policy=admin_policy,
        previews_root=os.path.dirname(root) if settings["SERVER_CONFIG_PREVIEWS"] and root.endswith("/current") else "",
    )
