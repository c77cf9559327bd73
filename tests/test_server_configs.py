"""`branchsites server-config` (server_configs): nginx's, Apache's and Caddy's configuration made from the
site's settings and its branches, checked by each server itself, the same bytes every time, and a
hostile value (a branch's `domain` is an editor's input) refused by name with nothing written.

tests/test_nginx.py serves a published site through the nginx configuration this makes."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from servers import NGINX, free_port, nginx_check, nginx_main_config, server_config

from conftest import PUBLISHED_BRANCH_DOMAIN, PUBLISHED_SITEURL, published_fixture
from kit_testing import KIT_ROOT, PUBLISH_SETTINGS_FILE, project_paths
from server_configs.__main__ import main, read_server_settings
from server_configs.render import UnsafeValue, render
from server_configs.values import ServerConfigProblems, server_values

SERVERS = ("nginx", "apache", "caddy")
# deploy/: what the command writes for the published test fixture (beta-net on beta.example), as an
# example to read; a party makes its own with `make server-config`.
EXAMPLES = {"nginx": "deploy/nginx/site.conf", "apache": "deploy/apache/site.conf", "caddy": "deploy/caddy/Caddyfile"}
EXAMPLE_ROOT = "/srv/party/current"
APACHE = "/usr/sbin/apache2"
CADDY = "/usr/bin/caddy"
OPENSSL_SELF_SIGNED = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj"]


@pytest.fixture(scope="module")
def fixture_project(tmp_path_factory):
    return published_fixture(tmp_path_factory.mktemp("server-config") / "project")


def example(server: str, project: Path) -> str:
    return server_config(server, project, SITEURL=PUBLISHED_SITEURL, SERVER_CONFIG_ROOT=EXAMPLE_ROOT)


@pytest.mark.parametrize("server", SERVERS)
def test_the_examples_in_deploy_are_what_the_command_writes(fixture_project, server):
    text = example(server, fixture_project)
    path = KIT_ROOT / EXAMPLES[server]
    if os.environ.get("UPDATE_DEPLOY_EXAMPLES"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"run UPDATE_DEPLOY_EXAMPLES=1 pytest {__file__}"


@pytest.mark.parametrize("server", SERVERS)
def test_the_same_settings_give_the_same_bytes_with_every_host_in_it(fixture_project, server):
    first = example(server, fixture_project)
    assert example(server, fixture_project) == first
    for host in ("party.example", "www.party.example", "beta.example", EXAMPLE_ROOT + "/branches/beta-net"):
        assert host in first, host
    # forms post to the site itself and the newsletter's list (calls_to_action), nowhere else
    policy = (
        "default-src 'self'; base-uri 'none'; form-action 'self' https://lists.test-party.example; "
        "frame-ancestors 'none'"
    )
    assert policy in first


def site_settings_with_certificates(tmp_path: Path, project: Path, **overrides) -> dict:
    """The kit's test site's publishconf.py over ``project`` (the published fixture: beta-net has its
    own domain), certificates made for each host."""
    settings = read_server_settings(
        str(PUBLISH_SETTINGS_FILE),
        {
            **project_paths(project),
            "CACHE_PATH": str(tmp_path / "cache"),
            "SERVER_CONFIG_ROOT": str(tmp_path / "srv" / "current"),
            "SERVER_CONFIG_CERTIFICATES": str(tmp_path / "certs" / "{host}"),
            "SERVER_CONFIG_HTTP_LISTEN": "127.0.0.1:18080",
            "SERVER_CONFIG_HTTPS_LISTEN": "127.0.0.1:18443",
            **overrides,
        },
    )
    values = server_values(settings, str(PUBLISH_SETTINGS_FILE))
    assert values.own_domains, "the fixture has a branch with its own domain"
    for site in values.sites:
        folder = Path(site.certificates)
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                *OPENSSL_SELF_SIGNED,
                f"/CN={site.host}",
                "-keyout",
                folder / "privkey.pem",
                "-out",
                folder / "fullchain.pem",
            ],
            check=True,
            capture_output=True,
        )
    return settings


# The browser editor on (its pages under their own policy, browser_editor.csp), or off.
EDITOR = {"CMS_REPO": "party/site", "CMS_FORGE": "gitlab", "CMS_APP_ID": "0c5e1d2a"}
WITH_AND_WITHOUT_EDITOR = pytest.mark.parametrize("editor", [{}, EDITOR], ids=["", "with-editor"])


@WITH_AND_WITHOUT_EDITOR
def test_nginx_t_passes_a_site_s_config_with_its_own_domain_branch(tmp_path, fixture_project, editor):
    settings = site_settings_with_certificates(tmp_path, fixture_project, **editor)
    text = render("nginx", server_values(settings, "publishconf.py"))
    own = [site.host for site in server_values(settings, "publishconf.py").sites][1:]  # the branches' own domains
    assert own and all(f"server_name {host};" in text for host in own) and "ssl_certificate " in text
    nginx_check(tmp_path / "prefix", nginx_main_config(tmp_path / "prefix", text))
    assert os.path.exists(NGINX)


@WITH_AND_WITHOUT_EDITOR
def test_apache_configtest_passes_a_site_s_config(tmp_path, fixture_project, editor):
    if not os.path.exists(APACHE):  # never skip: `make test` installs it
        pytest.fail("apache2 is missing: run `make test`, which installs it from Debian")
    settings = site_settings_with_certificates(tmp_path, fixture_project, **editor)
    (tmp_path / "site.conf").write_text(render("apache", server_values(settings, "publishconf.py")))
    modules = ["mpm_event", "authz_core", "dir", "mime", "alias", "headers", "rewrite", "setenvif", "env", "ssl"]
    loads = "\n".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so" for m in modules)
    (tmp_path / "apache2.conf").write_text(
        f"ServerRoot /etc/apache2\nDefaultRuntimeDir {tmp_path}\nPidFile {tmp_path}/apache2.pid\n"
        f"ErrorLog {tmp_path}/error.log\n{loads}\nTypesConfig /etc/mime.types\n"
        f"Listen 127.0.0.1:18080\nListen 127.0.0.1:18443\nInclude {tmp_path}/site.conf\n"
    )
    done = subprocess.run([APACHE, "-t", "-f", str(tmp_path / "apache2.conf")], capture_output=True, text=True)
    assert done.returncode == 0 and "Syntax OK" in done.stderr, done.stderr


@WITH_AND_WITHOUT_EDITOR
def test_caddy_validates_a_site_s_config(tmp_path, fixture_project, editor):
    if not os.path.exists(CADDY):  # never skip: `make test` installs it
        pytest.fail("caddy is missing: run `make test`, which installs it from Debian")
    settings = site_settings_with_certificates(tmp_path, fixture_project, SERVER_CONFIG_HTTPS_LISTEN="443", **editor)
    (tmp_path / "Caddyfile").write_text(render("caddy", server_values(settings, "publishconf.py")))
    done = subprocess.run(
        [CADDY, "validate", "--adapter", "caddyfile", "--config", str(tmp_path / "Caddyfile")],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert done.returncode == 0 and "Valid configuration" in done.stdout + done.stderr, done.stderr


ADMIN_POLICY_PART = "connect-src 'self' https://gitlab.com"  # the forge's API and sign-in, on gitlab.com


@pytest.mark.parametrize("server", ["nginx", "apache", "caddy"])
def test_the_editor_policy_is_written_for_its_pages_only_when_the_editor_is_on(tmp_path, fixture_project, server):
    off = render(server, server_values(site_settings_with_certificates(tmp_path, fixture_project), "x"))
    on = render(server, server_values(site_settings_with_certificates(tmp_path, fixture_project, **EDITOR), "x"))
    assert "unsafe-eval" not in off and "admin/" not in off
    assert on.count(ADMIN_POLICY_PART) == (2 if server == "apache" else 1)  # Apache: in each site's own rules
    assert "/(branches/[a-z0-9-]+/)?admin/" in on and "previews/[0-9]+/)?(branches" not in on
    no_previews = site_settings_with_certificates(tmp_path, fixture_project, SERVER_CONFIG_PREVIEWS=False)
    assert "X-Robots-Tag" in off and "X-Robots-Tag" not in render(server, server_values(no_previews, "x"))


def test_an_editor_address_the_servers_cannot_match_is_refused(tmp_path, fixture_project):
    settings = site_settings_with_certificates(tmp_path, fixture_project)
    with pytest.raises(ServerConfigProblems, match=re.escape("CMS_ADMIN_URL is 'edit.here/'")):
        server_values({**settings, **EDITOR, "CMS_ADMIN_URL": "edit.here/"}, "x")


def site_with_settings(tmp_path: Path, extra: str = "") -> Path:
    """A copy of the published fixture with its own settings file over the kit's publishconf.py."""
    project = published_fixture(tmp_path / "project")
    (project / "serverconf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(KIT_ROOT)!r})\nfrom publishconf import *  # noqa: F403\n"
        f"KIT_ROOT = {str(project)!r}\nPATH = {str(project / 'content')!r}\n"
        f"BRANCHES_PATH = {str(project / 'branches')!r}\nCACHE_PATH = {str(project / '.cache')!r}\n"
        f"SITEURL = {PUBLISHED_SITEURL!r}\nSERVER_CONFIG_ROOT = {EXAMPLE_ROOT!r}\n"
        f"BRANCH_GIVEN_DOMAINS = {{'beta-net': {PUBLISHED_BRANCH_DOMAIN!r}}}\n{extra}",
        encoding="utf-8",
    )
    return project


