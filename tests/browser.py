"""Browser fixtures (a pytest plugin): built sites served on 127.0.0.1 under the kit's
Content-Security-Policy, Debian's Chromium driven by Playwright, and axe-core.

Every page records console errors, uncaught exceptions, CSP violations and any request to
another origin (which is blocked), so a test can assert there were none.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# What the server configs send (server_configs): the theme and plugins must work under it.
from server_configs.config import CONTENT_SECURITY_POLICY

KIT_ROOT = Path(__file__).resolve().parent.parent
AXE_JS = KIT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_ARGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run"]
WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class StaticSite(http.server.SimpleHTTPRequestHandler):
    """A built site as the server configs serve it: its files, under the kit's policy."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".ics": "text/calendar"}

    def policy(self) -> str:
        """The Content-Security-Policy of the address asked for."""
        return CONTENT_SECURITY_POLICY

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy())
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """serve(folder) -> "http://127.0.0.1:PORT", one server per folder for the session."""
    servers = {}

    def start(folder: Path) -> str:
        folder = Path(folder).resolve()
        if folder not in servers:
            handler = functools.partial(StaticSite, directory=str(folder))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers[folder] = server
        return f"http://127.0.0.1:{servers[folder].server_address[1]}"

    yield start
    for server in servers.values():
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():  # never skip: `make test` installs it
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Chromium from Debian")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROME_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """open_page(width=1280, javascript=True, scheme="light") -> a Playwright page with .problems (a list of strings).

    scheme is the reader's colour scheme, "light" or "dark" (prefers-color-scheme)."""
    contexts = []

    def make(width: int = 1280, javascript: bool = True, scheme: str = "light"):
        context = browser.new_context(
            viewport={"width": width, "height": 800}, java_script_enabled=javascript, color_scheme=scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(5000)
        problems: list[str] = []

        def only_local(route):
            url = route.request.url
            if url.startswith("http://127.0.0.1:") or url.startswith("data:"):
                route.continue_()
            else:
                problems.append(f"request to another origin: {url}")
                route.abort()

        page.route("**/*", only_local)
        page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.problems = problems
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    assert AXE_JS.exists(), "node_modules/axe-core is missing: run `make test` (it runs npm ci)"
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def run_axe(axe_source):
    """run_axe(page) -> axe's violations for WCAG 2.2 A and AA on the page as it is now."""

    def run(page, tags=WCAG22_AA) -> list[dict]:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(axe_source)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            list(tags),
        )
        return result["violations"]

    return run


def describe_violations(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> " + ", ".join(str(n["target"]) for n in v["nodes"])
        for v in violations
    )


# The reader's postcode, kept on their device only when they tick this box (reader-postcode.js)
REMEMBER_POSTCODE = "Remember my postcode on this device"


def remembered_postcode(page):
    """The postcode reader-postcode.js keeps for the reader, or None."""
    return page.evaluate("localStorage.getItem('kit-remembered-postcode')")
