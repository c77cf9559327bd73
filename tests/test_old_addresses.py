"""A site's redirects.yaml (old_addresses): `make check` reports every entry that cannot work, with
its line and fix, and warns where two old addresses share a new place or one hides a page; the
server configuration holds the entries that work and leaves out, and names, the others. (The
redirects answering 301 through nginx, Apache and Caddy: test_nginx.py, test_server_configs.py.)"""

from __future__ import annotations

import os

import pytest
from servers import server_config

from conftest import PUBLISHED_SITEURL, published_fixture
from kit_testing import KIT_PYTHONPATH, PUBLISH_SETTINGS_FILE, make_check, project_paths, site_settings_file

MAIN_ENTRIES = """\
"/old page": "{filename}/pages/about.md"
"/missing": "{filename}/news/2026-01-11-no-such-post.md"
"/escape": "{filename}/../../../etc/passwd"
"/news/2026/national-hello/": "{filename}/news/2026-01-10-national-hello.md"
"/hello-again": "{filename}/pages/contact.md"
"/contact": "/events/"
"/": "/events/"
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = published_fixture(tmp_path_factory.mktemp("old-addresses") / "project")
    with open(project / "content" / "redirects.yaml", "a", encoding="utf-8") as handle:
        handle.write(MAIN_ENTRIES)  # lines 5 to 11, after the fixture's four
    with open(project / "branches" / "alpha" / "redirects.yaml", "a", encoding="utf-8") as handle:
        handle.write('"/join": "https://elsewhere.example/join"\n')  # line 3
    os.remove(project / "branches" / "beta-net" / "redirects.yaml")
    os.symlink("../../content/redirects.yaml", project / "branches" / "beta-net" / "redirects.yaml")
    return project


def problems(project) -> set[tuple[str, int, str]]:
    done = make_check(project, site_settings_file(project))
    found = set()
    for line in done.stdout.splitlines():
        if "redirects.yaml:" in line:
            where, kind, message = line.split(": ", 2)
            path, _, number = where.partition(":")
            found.add((path, int(number or 0), kind, message.split(" ")[0]))
    return found


def test_make_check_names_each_entry_that_cannot_work_and_warns_of_the_doubtful(project):
    main, alpha, beta = "content/redirects.yaml", "branches/alpha/redirects.yaml", "branches/beta-net/redirects.yaml"
    assert problems(project) == {
        (main, 5, "error", "`/old"),  # a space: no server can hold it
        (main, 6, "error", "`/missing`"),  # no such post
        (main, 7, "error", "`/escape`"),  # outside the site's folder
        (main, 8, "warning", "`/news/2026/national-hello/`"),  # sent to itself: does nothing
        (main, 3, "warning", "`/blog/2026/1/10/contact-us`"),  # two old addresses, one new place
        (main, 9, "warning", "`/blog/2026/1/10/contact-us`"),
        (main, 10, "warning", "`/contact`"),  # the address of pages/contact.md now
        (main, 4, "warning", "`/calendar`"),  # /calendar and /contact both lead to /events/
        (main, 10, "warning", "`/calendar`"),
        (main, 11, "error", "`/`"),  # the home page stays the home page
        (alpha, 3, "error", "`/join`"),  # another site's address
        (beta, 0, "error", "`redirects.yaml`"),  # a link to another site's file (file_policy's error)
    }


def test_make_check_output_explains_with_the_fix(project):
    out = make_check(project, site_settings_file(project)).stdout
    assert "content/redirects.yaml:6: error: `/missing` is sent to `{filename}/news/2026-01-11-no-such-post.md`" in out
    assert "which is not a post or page of this site" in out
    assert "content/redirects.yaml:10: warning: `/contact` is the address of content/pages/contact.md now" in out
    assert "branches/beta-net/redirects.yaml: error: `redirects.yaml` is a symbolic link to another file" in out


def test_the_server_configuration_holds_what_works_and_names_what_is_left_out(project):
    from kit_testing import read_kit_settings
    from server_configs.values import server_values

    overrides = {**project_paths(project), "SITEURL": PUBLISHED_SITEURL, "SERVER_CONFIG_ROOT": "/srv/party/current"}
    values = server_values(read_kit_settings(str(PUBLISH_SETTINGS_FILE), overrides), "publishconf.py")
    assert dict(values.main.redirects) == {
        "/about-us": "/about/",
        "/about-us/": "/about/",
        "/blog/2026/1/10/contact-us": "/contact/",
        "/blog/2026/1/10/contact-us/": "/contact/",
        "/branches/alpha/who-we-are": "/branches/alpha/about/",
        "/branches/alpha/who-we-are/": "/branches/alpha/about/",
        "/calendar": "/events/",
        "/calendar/": "/events/",
        "/contact": "/events/",  # warned of, but the editor may mean it
        "/contact/": "/events/",
        "/hello-again": "/contact/",
        "/hello-again/": "/contact/",
    }
    assert values.sites[1].host == "beta.example" and values.sites[1].redirects == ()  # its link is not read
    left_out = "\n".join(values.left_out)
    for where in ("content/redirects.yaml:5:", "content/redirects.yaml:6:", "content/redirects.yaml:7:"):
        assert where in left_out
    assert "branches/alpha/redirects.yaml:3:" in left_out and "branches/beta-net/redirects.yaml:0:" in left_out
    nginx = server_config("nginx", project, SITEURL=PUBLISHED_SITEURL, SERVER_CONFIG_ROOT="/srv/party/current")
    assert "elsewhere.example" not in nginx and "passwd" not in nginx and '"/old' not in nginx


def test_server_config_says_what_it_left_out_and_fails(project, tmp_path):
    import subprocess
    import sys

    settings = site_settings_file(project, SITEURL=PUBLISHED_SITEURL)
    done = subprocess.run(
        [sys.executable, "-m", "server_configs", "--server", "caddy", "-s", settings.name,
         "--root", "/srv/party/current", "-o", str(tmp_path / "Caddyfile")],
        cwd=project,
        env={**os.environ, "PYTHONPATH": KIT_PYTHONPATH},
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode == 1
    assert "content/redirects.yaml:6: `/missing` is sent to" in done.stderr
    written = (tmp_path / "Caddyfile").read_text()
    assert "redir /about-us /about/ permanent" in written and "/missing" not in written
