"""nginx, with the configuration `branchsites server-config` writes, serving a published site on
127.0.0.1: every page, the headers, the types, the precompressed files, each site's 404 page, a
branch's own domain, and the pages in Chromium under the Content-Security-Policy with no violation."""

from __future__ import annotations

import gzip
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from browser import CONTENT_SECURITY_POLICY as THEME_POLICY
from servers import server_config

from branch_subsites.official_domains import host_of
from conftest import PUBLISHED_BRANCH_DOMAIN, publish, published_fixture
from kit_testing import kit_site_values
from server_configs.values import with_form_action

# The theme's policy, its forms let through to the kit site's newsletter list (calls_to_action).
CONTENT_SECURITY_POLICY = with_form_action(THEME_POLICY, [host_of(kit_site_values()["NEWSLETTER_URL"])])

HASHED = re.compile(r"\.[0-9a-f]{10}\.(css|js)$")
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Strict-Transport-Security": "max-age=31536000",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url: str, **headers):
    """(status, headers, body); urllib sends no Accept-Encoding unless asked."""
    try:
        with OPENER.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_servers(port: int, root: Path, project: Path, **settings) -> str:
    """The config `branchsites server-config --server nginx` writes for ``project`` served from ``root``,
    over plain HTTP on 127.0.0.1:``port``: the main site and beta-net on its own domain."""
    return server_config(
        "nginx",
        project,
        SITEURL=f"http://127.0.0.1:{port}",
        SERVER_CONFIG_TLS=False,
        SERVER_CONFIG_HTTP_LISTEN=f"127.0.0.1:{port}",
        SERVER_CONFIG_ROOT=str(root),
        **settings,
    )


test_servers.__test__ = False  # a helper, not a test


@pytest.fixture(scope="module")
def served(nginx, tmp_path_factory):
    """(url, root): the fixture published for nginx's own address, and served by it."""
    folder = tmp_path_factory.mktemp("nginx")
    root = folder / "site"
    root.mkdir()
    project = published_fixture(folder / "project")
    url = nginx(folder / "prefix", lambda port: test_servers(port, root, project))  # the port is known once it runs
    output = publish(project, SITEURL=url, OUTPUT_PATH=str(folder / "build"))
    root.rmdir()
    shutil.move(output, root)
    return url, root


def page_paths(root: Path, skip: str = "") -> list[str]:
    paths = []
    for page in sorted(root.rglob("*.html")):
        relative = page.relative_to(root).as_posix()
        if skip and relative.startswith(skip):
            continue
        paths.append("/" + relative.removesuffix("index.html"))
    return paths


def test_every_page_is_200_html_with_the_headers(served):
    url, root = served
    paths = page_paths(root, skip="branches/beta-net/")
    assert len(paths) > 40
    for path in paths:
        status, headers, _ = get(url + path)
        assert status == 200, path
        assert headers["Content-Type"] == "text/html; charset=utf-8", path
        for name, value in HEADERS.items():
            assert headers[name] == value, (path, name)
        assert headers["Cache-Control"] == "no-cache", path


def test_a_branch_on_its_own_domain_is_served_from_its_folder(served):
    url, root = served
    beta = root / "branches" / "beta-net"
    for path in page_paths(beta):
        status, headers, body = get(url + path, Host=PUBLISHED_BRANCH_DOMAIN)
        assert status == 200, path
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    _, _, home = get(url + "/", Host=PUBLISHED_BRANCH_DOMAIN)
    assert home == (beta / "index.html").read_bytes()
    status, _, body = get(url + "/robots.txt", Host=PUBLISHED_BRANCH_DOMAIN)
    assert status == 200 and body == (beta / "robots.txt").read_bytes()


# The fixture's redirects.yaml files (old_addresses): (host, old address, its new place). Either form
# of an old address, with its final slash or without, is sent on.
OLD_ADDRESSES = [
    (None, "/about-us", "/about/"),
    (None, "/about-us/", "/about/"),
    (None, "/blog/2026/1/10/contact-us", "/contact/"),
    (None, "/calendar/", "/events/"),
    (None, "/branches/alpha/who-we-are", "/branches/alpha/about/"),
    (PUBLISHED_BRANCH_DOMAIN, "/news.html", "/news/"),
]