def run_command(project: Path, server: str, output: Path, capsys) -> tuple[int, str]:
    """`branchsites server-config --server SERVER -s serverconf.py -o OUTPUT`: (exit status, stderr)."""
    code = main(["--server", server, "-s", str(project / "serverconf.py"), "-o", str(output)])
    return code, capsys.readouterr().err


def test_the_command_writes_the_file(tmp_path, capsys):
    project = site_with_settings(tmp_path)
    output = tmp_path / "site.conf"
    code, _ = run_command(project, "nginx", output, capsys)
    assert code == 0
    text = output.read_text()
    assert text.startswith("# The sites of party.example on nginx.") and "# from serverconf.py and" in text
    assert "server_name beta.example;" in text


HOSTILE_DOMAINS = [
    "beta.example; include /etc/shadow",
    "beta.example { }",
    'beta.example"',
    "$host.example",
    "beta.example\n    root /",
]


@pytest.mark.parametrize("domain", HOSTILE_DOMAINS)
@pytest.mark.parametrize("server", SERVERS)
def test_a_hostile_branch_domain_is_refused_by_name_and_left_out(tmp_path, capsys, server, domain):
    project = site_with_settings(tmp_path)
    branch_file = project / "branches" / "beta-net" / "branch.yaml"
    branch_file.write_text(branch_file.read_text().replace("domain: beta.example", f"domain: {json.dumps(domain)}"))
    output = tmp_path / "site.conf"
    output.write_text("the config that was there\n")
    code, err = run_command(project, server, output, capsys)
    assert code == 1  # written for the other sites, and failing: a branch was left out
    assert "branches/beta-net/branch.yaml:5: `domain`" in err and "are left out" in err
    text = output.read_text()
    assert domain not in text and "beta.example" not in text and "branches/beta-net" not in text
    assert text.startswith("# The sites of party.example") and "party.example" in text.splitlines()[0]


