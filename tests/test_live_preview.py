"""make devserver: a saved change in a branch is rebuilt and the open page reloads by itself."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

from kit_testing import KIT_ROOT, copy_fixture, site_settings_file


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    site_settings_file(project)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "live_preview", "--settings", "settings.py", "--port", str(port)],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for line in process.stdout:
            if "live_preview: http://" in line:
                break
        yield project, f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_saving_a_branch_post_reloads_the_page(preview, open_page):
    project, base, _ = preview
    page = open_page()
    page.goto(f"{base}/branches/alpha/")
    assert page.get_by_role("link", name="Alphaton saves the library").is_visible()
    time.sleep(1)  # the page has asked for the build number once
    post = project / "branches/alpha/news/2026-02-01-alpha-news.md"
    saved = time.monotonic()
    post.write_text(post.read_text().replace("Alphaton saves the library", "Alphaton saved the library"))
    page.get_by_role("link", name="Alphaton saved the library").wait_for(timeout=15000)
    took = time.monotonic() - saved
    print(f"saved to reloaded: {took:.1f} s")
    assert took < 15
    # the reload script is added when serving; the built files stay as `make html` writes them
    assert "live-preview" not in (project / "output/branches/alpha/index.html").read_text()
    assert "live-preview" in page.content()


def test_a_failed_build_shows_its_problems_on_the_open_page_until_the_next_good_one(preview, open_page):
    project, base, _ = preview
    page = open_page()
    page.goto(f"{base}/branches/alpha/")
    time.sleep(1)  # the page has asked for the build's state once
    post = project / "branches/alpha/news/2026-02-01-alpha-news.md"
    good = post.read_text()
    post.write_text(good.replace("title: Alphaton saves the library", "title: [Alphaton saves the library"))
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=15000)
    said = alert.inner_text()
    assert "The last change did not build" in said
    assert "branches/alpha/news/2026-02-01-alpha-news.md" in said  # the file, with its line and fix
    assert "Traceback" not in said and "__init__.py" not in said and "CRITICAL" not in said
    listed = page.locator("#live-preview-problems pre").inner_text().splitlines()
    assert listed[0].startswith("branches/alpha/news/2026-02-01-alpha-news.md:")  # the list first
    assert any(line.strip().startswith("fix:") for line in listed)
    # the page itself is what the last good build made: nothing half-written is shown as built
    assert page.get_by_role("link", name="Alphaton saves the library").is_visible()
    page.screenshot(path=str(KIT_ROOT / "test-artifacts" / "live-preview-problems.png"))

    post.write_text(good.replace("Alphaton saves the library", "Alphaton saved the library"))
    page.get_by_role("link", name="Alphaton saved the library").wait_for(timeout=15000)
    assert page.get_by_role("alert").count() == 0
