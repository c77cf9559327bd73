"""The browser editor in Chromium, as an editor uses it: Decap CMS on a copy of the demo, saving
through decap-server (the CMS's local backend, from npm) in its git mode, where a save makes a
`cms/...` branch, as it opens a pull request on a forge, and Publish merges it.

An event made on a branch's /branches/<slug>/admin/ and a news post made on the national /admin/
are written as the kit's own files (the scaffolding's names, its front matter), pass `make check`,
build, and show on the site. Screenshots of the editor go to test-artifacts/screenshots/ (the
docs' copies are in docs/screenshots/)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import yaml
from browser import StaticSite
from pelican import Pelican
from servers import free_port

from browser_editor.csp import admin_content_security_policy
from kit_testing import KIT_ROOT, make_check, read_kit_settings
from server_configs.config import CONTENT_SECURITY_POLICY

DECAP_SERVER = KIT_ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
SCREENSHOTS = KIT_ROOT / "test-artifacts" / "screenshots"
GIT = ["git", "-c", "user.name=Test editor", "-c", "user.email=editor@party.example"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def build_copy(repo: Path) -> Path:
    """`make html` of the copy: its own settings file, its folders, the kit's npm packages."""
    settings = read_kit_settings(
        str(repo / "pelicanconf.py"),
        override={
            "PATH": str(repo / "content"),
            "BRANCHES_PATH": str(repo / "branches"),
            "OUTPUT_PATH": str(repo / "output"),
            "KIT_ROOT": str(repo),
            "CACHE_PATH": str(repo / ".cache" / "main"),
            "BRANCH_CACHE_PATH": str(repo / ".cache" / "branches"),
            "CODEOWNERS_FILES": {},
        },
    )
    Pelican(settings).run()
    return repo / "output"


@pytest.fixture(scope="module")
def demo_repo(tmp_path_factory) -> Path:
    """A copy of the demo site as its own repository, with the kit's node_modules beside it."""
    repo = tmp_path_factory.mktemp("cms") / "site"
    repo.mkdir()
    for name in ("content", "branches"):
        shutil.copytree(KIT_ROOT / name, repo / name)
    shutil.copy(KIT_ROOT / "pelicanconf.py", repo / "pelicanconf.py")
    for forge in (".github", ".gitea", ".gitlab"):  # the review rules make check holds up to date
        (repo / forge).mkdir()
        shutil.copy(KIT_ROOT / forge / "CODEOWNERS", repo / forge / "CODEOWNERS")
    (repo / ".gitignore").write_text("output/\n.cache/\nnode_modules\n")
    (repo / "node_modules").symlink_to(KIT_ROOT / "node_modules")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The demo site")
    return repo


@pytest.fixture(scope="module")
def decap_server(demo_repo):
    """decap-server in git mode on 127.0.0.1 (it binds every interface unless told)."""
    port = free_port()
    env = {
        **os.environ,
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(demo_repo),
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "error",
    }
    log = demo_repo.parent / "decap-server.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"decap-server did not start: {log.read_text()}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def admin_site(demo_repo, decap_server):
    """The copy built and served as the server configs serve it: the admin policy on the admin
    pages (here also reaching the local backend), the strict one everywhere else."""
    output = build_copy(demo_repo)
    settings = yaml.safe_load((output / "admin" / "config.yml").read_text())["backend"]
    admin_policy = admin_content_security_policy(
        {"CMS_API_ROOT": settings["api_root"], "CMS_BASE_URL": settings["base_url"]}
    ).replace("connect-src 'self'", f"connect-src 'self' {decap_server}")
    for config in [output / "admin" / "config.yml", *output.glob("branches/*/admin/config.yml")]:
        values = yaml.safe_load(config.read_text())
        values["local_backend"] = {"url": f"{decap_server}/api/v1", "allowed_hosts": ["127.0.0.1"]}
        config.write_text(yaml.safe_dump(values, sort_keys=False))

    class Handler(StaticSite):
        extensions_map = {**StaticSite.extensions_map, ".yml": "text/yaml", ".wasm": "application/wasm"}

        def policy(self) -> str:
            admin = "/admin/" in self.path and not self.path.startswith("/admin/cms/")
            return admin_policy if admin else CONTENT_SECURITY_POLICY

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def real_problems(page) -> list[str]:
    """What went wrong on the page, less Decap's own probe of the local backend (a GET of /api/v1,
    which decap-server answers 404 before the CMS uses its POST API)."""
    return [p for p in page.problems if "status of 404" not in p]


