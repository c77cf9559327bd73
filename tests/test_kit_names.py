"""Nothing in the kit is named after the demo party, so a party that adopts the kit edits none of
the kit's files to put its own name in place of the demo's.

The kit's files are the folders and files listed in KIT_PATHS: the package's code (plugins/,
theme/, scaffold/, live_preview/, src/), the example server configs (deploy/), the scripts and
the Makefile the kit's targets run, the JSON schemas of the kit's data files, the benchmark, the
package and lock files, and the forge workflows and templates a new site is given. The demo
party's own things are not checked and keep its name: content/, branches/, pelicanconf.py,
publishconf.py, the CODEOWNERS files (written by `make codeowners` from CODEOWNERS_NATIONAL in
pelicanconf.py), README.md's and docs/'s examples of the demo. The kit's tests are the kit's too,
so that a party can run them on its own site: they build a fictional party's (tests/fixtures/
kit_site), and only the test that builds the demo site names it.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata

from kit_testing import KIT_ROOT

# How the demo party, "The Hedgerow Party", is written anywhere: any case, any width, with a space,
# a hyphen or an underscore inside (HEDGEROW_SITE, hedgerow-http.conf, Hedge Row).
DEMO_NAME = re.compile(r"hedge[\s_-]*row")

KIT_PATHS = [
    "plugins",
    "theme",
    "scaffold",
    "live_preview",
    "src",
    "deploy",
    "docs/schemas",
    "scripts",
    "bench",
    "Makefile",
    "site.mk",
    "copier.yml",
    "pyproject.toml",
    "package.json",
    "package-lock.json",
    "requirements.txt",
    "requirements-dev.txt",
    "LICENSE",
    ".github/workflows",
    ".github/ISSUE_TEMPLATE",
    ".forgejo/workflows",
    ".gitlab/issue_templates",
    ".gitlab/site-matrix.gitlab-ci.yml",
    ".gitlab-ci.yml",
    "tests",
]

# Files among KIT_PATHS that may name the demo party, each with the reason. Nothing else may.
DEMO_FILES = {
    "scripts/make-demo-images.py": "draws the demo site's own pictures (a leaflet with the demo's "
    "address, branches/sheffield/images/hedgerow-border.png); it is not part of the package",
    "tests/test_example_site.py": "builds the demo site end to end and checks its name and addresses",
    "tests/test_kit_names.py": "this test: how the demo party's name is written",
    "theme/brand/logo.svg": "the demo party's logo, where a party's site keeps its own; left out of the package",
    "theme/brand/logo-dark.svg": "the demo party's logo for the dark scheme; left out of the package",
}


def kit_files() -> list[str]:
    """The files git tracks under KIT_PATHS: what a commit of the kit holds."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *KIT_PATHS], cwd=KIT_ROOT, capture_output=True, check=True
    ).stdout
    return sorted(name for name in listed.decode().split("\0") if name)


def demo_names_in(path: str, text: str) -> list[str]:
    """``path:line: text`` for each line of ``text`` (or the path itself) naming the demo party."""
    found = []
    if DEMO_NAME.search(unicodedata.normalize("NFKC", path).casefold()):
        found.append(f"{path}: the file's name")
    for number, line in enumerate(text.splitlines(), 1):
        if DEMO_NAME.search(unicodedata.normalize("NFKC", line).casefold()):
            found.append(f"{path}:{number}: {line.strip()[:100]}")
    return found


def test_the_finder_catches_the_demo_name_however_it_is_written():
    text = "ok\nmap $uri $hedgerow_not_found {\nE=HEDGEROW_SITE\n# The Hedge-Row Party\nHedge row\nＨｅｄｇｅｒｏｗ\n"
    assert demo_names_in("deploy/nginx/x.conf", text) == [
        "deploy/nginx/x.conf:2: map $uri $hedgerow_not_found {",
        "deploy/nginx/x.conf:3: E=HEDGEROW_SITE",
        "deploy/nginx/x.conf:4: # The Hedge-Row Party",
        "deploy/nginx/x.conf:5: Hedge row",
        "deploy/nginx/x.conf:6: Ｈｅｄｇｅｒｏｗ",
    ]
    assert demo_names_in("deploy/nginx/hedgerow.conf", "") == ["deploy/nginx/hedgerow.conf: the file's name"]
    assert demo_names_in("theme/static/css/site.css", "a hedge, then a row of trees") == []


def test_every_kit_path_is_there():
    """A renamed folder would otherwise leave the test checking nothing."""
    files = kit_files()
    for path in KIT_PATHS:
        assert any(f == path or f.startswith(path + "/") for f in files), f"{path} holds no tracked file"
    for path in DEMO_FILES:
        assert path in files, f"{path} is no longer in the kit: remove it from DEMO_FILES"


def test_no_kit_file_names_the_demo_party():
    found = []
    for path in kit_files():
        if path in DEMO_FILES:
            continue
        data = (KIT_ROOT / path).read_bytes()
        text = "" if b"\0" in data else data.decode("utf-8", errors="replace")  # a binary file: its name only
        found += demo_names_in(path, text)
    assert found == [], "the demo party's name in kit files (use the site's settings or a placeholder):\n" + "\n".join(
        found
    )


# The example server configs (what `branchsites server-config` writes for the published test fixture,
# tests/test_server_configs.py keeps them so) hold only the fixture's hosts and folder.
# the kit site's newsletter host too: the Content-Security-Policy lets forms post there (calls_to_action)
DEPLOY_EXAMPLE_NAMES = {"party.example", "www.party.example", "beta.example", "lists.test-party.example", "/srv/party"}
HOST_OR_SITE_FOLDER = re.compile(r"[a-z0-9.-]+\.(?:example|org|com|net|uk|eu|io)\b|/srv/[a-z0-9._-]+")


def test_deploy_examples_carry_only_the_example_hosts_and_say_they_are_made():
    """No real domain or folder hides in them, and each says it is made, not to be edited."""
    examples = [f for f in kit_files() if f.startswith("deploy/")]
    assert examples == ["deploy/apache/site.conf", "deploy/caddy/Caddyfile", "deploy/nginx/site.conf"]
    for path in examples:
        text = (KIT_ROOT / path).read_text(encoding="utf-8")
        used = set(HOST_OR_SITE_FOLDER.findall(text.casefold()))
        assert used == DEPLOY_EXAMPLE_NAMES, (path, sorted(used ^ DEPLOY_EXAMPLE_NAMES))
        assert "Made by `branchsites server-config" in text.splitlines()[0] + text.splitlines()[1], path


def test_each_demo_file_does_name_the_demo_party():
    """An exception that no longer names the demo party is not needed: take it out of DEMO_FILES."""
    for path in DEMO_FILES:
        assert demo_names_in(path, (KIT_ROOT / path).read_text(encoding="utf-8")), path
