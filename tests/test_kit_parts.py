"""PLUGINS must list every part of the kit, in an order the kit relies on (editor_checks/kit_parts.py):
a missing part or a wrong order stops the build by name, with the line to add or move, before
anything is written. A plugin that is not a kit part may go anywhere."""

from __future__ import annotations

import ast
import os
import subprocess
import sys

import icalendar
import pytest
from pelican import Pelican
from pelican.settings import read_settings

from branchsites import site_settings as kit_defaults
from editor_checks.declared_settings import SettingsProblems
from editor_checks.kit_parts import PARTS, plugin_list_problems, rules
from editor_checks.problems import ProblemList
from kit_testing import KIT_ROOT, LUNR_JS, SETTINGS_FILE

EPOCH = "1798761600"  # 2027-01-01: the fixture's events are still to come
# branch alpha's events still to come (branches/alpha/events/), each once in the national calendar
ALPHA_EVENTS = {
    "alpha/branch-meeting@test-party.example",
    "alpha/clocks-change-walk@test-party.example",
    "alpha/stall@test-party.example",
}
# A site that lists PLUGINS in its own settings file (the kit's list, one part a line), so that an
# error names its lines; lunr.min.js from the kit's node_modules/, as the fixture has none.
SITE_PLUGINS = "PLUGINS = [\n" + "".join(f'    "{name}",\n' for name in kit_defaults.PLUGINS) + "]\n"
SITE_FOLDERS = f"""
SEARCH_LUNR_JS = {str(LUNR_JS)!r}
CODEOWNERS_FILES = {{}}
"""


def settings_text(edit) -> str:
    """The kit's test site's pelicanconf.py with the kit's PLUGINS written out, changed by ``edit``."""
    return edit(SETTINGS_FILE.read_text(encoding="utf-8") + SITE_PLUGINS) + SITE_FOLDERS


def site_settings(project, edit=lambda text: text) -> dict:
    """The kit's test site's settings, its PLUGINS changed by ``edit``, as ``project``'s own settings
    file (so that an error names its lines)."""
    settings_file = project / "pelicanconf.py"
    settings_file.write_text(settings_text(edit), encoding="utf-8")
    return read_settings(str(settings_file))


def branch_event_uids(output, calendar: str = "all.ics") -> set[str]:
    """The UIDs of the branches' events in a national calendar, parsed."""
    parsed = icalendar.Calendar.from_ical((output / "calendars" / calendar).read_bytes())
    return {str(event["UID"]) for event in parsed.walk("VEVENT") if not str(event["UID"]).startswith("national/")}


def line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def refused(settings: dict) -> str:
    """Start the build; return the error that stopped it."""
    with pytest.raises(SettingsProblems) as stopped:
        Pelican(settings).run()
    return str(stopped.value)


def without_html_policy(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith('"html_policy"'))


def events_above_branch_subsites(text: str) -> str:
    lines = text.splitlines(keepends=True)
    events = next(line for line in lines if line.lstrip().startswith('"events"'))
    lines.remove(events)
    lines.insert(next(i for i, line in enumerate(lines) if line.lstrip().startswith('"branch_subsites"')), events)
    return "".join(lines)


def test_without_html_policy_the_build_stops_by_name_and_writes_nothing(two_branches):
    message = refused(site_settings(two_branches, without_html_policy))
    settings_file = two_branches / "pelicanconf.py"
    plugins_line = line_of(settings_file, "PLUGINS = [")
    assert f"pelicanconf.py:{plugins_line}: error: PLUGINS has no html_policy" in message
    assert "branch Markdown is published uncleaned" in message
    after = line_of(settings_file, '"absolute_addresses"')
    assert f'Add "html_policy", to PLUGINS after "absolute_addresses" (line {after}).' in message
    assert not (two_branches / "output").exists()


def test_events_above_branch_subsites_stops_by_name_and_writes_nothing(two_branches):
    message = refused(site_settings(two_branches, events_above_branch_subsites))
    settings_file = two_branches / "pelicanconf.py"
    events, subsites = line_of(settings_file, '"events"'), line_of(settings_file, '"branch_subsites"')
    assert events < subsites
    assert f"pelicanconf.py:{events}: error: PLUGINS lists events above branch_subsites" in message
    assert "every branch event is left out" in message
    assert f'Move "events", below "branch_subsites" (line {subsites}).' in message
    assert not (two_branches / "output").exists()


def fresh_build(project, edit) -> tuple[int, str]:
    """`make html` with the kit's pelicanconf.py changed by ``edit``: a fresh process, where Pelican
    loads each plugin from PLUGIN_PATHS, in the order PLUGINS lists them (in this process an earlier
    test's build has loaded every plugin). Its exit status, and its log on one line."""
    settings_file = project / "pelicanconf.py"
    settings_file.write_text(settings_text(edit), encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings_file)],
        cwd=project,
        # the kit installed (its src/); its plugins found through PLUGIN_PATHS alone
        env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "COLUMNS": "400", "PYTHONPATH": str(KIT_ROOT / "src")},
        capture_output=True,
        text=True,
    )
    return built.returncode, " ".join((built.stdout + built.stderr).split())


