"""Every kit setting has its default, its type and its check in the plugin that owns it
(kit_settings.declared_settings): a site sets only its own values, and a misspelt, wrong-typed,
missing or renamed setting is reported by name with the fix, before anything is built."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from branchsites import site_settings
from branchsites.paths import PLUGINS_PATH, THEME_PATH
from kit_settings.declared_settings import (
    SettingsProblems,
    apply_declared_settings,
    declarations,
)
from kit_settings.settings_reference import kit_plugins, settings_reference
from kit_testing import FIXTURES, KIT_ROOT

NOW = "1798761600"  # 2027-01-01
# Not pelicanconf.py: Pelican keeps a settings file as a module under its own name (sys.modules), and
# the kit's publishconf.py imports `pelicanconf` by that name in the tests that follow.
SETTINGS_NAME = "siteconf.py"
PLUGINS = site_settings.PLUGINS

# A party's whole settings file: its name, its address, its folders and the kit's plugins.
MINIMAL_SETTINGS = """\
import os

KIT = {kit!r}
SITENAME = "A Small Party"
SITEURL = "https://small.example"
TIMEZONE = "Europe/London"
PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = ".cache"
ARTICLE_PATHS = ["news"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = os.path.join(KIT, "theme")
THEME_STATIC_PATHS = ["static", os.path.join(KIT, "node_modules", "lunr", "lunr.min.js")]
PLUGIN_PATHS = [os.path.join(KIT, "plugins")]
PLUGINS = {plugins!r}
CODEOWNERS_FILES = {{}}  # the test's site is not a repository
PRIVACY_DATA_PROTECTION_CONTACT = {{"name": "Sam Okafor, party secretary", "email": "data@small.example"}}
PRIVACY_SERVER_LOG_DAYS = 30
ACCESSIBILITY_CONTACT_EMAIL = "access@small.example"
ACCESSIBILITY_PREPARED_ON = "2026-10-01"
IMPRINT_PROMOTER_NAME = "A Small Party"
IMPRINT_PROMOTER_ADDRESS = "1 High Street, Smalltown SM1 1AA"
"""


def minimal_site(tmp_path: Path, extra: str = "") -> Path:
    """The two_branches fixture with a minimal settings file (plus ``extra`` lines)."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "two_branches", site)
    text = MINIMAL_SETTINGS.format(kit=str(KIT_ROOT), plugins=PLUGINS) + textwrap.dedent(extra)
    (site / SETTINGS_NAME).write_text(text, encoding="utf-8")
    return site


def build_site(site: Path, **overrides) -> Path:
    settings = read_settings(str(site / SETTINGS_NAME), override=overrides)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = NOW
    try:
        Pelican(settings).run()
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return Path(settings["OUTPUT_PATH"])


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith(start))


def written(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file()) if output.exists() else []


# ---- a site with only its own values -------------------------------------------------------------


def test_a_minimal_site_builds_both_branches_from_the_kits_defaults(tmp_path):
    site = minimal_site(tmp_path)
    output = build_site(site)
    assert (output / "index.html").is_file()
    for branch in ("alpha", "beta-net"):
        assert (output / "branches" / branch / "index.html").is_file()
    # the defaults are in use: the events pages and calendars at their default addresses, with
    # EVENTS_UID_DOMAIN taken from SITEURL, and the branch directory
    assert (output / "events" / "index.html").is_file()
    assert "@small.example" in (output / "calendars" / "all.ics").read_text()
    assert (output / "branches.json").is_file()
    assert (output / "search" / "search.json").is_file()


def test_every_declared_setting_has_a_default_of_its_declared_type(tmp_path):
    settings = read_settings(str(minimal_site(tmp_path) / SETTINGS_NAME))
    declared, _ = declarations(kit_plugins())
    assert len(declared) > 100
    apply_declared_settings(settings, kit_plugins())
    for name, (plugin, setting) in declared.items():
        if setting.set_by_build:
            assert name not in settings, name
            continue
        assert setting.help.strip(), name
        assert setting.problem_with(settings[name]) is None, (plugin, name, settings[name])


def test_the_kits_site_settings_are_pelicans_own():
    """branchsites.site_settings, which a site's pelicanconf.py starts from, sets no kit setting (each
    has its default in its plugin), and no path of the site's but the folders Pelican makes absolute
    from the settings file."""
    values = {name: getattr(site_settings, name) for name in site_settings.__all__}
    declared, _ = declarations(values["PLUGINS"])
    assert [name for name in values if name in declared] == []
    assert values["THEME"] == THEME_PATH
    assert values["PLUGIN_PATHS"] == [PLUGINS_PATH, "plugins"]
    for name in ("PATH", "OUTPUT_PATH", "CACHE_PATH"):
        assert not os.path.isabs(values[name]), name
    assert "bytecode_cache" not in values["JINJA_ENVIRONMENT"]  # made under CACHE_PATH when a build starts


