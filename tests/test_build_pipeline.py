"""The kit's build order is the pipeline's (build_pipeline/pipeline.py), never a site's PLUGINS list:
a site lists "build_pipeline", which connects every part in the order the build needs; a part
listed on its own is refused by name with its line and the fix, before anything is written. A
plugin that is not the kit's may go anywhere."""

from __future__ import annotations

import os
import subprocess
import sys

import icalendar
import pytest
from pelican import Pelican
from pelican.settings import read_settings

from branchsites import site_settings as kit_defaults
from build_pipeline import PARTS, STAGES, TOOLS
from build_pipeline.plugin_list import COMMANDS, LIBRARIES, plugin_list_problems
from content_schema.problems import ProblemList
from kit_settings.declared_settings import SettingsProblems
from kit_testing import FIXTURES, KIT_ROOT, LUNR_JS, SETTINGS_FILE, project_paths

EPOCH = "1798761600"  # 2027-01-01: the fixture's events are still to come
# branch alpha's events still to come (branches/alpha/events/), each once in the national calendar
ALPHA_EVENTS = {
    "alpha/branch-meeting@test-party.example",
    "alpha/clocks-change-walk@test-party.example",
    "alpha/stall@test-party.example",
}
# for a copy of the kit's test site's pelicanconf.py in a fixture project: lunr.min.js from the
# kit's node_modules/ (the fixture has none), and no repository for CODEOWNERS
KIT_FOLDERS = f"""
SEARCH_LUNR_JS = {str(LUNR_JS)!r}
CODEOWNERS_FILES = {{}}
"""


def with_plugins(plugins: list[str]):
    """An edit of the settings file: PLUGINS set, on its own line at the end, to ``plugins``."""
    return lambda text: f"{text}\nPLUGINS = {plugins!r}\n"


def site_settings(project, edit=lambda text: text) -> dict:
    """The kit's test settings, changed by ``edit``, as ``project``'s own settings file (so that an
    error names its lines), with the kit's plugins and theme."""
    settings_file = project / "pelicanconf.py"
    settings_file.write_text(edit(SETTINGS_FILE.read_text(encoding="utf-8")) + KIT_FOLDERS, encoding="utf-8")
    return read_settings(str(settings_file), override=project_paths(project))


def branch_event_uids(output, calendar: str = "all.ics") -> set[str]:
    """The UIDs of the branches' events in a national calendar, parsed."""
    parsed = icalendar.Calendar.from_ical((output / "calendars" / calendar).read_bytes())
    return {str(event["UID"]) for event in parsed.walk("VEVENT") if not str(event["UID"]).startswith("national/")}


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def last_line_of(path, text: str) -> int:
    return max(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def refused(settings: dict) -> str:
    """Start the build; return the error that stopped it."""
    with pytest.raises(SettingsProblems) as stopped:
        Pelican(settings).run()
    return str(stopped.value)


def fresh_build(project, edit) -> tuple[int, str]:
    """`make html` with the kit's test settings changed by ``edit``: a fresh process, where Pelican
    loads each plugin from PLUGIN_PATHS and connects them in the order PLUGINS lists them (in this
    process an earlier test's build has connected every part already). Its exit status, and its log
    on one line."""
    settings_file = project / "pelicanconf.py"
    settings_file.write_text(edit(SETTINGS_FILE.read_text(encoding="utf-8")) + KIT_FOLDERS, encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings_file)],
        cwd=project,
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "400"},
        capture_output=True,
        text=True,
    )
    return built.returncode, " ".join((built.stdout + built.stderr).split())


def test_the_pipeline_connects_every_part_of_the_kit_once():
    folders = {path.parent.name for path in (KIT_ROOT / "plugins").glob("*/__init__.py")}
    assert sorted(PARTS) == sorted(folders - {"build_pipeline", *LIBRARIES, *COMMANDS})
    assert set(TOOLS) == set(COMMANDS)
    assert len(PARTS) == len(set(PARTS))
    assert all(stage.parts for stage in STAGES)