# The party's domain and list, whichever pelicanconf.py the settings file's `from publishconf import *` found.
NEWSLETTERS = (
    "OFFICIAL_DOMAINS = ['test-party.example']\nNEWSLETTER_URL = 'https://lists.test-party.example/subscription/form'\n"
)


@pytest.mark.parametrize("server", SERVERS)
def test_a_refused_branch_is_reported_and_the_other_sites_are_written(tmp_path, capsys, server):
    """A branch whose branch.yaml has an error is left out, and said so, and the other sites' configuration
    is written: before, with BRANCH_OWN_DOMAINS off, such a branch (and its newsletter's host) went without a word."""
    project = site_with_settings(
        tmp_path, NEWSLETTERS + "NEWSLETTER_HOSTS = ['lists.test-party.example', 'alpha.test-party.example']\n"
    )
    alpha = project / "branches" / "alpha" / "branch.yaml"
    alpha.write_text(
        alpha.read_text()
        + "volunteer: https://volunteer.elsewhere.example/\nnewsletter: https://alpha.test-party.example/f\n"
    )
    output = tmp_path / "site.conf"
    for own_domains in (True, False):
        settings = project / "serverconf.py"
        settings.write_text(settings.read_text() + f"BRANCH_OWN_DOMAINS = {own_domains}\n")
        code, err = run_command(project, server, output, capsys)
        assert code == 1, err
        # the problem itself, with its file, line and fix
        assert "branches/alpha/branch.yaml:15: `volunteer` is 'https://volunteer.elsewhere.example/'" in err
        assert "Give the address of the party's own page" in err
        text = output.read_text()
        assert text.startswith("# The sites of party.example")
        assert ("beta.example" in text) == own_domains  # the other branch's own domain, while it is built there
        assert "alpha.test-party.example" not in text  # nor the refused branch's newsletter's host
        assert "form-action 'self' https://lists.test-party.example;" in text