def test_in_a_fresh_build_events_above_branch_subsites_is_not_built_without_events(two_branches):
    # Pelican cannot load events there (it imports branch_subsites), and would build without it.
    status, log = fresh_build(two_branches, events_above_branch_subsites)
    settings_file = two_branches / "pelicanconf.py"
    events, subsites = line_of(settings_file, '"events"'), line_of(settings_file, '"branch_subsites"')
    assert events < subsites
    assert status == 1
    assert (
        f"pelicanconf.py:{events}: error: PLUGINS lists events, but Pelican could not load it: "
        "it imports branch_subsites, listed below it. Without it there are no event pages or calendars"
    ) in log
    assert f'Move "events", below "branch_subsites" (line {subsites}).' in log
    # responsive_images and site_search, which import events, are named too
    assert "PLUGINS lists site_search, but Pelican could not load it: it imports events, which Pelican" in log
    assert "PLUGINS has no" not in log
    assert not (two_branches / "output").exists()


def test_in_a_fresh_build_without_editor_checks_nothing_is_built(two_branches):
    # Every other part imports editor_checks, so none of them loads, and nothing checks PLUGINS but
    # reproducible_output.
    status, log = fresh_build(
        two_branches, lambda text: "".join(line for line in text.splitlines(True) if '"editor_checks",' not in line)
    )
    assert status == 1
    assert "EditorChecksMissing: PLUGINS has no editor_checks" in log
    assert 'Fix: add "editor_checks", to PLUGINS below "reproducible_output"' in log
    assert not (two_branches / "output").exists()


def test_every_problem_is_listed_at_once(two_branches):
    def edit(text: str) -> str:
        return without_html_policy(text.replace('    "branch_directory",\n', "")).replace(
            '    "branch_subsites",\n', '    "site_files",\n    "branch_subsites",\n'
        )

    message = refused(site_settings(two_branches, edit))
    assert message.startswith("3 errors in the settings: nothing was built.")
    assert "PLUGINS has no html_policy" in message and "PLUGINS has no branch_directory" in message
    assert "PLUGINS lists site_files above branch_subsites" in message
    assert not (two_branches / "output").exists()


def test_the_kits_order_builds_with_a_third_party_plugin_first_and_branch_events_in_the_national_calendar(
    two_branches,
):
    # A fresh process: a plugin registered here would stay connected for every later test's build.
    def sitemap_first(text: str) -> str:
        return text.replace("PLUGINS = [\n", 'PLUGINS = [\n    "pelican.plugins.sitemap",\n', 1)

    status, log = fresh_build(two_branches, sitemap_first)
    assert status == 0, log
    assert branch_event_uids(two_branches / "output") == ALPHA_EVENTS
    assert (two_branches / "output" / "sitemap.xml").is_file()  # pelican-sitemap's


def test_the_kits_settings_list_every_part_in_the_kits_order():
    listed = kit_defaults.PLUGINS
    assert [p for p in listed if p in {part.name for part in PARTS}] == [part.name for part in PARTS]
    report = ProblemList(root=str(KIT_ROOT))
    plugin_list_problems(listed, "pelicanconf.py", 1, report)
    assert report.problems == []


@pytest.mark.parametrize("place", [0, 8, 16])
def test_a_plugin_that_is_not_a_kit_part_may_go_anywhere(place):
    listed = [part.name for part in PARTS]
    listed.insert(place, "pelican.plugins.sitemap")
    report = ProblemList(root=str(KIT_ROOT))
    plugin_list_problems(listed, "pelicanconf.py", 1, report)
    assert report.problems == []


def test_every_order_the_kit_relies_on_is_between_parts_in_the_kits_order():
    order = [part.name for part in PARTS]
    for rule in rules():
        assert order.index(rule.first) < order.index(rule.then), rule


def imported_parts(part: str) -> set[str]:
    """The kit parts that ``part``'s modules import at their top, as Pelican loads it (config.py,
    read for the settings once every plugin is loaded, is not)."""
    found = set()
    for module in (KIT_ROOT / "plugins" / part).glob("*.py"):
        if module.name == "config.py":
            continue
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            found |= {name.split(".")[0] for name in names} & ({p.name for p in PARTS} - {part})
    return found


@pytest.mark.parametrize("part", PARTS, ids=lambda part: part.name)
def test_each_part_declares_the_parts_it_imports(part):
    assert set(part.imports) == imported_parts(part.name)
