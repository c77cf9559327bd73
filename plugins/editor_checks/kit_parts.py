"""The kit's parts: which plugins a site must list in PLUGINS, and which must come before which.

Pelican loads the plugins, and runs the receivers of a signal and the generators, in the order
the plugins are listed, so some parts of the kit rely on others being listed above them. A part
imports the parts it uses (``from branch_subsites.branch_config import ...``) when Pelican loads
it, and Pelican finds only the parts it has loaded already: listed above one it imports, a part
is left out with a line in the log, and the site is built without it. And the national calendars
gather the events the branches exported, so ``branch_subsites`` must build the branches before
``events`` reads what they exported. Left to a comment in pelicanconf.py, a list in another order
builds without a word and loses data. Here each part says what a site loses without it and which
parts it imports, and each other order the kit relies on says why; ``plugin_list_problems``
reports every part missing (or listed, but not loaded) and every pair in the wrong order, at
once, with the line of PLUGINS to add or move. A plugin that is not a kit part (a site's own, or
one from PyPI) may go anywhere in the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .problems import ProblemList


@dataclass(frozen=True)
class Part:
    """A kit plugin every site lists, and what a site built without it would lose."""

    name: str
    without_it: str
    imports: tuple[str, ...] = ()  # the parts it imports when Pelican loads it


@dataclass(frozen=True)
class Before:
    """``first`` must be listed above ``then``, ``because`` ``then`` relies on it."""

    first: str
    then: str
    because: str


# Every part, in the kit's order (pelicanconf.py lists them so). A feature a site does not want is
# turned off by its setting (HASHED_ASSETS, SITE_FILES, PRECOMPRESSED_FILES...), not by leaving its
# plugin out: the theme's templates and the other parts rely on each of them.
PARTS = (
    Part("reproducible_output", "there is no build lock, no fixed 'now', and stale files are never removed"),
    Part("editor_checks", "content errors are not found before the build", ("reproducible_output",)),
    Part(
        "front_matter",
        "news posts and pages are read without their front matter checked",
        ("reproducible_output", "editor_checks"),
    ),
    Part("content_links", "links to missing files are published unchecked", ("editor_checks", "front_matter")),
    Part(
        "file_policy",
        "files a site may not publish (.htaccess, symbolic links...) are published",
        ("reproducible_output", "editor_checks"),
    ),
    Part("absolute_addresses", "feeds and calendars carry addresses no feed reader can follow", ("editor_checks",)),
    Part(
        "html_policy",
        "the raw HTML in branch Markdown is published uncleaned (script, event handlers...)",
        ("editor_checks", "front_matter"),
    ),
    Part("branch_subsites", "no branch is built", ("reproducible_output", "editor_checks")),
    Part(
        "branch_directory",
        "there is no list of branches",
        ("reproducible_output", "editor_checks", "absolute_addresses"),
    ),
    Part(
        "official_channels",
        "the official channels page every footer links to is missing",
        ("reproducible_output", "editor_checks"),
    ),
    Part(
        "events",
        "there are no event pages or calendars",
        (
            "reproducible_output",
            "editor_checks",
            "front_matter",
            "file_policy",
            "absolute_addresses",
            "branch_subsites",
        ),
    ),
    Part(
        "responsive_images",
        "pictures are published with their metadata (GPS position, camera serial...)",
        ("reproducible_output", "editor_checks", "front_matter", "branch_subsites", "events"),
    ),
    Part("site_search", "the search page has no index", ("reproducible_output", "editor_checks", "events")),
    Part("hashed_assets", "the theme's templates have no asset_url filter", ("reproducible_output", "editor_checks")),
    Part(
        "site_files",
        "there is no 404 page, sitemap, robots.txt or security.txt",
        ("reproducible_output", "editor_checks", "branch_subsites"),
    ),
    Part("precompressed_files", "no .gz or .br copies are written", ("reproducible_output", "editor_checks")),
)

# The orders the kit relies on besides its imports; any other order of the parts builds the same site.
ORDER = (
    Before(
        "reproducible_output",
        "editor_checks",
        "the build lock must be held and the build's 'now' fixed before the checks run (both when Pelican starts)",
    ),
    Before(
        "branch_subsites",
        "branch_directory",
        "the directory lists the branches that branch_subsites read and built; listed above it, it lists none",
    ),
    Before(
        "branch_subsites",
        "official_channels",
        "the page lists every branch's domains and accounts; listed above branch_subsites, it lists none",
    ),
    Before(
        "branch_subsites",
        "events",
        "the national calendars gather the events the branches exported; "
        "listed above branch_subsites, every branch event is left out of them",
    ),
    Before(
        "branch_subsites",
        "site_files",
        "the sitemap index lists the branches' sitemaps; listed above branch_subsites, it lists none",
    ),
    Before(
        "hashed_assets",
        "precompressed_files",
        "the hashed theme files are written when the build ends, and must be there to be compressed",
    ),
    Before(
        "site_files",
        "precompressed_files",
        "the sitemaps are written when the build ends, and must be there to be compressed",
    ),
)

KIT_PARTS = {part.name: part for part in PARTS}


def plugin_name(plugin) -> str:
    return plugin if isinstance(plugin, str) else plugin.__name__


def entry_lines(path: str, plugins_line: int, names: Iterable[str]) -> dict[str, int]:
    """The line of each of ``names`` that the PLUGINS list starting at ``plugins_line`` of ``path``
    names (a name it does not hold, as in a list made in code, is left out)."""
    found = {}
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except OSError:
        lines = []
    for name in names:
        quoted = re.compile(rf"""["']{re.escape(name)}["']""")
        for number in range(max(plugins_line, 1), len(lines) + 1):
            if quoted.search(lines[number - 1]):
                found[name] = number
                break
            if number > plugins_line and lines[number - 1].startswith("]"):
                break
    return found


def rules() -> list[Before]:
    """Every order the kit relies on: ORDER, then each part's imports (a pair once)."""
    found = {(rule.first, rule.then): rule for rule in ORDER}
    for part in PARTS:
        for imported in part.imports:
            found.setdefault(
                (imported, part.name),
                Before(
                    imported,
                    part.name,
                    f"{part.name} imports {imported} when Pelican loads it, "
                    f"and Pelican then builds the site without {part.name}",
                ),
            )
    return list(found.values())


def plugin_list_problems(plugins: Iterable, path: str, plugins_line: int, report: ProblemList) -> None:
    """Add to ``report`` an error for every kit part missing from ``plugins`` and every pair of parts
    in the wrong order; ``path`` and ``plugins_line`` say where PLUGINS is set.

    When Pelican starts, ``plugins`` holds only the plugins it could load: a part the file's list
    names but Pelican left out is reported with the parts it imports that the list names below it."""
    listed = [plugin_name(p) for p in plugins]
    place = {name: index for index, name in reversed(list(enumerate(listed)))}
    lines = entry_lines(path, plugins_line, KIT_PARTS)

    def line(name: str) -> int:
        return lines.get(name, plugins_line)

    for index, part in enumerate(PARTS):
        if part.name in place:
            continue
        if part.name in lines:  # named in the list, but not loaded
            below = [name for name in part.imports if lines.get(name, 0) > lines[part.name]]
            absent = [name for name in part.imports if name not in lines]
            why = [f"it imports {', '.join(below)}, listed below it"] if below else []
            why += [f"it imports {', '.join(absent)}, not listed"] if absent else []
            unloaded = [name for name in part.imports if name in lines and name not in place and name not in below]
            why += [f"it imports {', '.join(unloaded)}, which Pelican could not load either"] if unloaded else []
            lowest = max(below, key=lines.__getitem__) if below else None
            report.error(
                path,
                lines[part.name],
                f"PLUGINS lists {part.name}, but Pelican could not load it: "
                + ("; ".join(why) or "its error is logged above")
                + f". Without it {part.without_it}",
                f'Move "{part.name}", below "{lowest}" (line {lines[lowest]}).'
                if lowest
                else f"Add {', '.join(absent)} above it (each has its fix here)."
                if absent
                else f"It loads once {', '.join(unloaded)} does (the fix is here)."
                if unloaded
                else f"Put right what stops {part.name} loading (the error logged above).",
            )
            continue
        above = next((p.name for p in reversed(PARTS[:index]) if p.name in place), None)
        where = f'after "{above}" (line {line(above)})' if above else "at its top"
        report.error(
            path,
            plugins_line,
            f"PLUGINS has no {part.name}, a part of the kit every site needs: without it {part.without_it}",
            f'Add "{part.name}", to PLUGINS {where}.',
        )
    for rule in rules():
        if rule.first in place and rule.then in place and place[rule.then] < place[rule.first]:
            report.error(
                path,
                line(rule.then),
                f"PLUGINS lists {rule.then} above {rule.first}: {rule.because}",
                f'Move "{rule.then}", below "{rule.first}" (line {line(rule.first)}).',
            )