def test_the_form_action_is_bounded_by_newsletter_hosts(tmp_path, capsys):
    """form-action holds the newsletter hosts in use, each one of NEWSLETTER_HOSTS; a branch's form
    posting elsewhere is refused where it is written (and its branch left out), never let through."""
    project = site_with_settings(
        tmp_path, NEWSLETTERS + "NEWSLETTER_HOSTS = ['lists.test-party.example', 'alpha.test-party.example']\n"
    )
    alpha = project / "branches" / "alpha" / "branch.yaml"
    good = alpha.read_text()
    output = tmp_path / "site.conf"

    def form_action() -> str:
        (header,) = {
            line.split('"')[1] for line in output.read_text().splitlines() if "Content-Security-Policy" in line
        }
        return next(part for part in header.split("; ") if part.startswith("form-action"))

    alpha.write_text(good + "newsletter: https://alpha.test-party.example/form\n")
    assert run_command(project, "nginx", output, capsys)[0] == 0
    assert form_action() == "form-action 'self' https://alpha.test-party.example https://lists.test-party.example"
    alpha.write_text(good + "newsletter: https://elsewhere.test-party.example/form\n")
    code, err = run_command(project, "nginx", output, capsys)
    assert code == 1 and "branches/alpha/branch.yaml:15: `newsletter` is" in err and "NEWSLETTER_HOSTS" in err
    assert form_action() == "form-action 'self' https://lists.test-party.example"
    assert "elsewhere" not in output.read_text()


def test_a_newsletter_off_newsletter_hosts_stops_the_command(tmp_path, capsys):
    project = site_with_settings(tmp_path, NEWSLETTERS + "NEWSLETTER_HOSTS = ['other.test-party.example']\n")
    output = tmp_path / "site.conf"
    code, err = run_command(project, "nginx", output, capsys)
    assert code == 2 and "lists.test-party.example, which is not one of NEWSLETTER_HOSTS" in err
    assert not output.exists()


# What each language would read as its own syntax in a header's value.
HOSTILE_HEADERS = {
    "nginx": "default-src 'self' $http_referer",
    "apache": "default-src 'self' %{HTTP_COOKIE}e",
    "caddy": "default-src 'self' {http.request.header.Cookie}",
}


@pytest.mark.parametrize("server", SERVERS)
def test_a_header_the_language_would_read_as_syntax_is_refused_and_nothing_is_written(tmp_path, capsys, server):
    hostile = HOSTILE_HEADERS[server]
    project = site_with_settings(tmp_path, f"SERVER_CONFIG_HEADERS = {{'Content-Security-Policy': {hostile!r}}}\n")
    output = tmp_path / "site.conf"
    code, err = run_command(project, server, output, capsys)
    assert code == 2 and hostile in err and f"quoted {server} string" in err  # with the form-action it is given
    assert not output.exists()
    quote = site_with_settings(tmp_path / "quote", "SERVER_CONFIG_HEADERS = {'X-Test': 'a\" always; root /'}\n")
    assert run_command(quote, server, output, capsys)[0] == 2 and not output.exists()


