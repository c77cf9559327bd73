"""Helpers for the tests: build a fixture project, check links in built output."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican import Pelican

KIT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The kit's tests build with a fictional party's thin settings over the kit's defaults, never the
# demo site's (test_example_site.py builds that one).
SETTINGS_FILE = FIXTURES / "kit_site" / "pelicanconf.py"
PUBLISH_SETTINGS_FILE = FIXTURES / "kit_site" / "publishconf.py"
EXAMPLE_SETTINGS_FILE = KIT_ROOT / "pelicanconf.py"
EXAMPLE_PUBLISH_SETTINGS_FILE = KIT_ROOT / "publishconf.py"
# lunr.min.js, which a site has in its own node_modules/: a fixture project takes the kit's
LUNR_JS = KIT_ROOT / "node_modules" / "lunr" / "lunr.min.js"
CMS_DIST = KIT_ROOT / "node_modules" / "decap-cms" / "dist"  # the browser editor's, likewise
# Compiled templates, shared by the in-process builds of the tests (shared_template_cache)
TEMPLATE_CACHE = KIT_ROOT / ".cache" / "test-templates"
# What a child process needs on its path to read a site's settings and load the kit's plugins.
KIT_PYTHONPATH = os.pathsep.join([str(KIT_ROOT / "src"), str(KIT_ROOT / "plugins")])


def make_check(project: Path, settings_file: Path) -> subprocess.CompletedProcess:
    """`make check` (``python -m editor_checks``) run in ``project`` with its settings file ``settings_file``."""
    return subprocess.run(
        [sys.executable, "-m", "editor_checks", "--settings", settings_file.name],
        cwd=project,
        env={**os.environ, "PYTHONPATH": KIT_PYTHONPATH},
        capture_output=True,
        text=True,
        check=False,
    )


def kit_on_path() -> None:
    """The kit's plugins and its package importable, as PLUGIN_PATHS and an installed kit make them
    for a build (a test's child process may not have them on its path yet)."""
    for folder in (KIT_ROOT / "plugins", KIT_ROOT / "src"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))


def settings_errors(project: Path, settings_file: Path) -> dict[str, int]:
    """{setting: line} for each error the kit's settings check stops a build of ``project`` with."""
    kit_on_path()
    from kit_settings.declared_settings import SettingsProblems

    try:
        project_settings(project, settings_file)
    except SettingsProblems as stopped:
        return {p.message.split(" ")[0]: p.line for p in stopped.problems if p.is_error}
    return {}


def read_kit_settings(path: str, override: dict) -> dict:
    """The settings as a build has them: Pelican's reading, then every plugin's defaults and checks
    (kit_settings.declared_settings).

    A publishconf.py imports the pelicanconf.py beside it: the one of another site read earlier in
    this process (Python keeps a module by its name) or found first on the path is not it."""
    kit_on_path()
    from kit_settings.declared_settings import read_kit_settings as read

    site = os.path.dirname(os.path.abspath(path))
    sys.modules.pop("pelicanconf", None)
    sys.path.insert(0, site)
    try:
        return read(path, override=override)
    finally:
        sys.path.remove(site)


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy tests/fixtures/<name> (a project with content/ and branches/) to ``dest``."""
    shutil.copytree(FIXTURES / name, dest)
    return dest


def project_settings(project: Path, settings_file: Path = SETTINGS_FILE, **overrides) -> dict:
    """The kit's test site's settings (pelicanconf.py, or publishconf.py), pointed at ``project``'s
    folders, with every plugin's defaults filled in as a build fills them."""
    shared = {"JINJA_ENVIRONMENT": shared_template_cache()}
    return read_kit_settings(str(settings_file), override={**project_paths(project), **shared, **overrides})


def shared_template_cache() -> dict:
    """The kit's JINJA_ENVIRONMENT with one bytecode cache for every build of the tests, as a site's
    builds share the one in its CACHE_PATH (hashed_assets.site_theme): a fixture project's own
    cache would compile the theme again for each of the suite's builds."""
    from jinja2 import FileSystemBytecodeCache

    kit_on_path()
    from branchsites.site_settings import JINJA_ENVIRONMENT

    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    return {**JINJA_ENVIRONMENT, "bytecode_cache": FileSystemBytecodeCache(str(TEMPLATE_CACHE))}


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
        "SEARCH_LUNR_JS": str(LUNR_JS),
        "CMS_DIST": str(CMS_DIST),
    }


def site_settings_file(project: Path, **settings) -> Path:
    """``project``'s own settings.py over the kit's test site's, as a party's site has one (its
    folders are the project's: Pelican makes them absolute from the file's folder), for a child
    process: the kit is found there as an installed one would be, and the kit's plugins through
    PLUGIN_PATHS alone."""
    lines = [
        "import sys\n",
        f"sys.path[:0] = [{str(KIT_ROOT / 'src')!r}, {str(SETTINGS_FILE.parent)!r}]\n",
        "from pelicanconf import *  # noqa: F403\n",
    ]
    values = {"CODEOWNERS_FILES": {}, "SEARCH_LUNR_JS": str(LUNR_JS), **settings}  # not a repository
    lines += [f"{key} = {value!r}\n" for key, value in values.items()]
    path = project / "settings.py"
    path.write_text("".join(lines), encoding="utf-8")
    return path


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


def build_example_site(settings_file: Path = EXAMPLE_SETTINGS_FILE, **overrides) -> Path:
    """Build the demo site at the repository's root with its own settings file as it is, changing
    only ``overrides``; return the output folder."""
    settings = read_kit_settings(str(settings_file), override=overrides)
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


def kit_site_values() -> dict:
    """The values tests/fixtures/kit_site/pelicanconf.py sets itself (its own module, not Pelican's
    reading), for tests to assert against rather than retype."""
    import importlib.util

    kit_on_path()
    spec = importlib.util.spec_from_file_location("kit_site_pelicanconf", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def branch_values(project: Path, slug: str) -> dict:
    """A fixture project's branches/<slug>/branch.yaml, as read."""
    import yaml

    return yaml.safe_load((project / "branches" / slug / "branch.yaml").read_text(encoding="utf-8"))


KIT_SITE = kit_site_values()
_PARTY = KIT_SITE["IMPRINT_ON_BEHALF_OF_NAME"]
_PARTY_ADDRESS = KIT_SITE["IMPRINT_ON_BEHALF_OF_ADDRESS"]
assert KIT_SITE["IMPRINT_PROMOTER_ADDRESS"] == _PARTY_ADDRESS  # so the national imprint says "both at"
# The imprints of the kit's test site (its promoter, on its party's behalf) and of the two-branch
# fixture's branch alpha, whose own agent promotes it (branch.yaml's `promoter`).
NATIONAL_IMPRINT = f"Promoted by {KIT_SITE['IMPRINT_PROMOTER_NAME']} on behalf of {_PARTY}, both at {_PARTY_ADDRESS}."
_ALPHA_AGENT = branch_values(FIXTURES / "two_branches", "alpha")["promoter"]
ALPHA_IMPRINT = (
    f"Promoted by {_ALPHA_AGENT['name']}, {_ALPHA_AGENT['address']}, on behalf of {_PARTY}, {_PARTY_ADDRESS}."
)