def check_old_addresses(url: str, root: Path) -> None:
    """Each old address answers 301 with its new place, where the page is (for any server)."""
    for host, old, new in OLD_ADDRESSES:
        headers = {"Host": host} if host else {}
        status, response, _ = get(url + old, **headers)
        assert status == 301, (host, old, status)
        assert urlsplit(response["Location"]).path == new, (old, response["Location"])
        assert response["Content-Security-Policy"], old  # the headers come with the redirect too
        status, _, body = get(url + new, **headers)
        folder = root / "branches" / "beta-net" if host else root
        assert status == 200 and body == (folder / new.lstrip("/") / "index.html").read_bytes(), new
    status, _, _ = get(url + "/about/")
    assert status == 200  # a new address is never sent anywhere


def test_old_addresses_are_sent_to_their_new_places(served):
    check_old_addresses(*served)


def test_types_of_calendars_feeds_data_and_well_known_files(served):
    url, root = served
    expected = {
        "/calendar.ics": "text/calendar; charset=utf-8",
        "/feeds/all.atom.xml": "text/xml; charset=utf-8",
        "/branches.json": "application/json; charset=utf-8",
        "/sitemap.xml": "text/xml; charset=utf-8",
        "/robots.txt": "text/plain; charset=utf-8",
        "/.well-known/security.txt": "text/plain; charset=utf-8",
        "/theme/brand/site.webmanifest": "application/manifest+json",
    }
    for path, content_type in expected.items():
        status, headers, body = get(url + path)
        assert (status, headers["Content-Type"]) == (200, content_type), path
        assert body == (root / path.lstrip("/")).read_bytes()
    ics = next(root.glob("branches/alpha/events/*.ics"))
    status, headers, _ = get(f"{url}/{ics.relative_to(root).as_posix()}")
    assert (status, headers["Content-Type"]) == (200, "text/calendar; charset=utf-8")