# ---- a misspelt, unknown or wrong-typed setting ---------------------------------------------------


def test_a_misspelt_setting_is_named_with_the_fix_and_nothing_is_built(tmp_path):
    site = minimal_site(tmp_path, "EVENTS_NATION_LIMTI = 20\n")
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    (problem,) = stopped.value.problems
    assert (problem.path, problem.line) == (SETTINGS_NAME, line_of(site / SETTINGS_NAME, "EVENTS_NATION_LIMTI"))
    assert "EVENTS_NATION_LIMTI is not a setting of any kit plugin" in problem.message
    assert "did you mean EVENTS_NATION_LIMIT, of events?" in problem.message
    assert problem.fix == "Rename it to EVENTS_NATION_LIMIT."
    assert "KeyError" not in str(stopped.value)
    assert written(site / "output") == []


def test_a_wrong_type_names_the_setting_the_type_wanted_and_the_value_given(tmp_path):
    site = minimal_site(tmp_path, 'EVENTS_NATION_LIMIT = "sixty"\n')
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    (problem,) = stopped.value.problems
    assert problem.line == line_of(site / SETTINGS_NAME, "EVENTS_NATION_LIMIT")
    assert problem.message == "EVENTS_NATION_LIMIT is 'sixty': it must be a whole number"
    assert problem.fix == "Set EVENTS_NATION_LIMIT to a whole number (docs/settings.md, under events)."
    assert written(site / "output") == []


def test_every_problem_is_reported_at_once(tmp_path):
    extra = """\
    SEARCH_BODY_WORD = 50
    PRECOMPRESSED_FILE = True
    PRECOMPRESSED_FILES_GZIP_LEVEL = 12
    BRANCH_OWN_DOMAINS = "yes"
    RESPONSIVE_IMAGES_WIDTH = [480]
    """
    site = minimal_site(tmp_path, extra)
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    messages = [p.message for p in stopped.value.problems]
    assert len(messages) == 5, messages
    assert any(m.startswith("PRECOMPRESSED_FILE is not") and "PRECOMPRESSED_FILES," in m for m in messages)
    assert any(m.startswith("SEARCH_BODY_WORD is not") and "SEARCH_BODY_WORDS" in m for m in messages)
    assert "PRECOMPRESSED_FILES_GZIP_LEVEL is 12: it must be a whole number from 1 to 9" in messages
    assert "BRANCH_OWN_DOMAINS is 'yes': it must be True or False" in messages
    assert any(m.startswith("RESPONSIVE_IMAGES_WIDTH is not") and "RESPONSIVE_IMAGES_WIDTHS" in m for m in messages)
    assert str(stopped.value).startswith("5 errors in the settings: nothing was built.")
    assert written(site / "output") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'BRANCH_GIVEN_DOMAINS = {"alpha": "https://alpha.example/"}',
            "BRANCH_GIVEN_DOMAINS is {'alpha': 'https://alpha.example/'}: it gives 'alpha' 'https://alpha.example/', "
            "which is not a domain name",
        ),
        (
            'NEWSLETTER_HOSTS = ["lists.example.org/form"]',
            "NEWSLETTER_HOSTS is ['lists.example.org/form']: it holds 'lists.example.org/form', which is not a host",
        ),
    ],
)
def test_given_domains_and_newsletter_hosts_are_host_names(tmp_path, line, message):
    """A domain written as an address would never match a branch's `domain:` or a form's host."""
    site = minimal_site(tmp_path, line + "\n")
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    (problem,) = stopped.value.problems
    assert problem.message.startswith(message), problem.message
    assert written(site / "output") == []


def test_a_missing_required_setting_is_named(tmp_path):
    site = minimal_site(tmp_path)
    text = (site / SETTINGS_NAME).read_text().replace('TIMEZONE = "Europe/London"\n', "")
    (site / SETTINGS_NAME).write_text(text)
    with pytest.raises(SettingsProblems) as stopped:
        build_site(site)
    (problem,) = stopped.value.problems
    assert problem.message.startswith("TIMEZONE is not set (events needs it)")
    assert problem.fix == f"Set TIMEZONE in {SETTINGS_NAME}."
    assert written(site / "output") == []


def test_pelicans_own_settings_and_other_plugins_settings_are_left_alone(tmp_path):
    """Only names with a kit plugin's prefix, or close to a kit setting, are checked: Pelican's, a
    direct template's address and a third-party plugin's or theme's own settings pass."""
    settings = read_settings(
        str(minimal_site(tmp_path) / SETTINGS_NAME),
        override={
            "TAGS_SAVE_AS": "tags/index.html",
            "SITEMAP": {"format": "xml"},
            "OUTPUT_SOURCES": False,
            "SITE_LOGO": "logo.svg",  # a theme's: SITE_FILES_ is a plugin's prefix, SITE_ is not
            "THEME_COLOR": "#1d5c2e",
        },
    )
    assert apply_declared_settings(settings) == []


