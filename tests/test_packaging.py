"""The kit as one installable package (pyproject.toml): the wheel, its contents, its command, and a
site that takes its plugins and theme from the installed package."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from branchsites.cli import COMMANDS
from kit_testing import FIXTURES, KIT_ROOT, SETTINGS_FILE

PYPROJECT = tomllib.loads((KIT_ROOT / "pyproject.toml").read_text())
VERSION = re.search(r'^__version__ = "(.+)"$', (KIT_ROOT / "src/branchsites/__init__.py").read_text(), re.M)[1]
NOW = "1798761600"  # 2027-01-01
KIT_FOLDERS = ("plugins", "theme", "scaffold", "live_preview", "site_import", "scripts/publish.sh", "scripts/deploy.sh")
DEMO_ONLY = "theme/brand/"  # the demo party's logo, kept where a party's site keeps its own
OFFLINE = ["--no-build-isolation"]  # the pinned hatchling of requirements-dev.txt builds the wheel


def kit_files(folder: str) -> set[str]:
    """The files of a kit folder that git tracks and a wheel must hold, as paths inside the wheel."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--", folder], cwd=KIT_ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")  # the template's file names have spaces in them
    return {
        f"branchsites/{path.removeprefix('src/branchsites/')}"
        for path in tracked
        if path and not path.startswith(DEMO_ONLY)
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(KIT_ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        check=True,
    )
    (built,) = out.glob("*.whl")
    return built


def new_venv(venv: Path) -> Path:
    """A new virtualenv whose pinned runtime packages (and build backend) come from this interpreter's
    site-packages through a .pth line: no network, and no kit checkout on its path. Returns its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    own = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    pinned = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (Path(own) / "pinned_runtime.pth").write_text("".join(f"{path}\n" for path in pinned))
    return python


def pip_install(python: Path, what: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            *OFFLINE,
            what,
        ],
        check=True,
    )


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A new virtualenv with the wheel installed (--no-deps)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    pip_install(new_venv(venv), str(wheel))
    return venv


def test_wheel_holds_every_kit_file_and_nothing_else(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = set().union(*(kit_files(folder) for folder in KIT_FOLDERS))
    assert expected - names == set()
    packaged = {name for name in names if not name.startswith("branchsites-")}
    own = kit_files("src/branchsites")
    assert packaged - expected - own == set()  # no tests/, content/, caches, .pyc or node_modules
    # the kit's own tests, demo content and branches stay out (a new site's starters are the template's)
    outside_template = [name for name in names if not name.startswith("branchsites/site_template/site/")]
    assert not [n for n in outside_template if re.search(r"(^|/)(tests|content|branches|node_modules|__pycache__)/", n)]
    assert not [name for name in names if re.search(r"(^|/)(node_modules|__pycache__)/", name)]
    assert not [name for name in names if name.startswith(f"branchsites/{DEMO_ONLY}")]  # no party's logo
    assert any(name.endswith("/licenses/LICENSE") for name in names)


def test_wheel_metadata_names_version_licence_and_dependencies(wheel):
    (metadata,) = [n for n in zipfile.ZipFile(wheel).namelist() if n.endswith(".dist-info/METADATA")]
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert f"\nVersion: {VERSION}\n" in text
    assert "\nLicense-Expression: Apache-2.0\n" in text
    assert "\nRequires-Dist: pelican~=4.12.0\n" in text
    entry_points = zipfile.ZipFile(wheel).read(metadata.replace("METADATA", "entry_points.txt")).decode()
    assert "branchsites = branchsites.cli:main" in entry_points


def test_version_is_semver_and_the_changelog_knows_it():
    assert re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)", VERSION)
    changelog = (KIT_ROOT / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog
    assert "semver.org" in changelog


def test_every_dependency_is_locked_exactly_within_its_range():
    locked = {}
    for line in (KIT_ROOT / "requirements.txt").read_text().splitlines():
        spec = line.split("#")[0].strip()
        if spec:
            requirement = Requirement(spec)
            (pin,) = requirement.specifier
            assert pin.operator == "==", f"requirements.txt pins exactly: {spec}"
            locked[canonicalize_name(requirement.name)] = pin.version
    for spec in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is a dependency of the kit but not in requirements.txt"
        assert requirement.specifier.contains(locked[name]), f"requirements.txt's {name}=={locked[name]} is not {spec}"


def _imported_top_names(folder: Path) -> set[str]:
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.partition(".")[0])
    return names


def test_every_package_the_kit_imports_is_a_declared_dependency():
    kit_modules = {p.name for p in (KIT_ROOT / "plugins").iterdir()} | {"branchsites", *KIT_FOLDERS}
    imported = set().union(*(_imported_top_names(KIT_ROOT / folder) for folder in (*KIT_FOLDERS, "src")))
    third_party = imported - kit_modules - set(sys.stdlib_module_names)
    declared = {canonicalize_name(Requirement(spec).name) for spec in PYPROJECT["project"]["dependencies"]}
    distributions = packages_distributions()
    undeclared = {
        name: distributions.get(name)
        for name in third_party
        if not {canonicalize_name(d) for d in distributions.get(name, [name])} & declared
    }
    assert undeclared == {}


def test_command_prints_its_version_and_lists_the_kit_commands(installed):
    command = installed / "bin" / "branchsites"
    done = subprocess.run([command, "--version"], capture_output=True, text=True, check=True)
    assert done.stdout == f"branchsites {VERSION}\n"
    listed = subprocess.run([command, "--help"], capture_output=True, text=True, check=True).stdout
    for name in (
        "new-site",
        "check",
        "new-branch",
        "new-post",
        "new-event",
        "codeowners",
        "trust-review",
        "branch",
        "preview",
    ):
        assert re.search(rf"^\s+{name}\s", listed, re.M), name


def test_command_without_a_subcommand_says_what_is_missing(installed):
    done = subprocess.run([installed / "bin" / "branchsites"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "the following arguments are required: COMMAND" in done.stderr


def test_unknown_subcommand_is_refused_by_name(installed):
    done = subprocess.run([installed / "bin" / "branchsites", "publish"], capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "invalid choice: 'publish'" in done.stderr


# A party's theme overrides: its colours, and a template that replaces the kit's footer note.
# The dark block is needed: a colour set only in :root is the dark scheme's too, and this purple
# fails there (hashed_assets.palette_contrast refuses the build).
PARTY_CSS = (
    ":root {\n  --kit-accent: #6a1b9a;\n  --kit-link: #6a1b9a;\n}\n"
    "@media (prefers-color-scheme: dark) {\n  :root {\n    --kit-link: #e1bee7;\n    --kit-accent: #e1bee7;\n"
    "    --kit-accent-text: #000;\n  }\n}\n"
)
PARTY_BASE = (
    '{% extends "!theme/base.html" %}\n'
    '{% block footer_note %}<p class="kit-footer__note">Promoted by the Test Party.</p>{% endblock %}\n'
)


@pytest.fixture(scope="module")
def site(installed, tmp_path_factory) -> Path:
    """The two-branch fixture as a party's site over the installed kit: the kit's test site's thin
    settings file (the plugins and the theme from the package), lunr.min.js from npm as `npm ci`
    puts it, and theme overrides of its own."""
    root = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(FIXTURES / "two_branches", root)
    lunr = root / "node_modules" / "lunr"
    lunr.mkdir(parents=True)
    shutil.copy(KIT_ROOT / "node_modules" / "lunr" / "lunr.min.js", lunr)
    (root / "theme/static/css").mkdir(parents=True)
    (root / "theme/static/css/party.css").write_text(PARTY_CSS)
    (root / "theme/templates").mkdir()
    (root / "theme/templates/base.html").write_text(PARTY_BASE)
    settings = SETTINGS_FILE.read_text() + "CODEOWNERS_FILES = {}  # not a repository\n"
    (root / "pelicanconf.py").write_text(settings)
    return root


def run_in_site(installed, site, *command):
    env = {"PATH": f"{installed / 'bin'}:/usr/bin:/bin", "SOURCE_DATE_EPOCH": NOW, "HOME": str(site)}
    return subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=False)


def test_installed_package_points_at_its_own_plugins_and_theme(installed, site):
    done = run_in_site(
        installed, site, "python", "-c", "from branchsites import paths; print(paths.PLUGINS_PATH, paths.THEME_PATH)"
    )
    plugins, theme = done.stdout.split()
    assert plugins.startswith(str(installed)) and plugins.endswith("/branchsites/plugins")
    assert theme.startswith(str(installed)) and theme.endswith("/branchsites/theme")


def test_site_over_the_installed_kit_builds_with_pelican(installed, site):
    done = run_in_site(
        installed, site, "python", "-m", "pelican", "content", "-s", "pelicanconf.py", "--fatal", "errors"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    output = site / "output"
    theme = Path(
        run_in_site(
            installed, site, "python", "-c", "from branchsites.paths import THEME_PATH; print(THEME_PATH)"
        ).stdout.strip()
    )
    assert (output / "theme/css/site.css").read_bytes() == (theme / "static/css/site.css").read_bytes()
    assert (output / "theme/lunr.min.js").is_file()
    home = (output / "index.html").read_text()
    assert "National hello" in home  # tests/fixtures/two_branches/content/news
    assert "<title>The Test Party</title>" in home
    # the party's stylesheet, linked after the kit's, and its footer on every site, branches too
    assert (output / "theme/css/party.css").read_text() == PARTY_CSS
    assert home.index('href="/theme/css/site.css"') < home.index('href="/theme/css/party.css"')
    for page in (home, (output / "branches/alpha/index.html").read_text()):
        assert 'href="/theme/css/party.css"' in page and "Promoted by the Test Party." in page
        assert "This site loads nothing from other websites" not in page
    assert "Alphaton" in (output / "branches/alpha/index.html").read_text()  # branch_subsites: a branch's own site
    assert "BEGIN:VCALENDAR" in (output / "branches/alpha/calendar.ics").read_text()  # events


def test_check_command_reports_a_bad_file_by_path(installed, site):
    assert run_in_site(installed, site, "branchsites", "check", "--settings", "pelicanconf.py").returncode == 0
    bad = site / "branches/alpha/news/2026-04-01-undated.md"
    bad.write_text("title: No date\n\nText.\n")
    try:
        done = run_in_site(installed, site, "branchsites", "check", "--settings", "pelicanconf.py")
    finally:
        bad.unlink()
    assert done.returncode == 1
    assert "branches/alpha/news/2026-04-01-undated.md" in done.stdout


def test_new_post_command_writes_a_post_from_the_packaged_scaffold(installed, site):
    done = run_in_site(
        installed, site, "branchsites", "new-post", "--settings", "pelicanconf.py", "--branch", "alpha",
        "--title", "Market day", "--date", "2027-01-02",
    )  # fmt: skip
    written = site / "branches/alpha/news/2027-01-02-market-day.md"
    try:
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("wrote branches/alpha/news/2027-01-02-market-day.md\n")
        assert written.read_text().startswith('---\ntitle: "Market day"\ndate: 2027-01-02\n---\n')
    finally:
        written.unlink(missing_ok=True)


def test_new_site_from_the_installed_kit_builds_with_make_html(installed, tmp_path):
    """The wheel's command makes a party's site from its own copy of the template, and that site's
    `make html` builds it. The set-up `make html` would do first (pip install -r requirements.txt,
    npm ci) is done here from what is on this machine: its stamps name the virtualenv and lunr."""
    site = tmp_path / "otters"
    done = run_in_site(
        installed, tmp_path, "branchsites", "new-site", str(site), "--party-name=The Otter Party",
        "--domain=otter.example", "--imprint-promoter-name=Olly Holt",
        "--imprint-promoter-address=3 Holt Lane, Bristol BS1 4DJ", "--privacy-contact-name=Sam Reed",
        "--privacy-contact-email=privacy@otter.example", "--accessibility-prepared-on=2026-12-01", "--defaults",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "does not build until" not in done.stderr  # every setting the site needs was answered
    (installed / ".runtime-installed").touch()
    pelican = installed / "bin" / "pelican"  # the command pip would install with pelican (it comes by .pth here)
    if not pelican.exists():
        pelican.write_text(
            f"#!{installed / 'bin' / 'python'}\nimport sys\nfrom pelican import main\nsys.exit(main())\n"
        )
        pelican.chmod(0o755)
    (site / "node_modules/lunr").mkdir(parents=True)
    shutil.copy(KIT_ROOT / "node_modules/lunr/lunr.min.js", site / "node_modules/lunr")
    (site / "node_modules/.installed").touch()
    (site / "node_modules/.installed-with-dev").touch()  # `make test`'s: the site's package.json has no devDependencies
    built = run_in_site(installed, site, "make", "html", f"VENV={installed}")
    assert built.returncode == 0, built.stdout + built.stderr
    home = (site / "output/index.html").read_text()
    assert "<title>The Otter Party</title>" in home
    assert 'href="/theme/css/party.css"' in home  # the site's colours, from its own theme/
    assert "Riverside" in (site / "output/branches/riverside/index.html").read_text()
    assert "Promoted by Olly Holt on behalf of The Otter Party, both at 3 Holt Lane, Bristol BS1 4DJ." in home
    tested = run_in_site(installed, site, "make", "test", f"VENV={installed}")  # the site's own tests/
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "Ran 1 test" in tested.stderr and "\nOK\n" in tested.stderr
    published = run_in_site(installed, site, "make", "publish", f"VENV={installed}")  # the wheel's publish.sh
    assert published.returncode == 0, published.stdout + published.stderr
    assert f'sh "{installed}/lib/' in published.stdout and "/branchsites/scripts/publish.sh" in published.stdout
    assert "https://otter.example/news/" in (site / "output/sitemap.xml").read_text()


def test_editable_install_uses_the_checkouts_own_folders(tmp_path):
    """`pip install -e .` (the kit's own repository) copies no kit file: the checkout's are used."""
    venv = tmp_path / "env"
    pip_install(new_venv(venv), f"--editable={KIT_ROOT}")
    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    assert not (site_packages / "branchsites").exists()
    where = subprocess.run(
        [venv / "bin" / "python", "-c", "from branchsites import paths; print(paths.PLUGINS_PATH, paths.THEME_PATH)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert where == [str(KIT_ROOT / "plugins"), str(KIT_ROOT / "theme")]
    done = subprocess.run(
        [venv / "bin" / "branchsites", "new-post", "--help"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "--title" in done.stdout


def test_installs_from_a_git_url_with_a_tag(tmp_path):
    """`pip install git+URL@vX.Y.Z` builds from what git holds at the tag: committed files only."""
    clone = tmp_path / "kit"  # a repository of HEAD's files alone: the kit's own clone may be shallow
    clone.mkdir()
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=KIT_ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(clone)], input=archive, check=True)
    git = ["git", "-C", str(clone), "-c", "user.name=Kit tests", "-c", "user.email=tests@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "release"], check=True)
    subprocess.run([*git, "tag", f"v{VERSION}"], check=True)
    venv = tmp_path / "env"
    pip_install(new_venv(venv), f"git+file://{clone}@v{VERSION}")
    done = subprocess.run([venv / "bin" / "branchsites", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout == f"branchsites {VERSION}\n"
    listing = subprocess.run(
        [venv / "bin" / "python", "-c", "from branchsites.paths import THEME_PATH; print(THEME_PATH)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(listing, "templates", "base.html").is_file()


def test_sdist_builds_the_same_wheel(wheel, tmp_path):
    """The source archive holds what the wheel is built from, and the wheel built from it is the same."""
    subprocess.run(
        [sys.executable, "-c", f"from hatchling.build import build_sdist; build_sdist({str(tmp_path)!r})"],
        cwd=KIT_ROOT,
        check=True,
    )
    (sdist,) = tmp_path.glob("*.tar.gz")
    subprocess.run(["tar", "-x", "-z", "-f", str(sdist), "-C", str(tmp_path)], check=True)
    (source,) = tmp_path.glob("branchsites-*/")
    assert not (source / "tests").exists() and not (source / "content").exists()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", *OFFLINE, "-q", "-w", str(tmp_path / "w")],
        check=True,
    )
    (rebuilt,) = (tmp_path / "w").glob("*.whl")
    record = "branchsites-" + VERSION + ".dist-info/RECORD"  # every file's name and digest
    assert zipfile.ZipFile(rebuilt).read(record) == zipfile.ZipFile(wheel).read(record)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_s_help_names_the_branchsites_command(command):
    """`branchsites new-post --help` shows `usage: branchsites new-post ...`, not the make target."""
    done = subprocess.run(
        [sys.executable, "-m", "branchsites", command, "--help"],
        cwd=KIT_ROOT,
        env={**os.environ, "PYTHONPATH": str(KIT_ROOT / "src")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    usage = done.stdout.split("\n\n")[0]
    assert usage.startswith(f"usage: branchsites {command} ") and "make" not in usage and "python -m" not in usage
