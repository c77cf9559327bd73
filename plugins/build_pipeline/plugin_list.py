"""What a site's PLUGINS may hold: ``"build_pipeline"`` and plugins of the site's own, no kit part.

Pelican runs the receivers of a signal in the order they were connected, and a plugin's are
connected in the order PLUGINS lists it. The pipeline connects every part of the kit in the order
the build needs (``pipeline.STAGES``); a part listed on its own in PLUGINS would be connected where
the list puts it instead (``events`` above ``branch_subsites`` once left every branch event out of
the national calendars), and ``content_schema`` and ``kit_settings`` are libraries, not plugins.
Each is refused by name, with its line in the settings file and the fix, before anything is read.
A plugin that is not the kit's (a site's own, or one from PyPI) may go anywhere in the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from content_schema.problems import ProblemList
from kit_settings.declared_settings import plugin_name

LIBRARIES = ("content_schema", "kit_settings")  # imported by the parts, never loaded as plugins
COMMANDS = ("server_configs",)  # the kit's commands: run by `branchsites`, never loaded as plugins


def listed_names(path: str, plugins_line: int) -> dict[str, int]:
    """``{name: line}`` for every quoted name in the PLUGINS list that starts at ``plugins_line`` of
    ``path`` (a list made in code gives what its lines spell)."""
    found: dict[str, int] = {}
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return found
    depth = 0
    for number in range(max(plugins_line, 1), len(lines) + 1):
        code = lines[number - 1].split("#")[0]  # a plugin's name holds no "#": the rest is a comment
        for name in re.findall(r"""["']([\w.]+)["']""", code):
            found.setdefault(name, number)
        depth += code.count("[") + code.count("(") - code.count("]") - code.count(")")
        if depth <= 0:  # the list's closing bracket, or an assignment of one line (PLUGINS = BASE + extra)
            break
    return found


def plugin_list_problems(
    plugins: Iterable, path: str, plugins_line: int, report: ProblemList, stages: Iterable
) -> None:
    """Add to ``report`` an error for every kit part or library that PLUGINS (as Pelican loaded it,
    ``plugins``, or as ``path`` spells it from ``plugins_line``) names on its own."""
    stage_of = {part: stage for stage in stages for part in stage.parts}
    lines = listed_names(path, plugins_line) if plugins_line else {}
    names = dict.fromkeys([*(plugin_name(p) for p in plugins), *lines])
    for name in names:
        line = lines.get(name, plugins_line)
        if name in stage_of:
            report.error(
                path,
                line,
                f"PLUGINS lists {name}, a part of the kit: build_pipeline connects it in the build's order "
                f'(the stage "{stage_of[name].does}"), and listed on its own it would run out of that order',
                f'Remove "{name}", from PLUGINS: "build_pipeline" connects it.',
            )
        elif name in COMMANDS:
            report.error(
                path,
                line,
                f"PLUGINS lists {name}, a command of the kit (branchsites), not a plugin",
                f'Remove "{name}", from PLUGINS.',
            )
        elif name in LIBRARIES:
            report.error(
                path,
                line,
                f"PLUGINS lists {name}, a library the kit's parts import, not a plugin",
                f'Remove "{name}", from PLUGINS.',
            )