# ---- a renamed setting ----------------------------------------------------------------------------

RENAMING_PLUGIN = """
from kit_settings.declared_settings import Setting, Renamed

SETTINGS = [Setting("PROBE_WORDS", 30, int, "Words shown.")]
RENAMED = [Renamed("PROBE_WORD_COUNT", "PROBE_WORDS", until="1.1")]
"""


@pytest.fixture
def renaming_plugin(tmp_path):
    """A plugin of the test's own that renamed PROBE_WORD_COUNT to PROBE_WORDS."""
    folder = tmp_path / "probe_plugins" / "settings_probe"
    folder.mkdir(parents=True)
    # its settings are declared in config.py, and filled in by build_pipeline: register has nothing to do
    (folder / "__init__.py").write_text("def register():\n    pass\n")
    (folder / "config.py").write_text(RENAMING_PLUGIN)
    sys.path.insert(0, str(folder.parent))
    yield str(folder.parent)
    sys.path.remove(str(folder.parent))
    for name in [n for n in sys.modules if n.startswith("settings_probe")]:
        del sys.modules[name]


def test_a_renamed_setting_keeps_working_and_warns_with_the_new_name(tmp_path, renaming_plugin, caplog):
    site = minimal_site(tmp_path, "PROBE_WORD_COUNT = 12\n")
    settings = read_settings(str(site / SETTINGS_NAME))
    settings["PLUGINS"] = [*settings["PLUGINS"], "settings_probe"]
    settings["PLUGIN_PATHS"] = [*settings["PLUGIN_PATHS"], renaming_plugin]
    os.environ["SOURCE_DATE_EPOCH"] = NOW
    try:
        with caplog.at_level(logging.WARNING, logger="kit_settings.declared_settings"):
            pelican = Pelican(settings)
            pelican.run()
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert pelican.settings["PROBE_WORDS"] == 12
    assert "PROBE_WORD_COUNT" not in pelican.settings
    (warning,) = [r.getMessage() for r in caplog.records if "PROBE_WORD_COUNT" in r.getMessage()]
    line = line_of(site / SETTINGS_NAME, "PROBE_WORD_COUNT")
    assert warning == (
        f"{SETTINGS_NAME}:{line}: PROBE_WORD_COUNT is now called PROBE_WORDS (settings_probe); "
        "the old name stops working in 1.1. Fix: Rename PROBE_WORD_COUNT to PROBE_WORDS."
    )
    assert (Path(settings["OUTPUT_PATH"]) / "index.html").is_file()


def test_a_setting_under_its_old_and_new_name_is_an_error(tmp_path, renaming_plugin):
    site = minimal_site(tmp_path, "PROBE_WORD_COUNT = 12\nPROBE_WORDS = 20\n")
    settings = read_settings(str(site / SETTINGS_NAME))
    with pytest.raises(SettingsProblems, match="PROBE_WORD_COUNT and PROBE_WORDS are both set"):
        apply_declared_settings(settings, [*settings["PLUGINS"], "settings_probe"])


# ---- the settings reference ------------------------------------------------------------------------


def test_docs_settings_md_is_the_declarations():
    reference = (KIT_ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert reference == settings_reference(), (
        "docs/settings.md differs from the plugins' declarations: run "
        "`PYTHONPATH=plugins .venv/bin/python -m kit_settings.settings_reference docs/settings.md`"
    )
    declared, _ = declarations(kit_plugins())
    for name in declared:
        assert f"`{name}`" in reference


def test_make_check_lists_a_settings_error_like_a_content_error(tmp_path):
    """`make check` (python -m editor_checks) reads the settings as a build does."""
    site = minimal_site(tmp_path, "EVENTS_NATION_LIMTI = 20\n")
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT / "plugins")}
    done = subprocess.run(
        [sys.executable, "-m", "editor_checks", "--settings", str(site / SETTINGS_NAME)],
        capture_output=True,
        text=True,
        env=env,
        cwd=site,
        timeout=300,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    line = line_of(site / SETTINGS_NAME, "EVENTS_NATION_LIMTI")
    assert done.stdout.splitlines()[:2] == [
        f"{SETTINGS_NAME}:{line}: error: EVENTS_NATION_LIMTI is not a setting of any kit plugin "
        "(did you mean EVENTS_NATION_LIMIT, of events?)",
        "    fix: Rename it to EVENTS_NATION_LIMIT.",
    ]
    assert "make check: 1 error, 0 warnings" in done.stderr
    assert "Traceback" not in done.stderr
