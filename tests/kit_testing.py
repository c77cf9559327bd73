"""Helpers for the tests: build a fixture project, check links in built output."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican import Pelican

KIT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SETTINGS_FILE = KIT_ROOT / "pelicanconf.py"


def read_kit_settings(path: str, override: dict) -> dict:
    """The settings as a build has them: Pelican's reading, then every plugin's defaults and checks
    (editor_checks.declared_settings, imported from the kit's plugins folder, as PLUGIN_PATHS gives
    it to Pelican; a test's child process may not have it on its path yet)."""
    if str(KIT_ROOT / "plugins") not in sys.path:
        sys.path.insert(0, str(KIT_ROOT / "plugins"))
    from editor_checks.declared_settings import read_kit_settings as read

    return read(path, override=override)


PUBLISH_SETTINGS_FILE = KIT_ROOT / "publishconf.py"


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy tests/fixtures/<name> (a project with content/ and branches/) to ``dest``."""
    shutil.copytree(FIXTURES / name, dest)
    return dest


def project_settings(project: Path, settings_file: Path = SETTINGS_FILE, **overrides) -> dict:
    """The kit's real settings (pelicanconf.py, or publishconf.py), pointed at ``project``'s folders,
    with every plugin's defaults filled in as a build fills them."""
    return read_kit_settings(str(settings_file), override={**project_paths(project), **overrides})


def project_paths(project: Path) -> dict:
    """The settings that point a build at ``project``'s folders (content, branches, output, caches)."""
    return {
        "KIT_ROOT": str(project),
        "PATH": str(project / "content"),
        "BRANCHES_PATH": str(project / "branches"),
        "OUTPUT_PATH": str(project / "output"),
        "CACHE_PATH": str(project / ".cache" / "main"),
        "BRANCH_CACHE_PATH": str(project / ".cache" / "branches"),
        "CODEOWNERS_FILES": {},  # fixture projects are not repositories; test_codeowners sets its own
    }


def build(project: Path, settings_file: Path = SETTINGS_FILE, now: str | None = None, **overrides) -> Path:
    """Build ``project`` as `make html` does (or `make publish`, given publishconf.py), with
    SOURCE_DATE_EPOCH=``now`` if given; return its output."""
    settings = project_settings(project, settings_file, **overrides)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    if now is not None:
        os.environ["SOURCE_DATE_EPOCH"] = now
    try:
        Pelican(settings).run()
    finally:
        if now is not None:
            if saved is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = saved
    return Path(settings["OUTPUT_PATH"])


def build_settings(**overrides) -> Path:
    """Build with the kit's settings file as it is, changing only ``overrides``; return the output folder."""
    settings = read_kit_settings(str(SETTINGS_FILE), override=overrides)
    Pelican(settings).run()
    return Path(settings["OUTPUT_PATH"])


def tree_digest(root: Path) -> dict[str, str]:
    """{relative path: sha256} of every file under ``root``."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append((self.getpos()[0], attrs[name]))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                self.links.append((self.getpos()[0], candidate.strip().split(" ")[0]))


def _target_file(output: Path, page: Path, url: str) -> tuple[Path, str]:
    parts = urlsplit(url)
    path = unquote(parts.path)
    base = output if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")) if path else page
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(output: Path) -> list[str]:
    """Every internal href/src in every HTML page that does not resolve to a file
    (or to an id, for a #fragment), as "page:line: link"."""
    problems = []
    pages = sorted(output.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    collected = {}
    for page in pages:
        collector = _LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        collected[page] = collector.links
        ids[page.resolve()] = collector.ids
    for page, links in collected.items():
        for line, url in links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith(("mailto:", "webcal:", "data:")):
                continue
            target, fragment = _target_file(output, page, url)
            target = Path(os.path.normpath(target))
            where = f"{page.relative_to(output)}:{line}: {url}"
            if not target.is_file() or not target.resolve().is_relative_to(output.resolve()):
                problems.append(where)
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target.resolve(), set()):
                problems.append(where + " (no such id)")
    return problems


def with_lunr(site: Path) -> Path:
    """lunr.min.js where `npm ci` puts it (the site's package.json pins it)."""
    (site / "node_modules/lunr").mkdir(parents=True)
    shutil.copy(KIT_ROOT / "node_modules/lunr/lunr.min.js", site / "node_modules/lunr")
    return site