def test_apache_s_own_variables_are_refused_too(tmp_path, capsys):
    # httpd expands ${NAME} on every line of its configuration, inside quotes too
    project = site_with_settings(tmp_path, "SERVER_CONFIG_HEADERS = {'X-Test': 'a ${APACHE_LOG_DIR}'}\n")
    output = tmp_path / "site.conf"
    code, err = run_command(project, "apache", output, capsys)
    assert code == 2 and "APACHE_LOG_DIR" in err and not output.exists()


def test_a_404_page_address_that_leaves_its_folder_is_refused(tmp_path, capsys):
    project = site_with_settings(tmp_path, "SITE_FILES_NOT_FOUND_SAVE_AS = '../../etc/passwd'\n")
    output = tmp_path / "site.conf"
    code, err = run_command(project, "nginx", output, capsys)
    assert code == 2 and "SITE_FILES_NOT_FOUND_SAVE_AS is '../../etc/passwd'" in err and not output.exists()


def test_values_are_checked_by_name(tmp_path, capsys):
    project = site_with_settings(
        tmp_path, "SERVER_CONFIG_ROOT = '/srv/x; root /'\nSERVER_CONFIG_ALIASES = ['www.party.example {']\n"
    )
    output = tmp_path / "site.conf"
    code, err = run_command(project, "nginx", output, capsys)
    assert code == 2 and "SERVER_CONFIG_ROOT is '/srv/x; root /'" in err and "SERVER_CONFIG_ALIASES holds" in err
    assert not output.exists()


def test_a_template_cannot_write_a_value_without_escaping_it(fixture_project):
    from server_configs.render import environment

    settings = read_server_settings(
        str(PUBLISH_SETTINGS_FILE), {**project_paths(fixture_project), "SERVER_CONFIG_ROOT": EXAMPLE_ROOT}
    )
    values = server_values(settings, "publishconf.py")
    with pytest.raises(UnsafeValue, match="without escaping"):
        environment("nginx").from_string("root {{ v.main.root }};").render(v=values)
    assert shutil.which("openssl")


# ---- Apache and Caddy serving a published site through the files made for them ------------------


