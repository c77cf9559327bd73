"""npm packages: a build installs only package.json's dependencies (lunr, which search copies into the
site, and Decap CMS, which the browser editor does, with what npm installs them with); `make test`
installs its devDependencies too (axe-core, the Nu checker, ical.js, decap-server), which only the
tests use. Run with the Makefile's own recipes, by the real npm, in a copy of the project."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kit_testing import KIT_ROOT

# tests/browser.py, test_html_policy.py, test_calendar_clients.py, test_browser_editor_ui.py
TEST_ONLY = {"axe-core", "vnu-jar", "ical.js", "decap-server"}
BUILD = {"lunr", "decap-cms"}  # plugins/site_search copies lunr.min.js, browser_editor Decap's dist/


def installed(project: Path) -> set[str]:
    return {path.name for path in (project / "node_modules").iterdir() if not path.name.startswith(".")}


def make(project: Path, *targets: str, dry: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "-q" if dry else "-s", *targets], cwd=project, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def project(tmp_path):
    """The files the Makefile's npm recipes read, copied: its node_modules/ is its own."""
    assert shutil.which("npm"), "npm is missing: `make test` installs it (scripts/ensure-node.sh)"
    for name in ["Makefile", "package.json", "package-lock.json", "scripts/ensure-node.sh"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(KIT_ROOT / name, tmp_path / name)
    (tmp_path / "requirements.txt").write_text("")
    return tmp_path


def test_package_json_keeps_the_test_only_packages_in_dev_dependencies():
    package = json.loads((KIT_ROOT / "package.json").read_text())
    assert set(package["dependencies"]) == BUILD
    assert set(package["devDependencies"]) == TEST_ONLY
    lock = json.loads((KIT_ROOT / "package-lock.json").read_text())
    dev = {name.removeprefix("node_modules/") for name, entry in lock["packages"].items() if entry.get("dev")}
    assert dev >= TEST_ONLY and not BUILD & dev


def test_a_new_sites_lockfile_is_the_kits_without_the_test_only_packages():
    """The site template's package-lock.json: the kit's, less what only the kit's tests install."""
    kit = json.loads((KIT_ROOT / "package-lock.json").read_text())["packages"]
    template = (KIT_ROOT / "src/branchsites/site_template/site/package-lock.json.jinja").read_text()
    site = json.loads(template.replace('{{ (short_name ~ "-site") | tojson }}', '"otters-site"'))["packages"]
    assert site[""] == {"name": "otters-site", "dependencies": kit[""]["dependencies"]}
    assert {name: entry for name, entry in site.items() if name} == {
        name: entry for name, entry in kit.items() if name and not entry.get("dev")
    }


def test_the_build_installs_only_what_it_uses_and_make_test_installs_the_rest(project):
    built = make(project, "node_modules/.installed")  # what `make html` runs first
    assert built.returncode == 0, built.stderr
    assert installed(project) >= BUILD and not TEST_ONLY & installed(project)
    assert (project / "node_modules/lunr/lunr.min.js").is_file()
    assert (project / "node_modules/decap-cms/dist/decap-cms.js").is_file()

    tested = make(project, "node_modules/.installed-with-dev")  # what `make test` runs first
    assert tested.returncode == 0, tested.stderr
    assert installed(project) >= BUILD | TEST_ONLY
    assert (project / "node_modules/axe-core/axe.min.js").is_file()
    # the full install serves the build: the next `make html` installs nothing (and removes nothing)
    assert make(project, "node_modules/.installed", dry=True).returncode == 0


def test_the_makefile_installs_dev_dependencies_for_make_test_only():
    rules = (KIT_ROOT / "Makefile").read_text()
    test_rule = next(line for line in rules.splitlines() if line.startswith("test:"))
    assert "$(NODE_TEST_STAMP)" in test_rule.split()
    for target in ["html", "publish", "check", "devserver", "regenerate", "setup"]:
        rule = next(line for line in rules.splitlines() if line.startswith(f"{target}:"))
        assert "$(NODE_TEST_STAMP)" not in rule, target


def test_a_new_sites_package_json_has_no_test_only_package():
    template = (KIT_ROOT / "src/branchsites/site_template/site/package.json.jinja").read_text()
    package = json.loads(template.replace('{{ (short_name ~ "-site") | tojson }}', '"otters-site"'))
    assert set(package["dependencies"]) == BUILD
    assert not TEST_ONLY & set(package.get("devDependencies", {}))