def sign_in(page, address: str) -> None:
    page.set_default_timeout(20000)
    page.on("dialog", lambda dialog: dialog.accept())  # "Are you sure you want to publish this entry?"
    page.goto(address)
    page.get_by_role("button", name="Login").click()
    page.get_by_role("heading", name="Collections").wait_for()


def field(page, name: str):
    return page.locator(f'[id^="{name}-field-"]')


def write_body(page, text: str) -> None:
    page.locator('[data-slate-editor="true"]').click()
    page.keyboard.type(text)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name))


def save(page, shot: str) -> None:
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").wait_for()
    screenshot(page, shot)


def publish(page) -> None:
    """Set the saved change Ready, then Publish now: on a forge, merging its pull request."""
    page.get_by_text("Status: Draft").click()
    page.get_by_text("Ready", exact=True).click()
    page.get_by_text("Entry status updated").wait_for()
    page.get_by_text("Publish", exact=True).click()
    page.get_by_text("Publish now", exact=True).click()
    page.get_by_text("Entry published").wait_for()


def test_an_event_and_a_news_post_made_in_the_browser_pass_the_check_build_and_show(demo_repo, admin_site, open_page):
    event_file = demo_repo / "branches" / "sheffield" / "events" / "2027-06-05-canal-clean-up.md"
    news_file = demo_repo / "content" / "news" / "2026-11-30-the-canal-needs-us.md"

    # A branch editor, on the branch's own editor page: only the branch's folders are offered.
    page = open_page(width=1280)
    sign_in(page, f"{admin_site}/branches/sheffield/admin/")
    branch_news = page.get_by_text("Buses back on the 52 route after our petition")
    branch_news.wait_for()
    assert page.get_by_text("call for motions").count() == 0  # a national post is not offered
    screenshot(page, "cms-collections-1280.png")
    page.goto(f"{admin_site}/branches/sheffield/admin/#/collections/events/new")
    field(page, "title").fill("Canal clean-up")
    field(page, "start").fill("2027-06-05T14:00")
    field(page, "duration").fill("2h")
    field(page, "location").fill("Victoria Quays, Sheffield")
    write_body(page, "Bring gloves. We finish at the Fat Cat.")
    save(page, "cms-new-event-1280.png")

    # Saved is not published: the change waits on its own branch, as a pull request would.
    review = "cms/events/2027-06-05-canal-clean-up"
    assert review in git(demo_repo, "branch", "--list", "cms/*")
    assert not event_file.exists()
    changed = git(demo_repo, "diff", "--name-only", "main", review).split()
    assert changed == ["branches/sheffield/events/2027-06-05-canal-clean-up.md"]

    publish(page)
    assert real_problems(page) == []
    assert event_file.read_text() == (
        "---\n"
        "title: Canal clean-up\n"
        "start: 2027-06-05 14:00\n"
        "duration: 2h\n"
        "all_day: false\n"
        "location: Victoria Quays, Sheffield\n"
        "image_decorative: false\n"
        "address_on_request: false\n"
        "---\n"
        "Bring gloves. We finish at the Fat Cat.\n"
    )

    # The national team, on the national editor page.
    page = open_page(width=1280)
    sign_in(page, f"{admin_site}/admin/")
    page.goto(f"{admin_site}/admin/#/collections/news/new")
    field(page, "title").fill("The canal needs us")
    field(page, "date").fill("2026-11-30T18:30")
    field(page, "summary").fill("Branches are cleaning the canals this summer.")
    write_body(page, "Sheffield starts on 5 June.")
    save(page, "cms-new-news-1280.png")
    publish(page)
    assert real_problems(page) == []
    news = news_file.read_text()
    assert news.startswith("---\ntitle: The canal needs us\ndate: 2026-11-30 18:30\n")
    assert "summary: Branches are cleaning the canals this summer.\n" in news
    assert news.endswith("---\nSheffield starts on 5 June.\n")

    # What the browser wrote is what the kit takes: the check passes and the site shows both.
    assert git(demo_repo, "status", "--porcelain") == ""
    checked = make_check(demo_repo, demo_repo / "pelicanconf.py")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    output = build_copy(demo_repo)
    event_pages = [
        p for p in output.glob("branches/sheffield/events/**/index.html") if "Canal clean-up" in p.read_text()
    ]
    assert event_pages, "the event made in the browser is on no page of the branch's site"
    news_pages = [p for p in output.glob("news/**/*.html") if "The canal needs us" in p.read_text()]
    assert news_pages, "the news post made in the browser is on no page of the national site"