def _wait_for(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text() if log.exists() else "the server stopped")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _start_apache(folder: Path, config: str, port: int) -> subprocess.Popen:
    (folder / "site.conf").write_text(config)
    modules = ["mpm_event", "authz_core", "dir", "mime", "alias", "headers", "rewrite", "setenvif", "env"]
    loads = "\n".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so" for m in modules)
    (folder / "apache2.conf").write_text(
        f"ServerRoot /etc/apache2\nDefaultRuntimeDir {folder}\nPidFile {folder}/apache2.pid\n"
        f"ErrorLog {folder}/error.log\n{loads}\nTypesConfig /etc/mime.types\nUser www-data\nGroup www-data\n"
        f"ServerName localhost\nListen 127.0.0.1:{port}\nInclude {folder}/site.conf\n"
    )
    return subprocess.Popen(
        [APACHE, "-f", str(folder / "apache2.conf"), "-DFOREGROUND"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _start_caddy(folder: Path, config: str, port: int) -> subprocess.Popen:
    (folder / "Caddyfile").write_text("{\n\tadmin off\n}\n\n" + config)
    home = {"HOME": str(folder), "XDG_DATA_HOME": str(folder), "XDG_CONFIG_HOME": str(folder)}
    return subprocess.Popen(
        [CADDY, "run", "--adapter", "caddyfile", "--config", str(folder / "Caddyfile")],
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "error.log", "wb"),
        env={**os.environ, **home},
    )


@pytest.fixture(scope="module")
def published_for_serving(tmp_path_factory):
    """The fixture published once, in a folder the servers' own users may read (Apache's children
    run as www-data; pytest's folders are 0700)."""
    from conftest import publish

    project = published_fixture(tmp_path_factory.mktemp("serve") / "project")
    output = publish(project, OUTPUT_PATH=str(project / "build"))
    root = Path(tempfile.mkdtemp(prefix="kit-serve-", dir="/tmp"))
    shutil.copytree(output, root / "site")
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield project, root / "site"
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module", params=["apache", "caddy"])
def served(request, published_for_serving, tmp_path_factory):
    """(server, url, root): the published fixture served over plain HTTP by Apache or Caddy."""
    server = request.param
    binary = APACHE if server == "apache" else CADDY
    if not os.path.exists(binary):  # never skip: `make test` installs it
        pytest.fail(f"{binary} is missing: run `make test`, which installs it from Debian")
    project, root = published_for_serving
    port = free_port()
    config = server_config(
        server,
        project,
        SITEURL=f"http://127.0.0.1:{port}",
        SERVER_CONFIG_TLS=False,
        SERVER_CONFIG_HTTP_LISTEN=f"127.0.0.1:{port}",
        SERVER_CONFIG_ROOT=str(root),
    )
    folder = tmp_path_factory.mktemp(server)
    proc = (_start_apache if server == "apache" else _start_caddy)(folder, config, port)
    try:
        _wait_for(port, proc, folder / "error.log")
        yield server, f"http://127.0.0.1:{port}", root
    finally:
        proc.terminate()
        proc.wait(10)


def test_pages_carry_the_headers_and_are_revalidated(served):
    from test_nginx import HEADERS, get

    server, url, root = served
    # Apache's file sends HSTS over HTTPS alone (browsers ignore it over HTTP); these are served over HTTP
    expected = {k: v for k, v in HEADERS.items() if server != "apache" or k != "Strict-Transport-Security"}
    for path in ("/", "/branches/alpha/", "/events/", "/about/"):
        status, headers, body = get(url + path)
        assert (status, headers["Content-Type"].lower()) == (200, "text/html; charset=utf-8"), path
        assert body == (root / path.lstrip("/") / "index.html").read_bytes(), path
        for name, value in expected.items():
            assert headers[name] == value, (path, name)
        assert headers["Cache-Control"] == "no-cache", path
    status, headers, _ = get(url + "/calendar.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")


def test_old_addresses_are_sent_to_their_new_places(served):
    from test_nginx import check_old_addresses

    _, url, root = served
    check_old_addresses(url, root)


def test_precompressed_files_and_hashed_assets(served):
    import brotli
    from test_nginx import HASHED, get

    _, url, root = served
    status, headers, body = get(url + "/", **{"Accept-Encoding": "br, gzip"})
    assert (status, headers["Content-Encoding"]) == (200, "br")
    assert brotli.decompress(body) == (root / "index.html").read_bytes()
    assert headers["Content-Type"].lower() == "text/html; charset=utf-8" and "Accept-Encoding" in headers["Vary"]
    hashed = next(p for p in (root / "theme" / "css").iterdir() if HASHED.search(p.name))
    status, headers, _ = get(f"{url}/{hashed.relative_to(root).as_posix()}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert get(url + "/theme/css/site.css")[1]["Cache-Control"] == "public, max-age=3600"


def test_404_pages_own_domains_and_dotfiles(served):
    from test_nginx import get

    _, url, root = served
    status, _, body = get(url + "/no/such/page/")
    assert status == 404 and body == (root / "404.html").read_bytes()
    status, _, body = get(url + "/branches/alpha/no-such-page/")
    assert status == 404 and body == (root / "branches" / "alpha" / "404.html").read_bytes()
    status, _, body = get(url + "/", Host="beta.example")
    assert status == 200 and body == (root / "branches" / "beta-net" / "index.html").read_bytes()
    status, headers, _ = get(url + "/branches/beta-net/about/")  # to the address beta-net is built for
    assert status == 301 and headers["Location"] == "https://beta.example/about/"
    assert get(url + "/.git/config")[0] == 404