def test_the_stages_keep_the_orders_the_build_relies_on():
    order = PARTS.index
    # the branches are built before anything aggregates them into the national site
    for aggregator in ("branch_directory", "official_channels", "events", "site_files", "responsive_images"):
        assert order("branch_subsites") < order(aggregator)
    # the settings and the build's "now" come first, the checks before anything is read
    assert PARTS[:2] == ("incremental_build", "editor_checks")
    assert order("html_policy") < order("branch_subsites")
    # the compressed copies are made of files written when the build ends
    assert PARTS[-1] == "precompressed_files"


@pytest.mark.parametrize(
    "plugins",
    [["events", "build_pipeline"], ["build_pipeline", "branch_subsites"]],
    ids=["a part above the pipeline", "a part below it"],
)
def test_a_kit_part_listed_on_its_own_is_refused_by_name_and_nothing_is_built(two_branches, plugins):
    # A fresh process: listed above build_pipeline, events' receivers would be connected before the
    # branches are built, and every branch event would be left out of the national calendars.
    status, log = fresh_build(two_branches, with_plugins(plugins))
    part = next(name for name in plugins if name != "build_pipeline")
    line = last_line_of(two_branches / "pelicanconf.py", "PLUGINS = [")
    assert status == 1
    assert f"pelicanconf.py:{line}: error: PLUGINS lists {part}, a part of the kit: build_pipeline connects it" in log
    assert f'Remove "{part}", from PLUGINS: "build_pipeline" connects it.' in log
    assert not (two_branches / "output").exists()


def test_every_problem_is_listed_at_once(two_branches):
    settings = site_settings(two_branches, with_plugins(["build_pipeline", "events", "kit_settings"]))
    settings["EVENTS_NATION_LIMT"] = 5
    message = refused(settings)
    assert message.startswith("3 errors in the settings: nothing was built.")
    assert "PLUGINS lists events, a part of the kit" in message
    assert "PLUGINS lists kit_settings, a library the kit's parts import, not a plugin" in message
    assert "EVENTS_NATION_LIMT is not a setting of any kit plugin (did you mean EVENTS_NATION_LIMIT" in message
    assert not (two_branches / "output").exists()


def test_a_third_party_plugin_listed_first_leaves_the_kits_order_and_the_branch_events_alone(two_branches):
    # A fresh process: a plugin registered here would stay connected for every later test's build.
    status, log = fresh_build(two_branches, with_plugins(["pelican.plugins.sitemap", "build_pipeline"]))
    assert status == 0, log
    assert branch_event_uids(two_branches / "output") == ALPHA_EVENTS
    assert (two_branches / "output" / "sitemap.xml").is_file()  # pelican-sitemap's


def test_the_kits_test_settings_list_only_the_pipeline():
    listed = read_settings(str(SETTINGS_FILE), override=project_paths(FIXTURES / "two_branches"))["PLUGINS"]
    assert listed == kit_defaults.PLUGINS == ["build_pipeline"]
    report = ProblemList(root=str(KIT_ROOT))
    plugin_list_problems(listed, str(SETTINGS_FILE), 0, report, STAGES)
    assert report.problems == []


@pytest.mark.parametrize("place", [0, 1])
def test_a_plugin_that_is_not_the_kits_may_go_anywhere(place):
    listed = ["build_pipeline"]
    listed.insert(place, "pelican.plugins.sitemap")
    report = ProblemList(root=str(KIT_ROOT))
    plugin_list_problems(listed, "pelicanconf.py", 0, report, STAGES)
    assert report.problems == []


def test_a_commented_out_part_or_a_name_after_a_list_made_in_code_is_not_taken_as_listed(tmp_path):
    settings_file = tmp_path / "pelicanconf.py"
    settings_file.write_text(
        'PLUGINS = [\n    "build_pipeline",\n    # "events",  (the kit connects it)\n]  # not "html_policy"\n'
        'PLUGINS = PLUGINS + ["pelican.plugins.sitemap"]\n'
        'THEME_NAME = "imprints"\n',
        encoding="utf-8",
    )
    for line in (1, 5):  # the list written out, and one made in code on a line of its own
        report = ProblemList(root=str(tmp_path))
        plugin_list_problems(["build_pipeline", "pelican.plugins.sitemap"], str(settings_file), line, report, STAGES)
        assert report.problems == [], line