def test_precompressed_files_are_sent_as_they_are(served):
    url, root = served
    raw = (root / "index.html").read_bytes()
    status, headers, body = get(url + "/", **{"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "br" and body == (root / "index.html.br").read_bytes()
    assert brotli.decompress(body) == raw and headers["Vary"] == "Accept-Encoding"
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY  # headers on the .br too
    _, headers, body = get(url + "/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == raw
    _, headers, body = get(url + "/")
    assert "Content-Encoding" not in headers and body == raw


def test_hashed_assets_are_kept_a_year_and_plain_ones_an_hour(served):
    url, root = served
    hashed = [p for p in (root / "theme").rglob("*") if HASHED.search(p.name)]
    assert len(hashed) >= 5
    for path in hashed:
        status, headers, _ = get(f"{url}/{path.relative_to(root).as_posix()}", **{"Accept-Encoding": "br"})
        assert status == 200
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", path.name
        assert headers["Content-Type"] in ("text/css; charset=utf-8", "application/javascript; charset=utf-8")
    assert get(url + "/theme/css/site.css")[1]["Cache-Control"] == "public, max-age=3600"


def test_each_site_has_its_own_404_page(served):
    url, root = served
    status, headers, body = get(url + "/no/such/page/")
    assert status == 404 and body == (root / "404.html").read_bytes()
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    status, _, body = get(url + "/branches/alpha/no-such-page/")
    assert status == 404 and body == (root / "branches" / "alpha" / "404.html").read_bytes()
    for path in ("/branches/england/nope/", "/branches/gone-branch/nope/"):
        status, _, body = get(url + path)
        assert status == 404 and body == (root / "404.html").read_bytes(), path
    status, _, body = get(url + "/nope/", Host=PUBLISHED_BRANCH_DOMAIN)
    assert status == 404 and body == (root / "branches" / "beta-net" / "404.html").read_bytes()
    assert get(url + "/.git/config")[0] == 404


CHROMIUM_PAGES = ["/", "/search/", "/branches/", "/branches/alpha/", "/events/", "/about/", "/no/such/page/"]


@pytest.mark.parametrize("path", CHROMIUM_PAGES)
def test_chromium_loads_pages_with_the_csp_enforced_and_no_violation(served, open_page, path):
    url, _ = served
    page = open_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    response = page.goto(url + path, wait_until="load")
    assert response.status == (404 if "no/such" in path else 200)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert page.evaluate("getComputedStyle(document.querySelector('.kit-skip-link')).position") == "absolute"
    if path == "/search/":
        page.fill("#search-query", "library")
        page.wait_for_selector("#search-results li")
    if path == "/branches/":
        page.get_by_label("Your postcode").fill("AB1 2CD")
        page.get_by_label("Your postcode").press("Enter")
        page.locator("#finder-result a").first.wait_for()
    assert violations == []
    document_404 = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert [p for p in page.problems if not ("no/such" in path and p == document_404)] == []


# ---- the browser editor's pages and pull-request previews ------------------------------------

EDITOR = {
    "CMS_REPO": "party/site",
    "CMS_FORGE": "forgejo",
    "CMS_BASE_URL": "https://git.party.example",
    "CMS_API_ROOT": "https://git.party.example/api/v1",
    "CMS_APP_ID": "0c5e1d2a-client",
}


@pytest.fixture(scope="module")
def served_with_editor(nginx, tmp_path_factory):
    """The fixture published with the browser editor on, laid out as deploy.sh leaves a host
    (DEPLOY_PATH/current the live site, DEPLOY_PATH/previews/7 a link to previews/.builds/7-<time>,
    a pull request's preview), served by nginx."""
    folder = tmp_path_factory.mktemp("nginx-editor")
    deploy_path = folder / "srv"
    root = deploy_path / "current"
    root.mkdir(parents=True)
    project = published_fixture(folder / "project")

    url = nginx(folder / "prefix", lambda port: test_servers(port, root, project, **EDITOR))
    output = publish(project, SITEURL=url, OUTPUT_PATH=str(folder / "build"), **EDITOR)
    root.rmdir()
    shutil.move(output, root)
    preview = deploy_path / "previews" / ".builds" / "7-20261203T0800"
    preview.parent.mkdir(parents=True)
    shutil.copytree(root / "branches" / "alpha", preview)  # any built site will do
    (deploy_path / "previews" / "7").symlink_to(".builds/7-20261203T0800")
    return url, deploy_path


def policy_of(headers) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))


def test_the_editor_pages_alone_get_the_editor_policy(served_with_editor):
    url, _ = served_with_editor
    for page in ("/admin/", "/branches/alpha/admin/", "/admin/config.yml"):
        status, headers, _ = get(url + page)
        assert status == 200, page
        policy = policy_of(headers)
        assert policy["connect-src"] == "'self' https://git.party.example", page
        assert policy["script-src"] == "'self' 'unsafe-eval'", page
        assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff", page
    assert get(url + "/admin/config.yml")[1]["Content-Type"].startswith("text/yaml")
    for page in ("/", "/branches/alpha/", "/news/", "/administration-of-the-party/"):
        status, headers, _ = get(url + page)
        assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY, page
        assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert get(url + "/admin/cms/decap-cms.js")[0] == 200


def test_previews_are_served_unindexed_and_only_through_their_number(served_with_editor):
    url, deploy_path = served_with_editor
    status, headers, body = get(url + "/previews/7/")
    assert status == 200 and b"Alphaton" in body
    assert headers["X-Robots-Tag"] == "noindex, nofollow"
    assert headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    status, headers, body = get(url + "/previews/7/no-such-page/")
    assert status == 404 and body == (deploy_path / "previews/7/404.html").read_bytes()  # the preview's own 404
    assert get(url + "/previews/.builds/7-20261203T0800/")[0] == 404
    assert get(url + "/previews/7/admin/")[1]["Content-Security-Policy"] == CONTENT_SECURITY_POLICY  # strict
    assert get(url + "/previews/8/")[0] == 404
    status, headers, _ = get(url + "/")
    assert status == 200 and "X-Robots-Tag" not in headers
