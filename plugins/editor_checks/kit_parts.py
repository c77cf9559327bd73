"""The kit's parts: which plugins a site must list in PLUGINS, and which must come before which.

Pelican runs the receivers of a signal, and the generators, in the order the plugins are listed,
so some parts of the kit rely on others being listed above them: the national calendars gather
the events the branches exported, so ``branch_subsites`` must build the branches before
``events`` reads what they exported. Left to a comment in pelicanconf.py, a list in another
order builds without a word and loses data. Here each part says what a site loses without it,
and each order the kit relies on says why; ``plugin_list_problems`` reports every part missing
and every pair in the wrong order, at once, with the line of PLUGINS to add or move. A plugin
that is not a kit part (a site's own, or one from PyPI) may go anywhere in the list.
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
    Part("editor_checks", "content errors are not found before the build"),
    Part("front_matter", "news posts and pages are read without their front matter checked"),
    Part("content_links", "links to missing files are published unchecked"),
    Part("file_policy", "files a site may not publish (.htaccess, symbolic links...) are published"),
    Part("absolute_addresses", "feeds and calendars carry addresses no feed reader can follow"),
    Part("html_policy", "the raw HTML in branch Markdown is published uncleaned (script, event handlers...)"),
    Part("branch_subsites", "no branch is built"),
    Part("branch_directory", "there is no list of branches"),
    Part("official_channels", "the official channels page every footer links to is missing"),
    Part("events", "there are no event pages or calendars"),
    Part("responsive_images", "pictures are published with their metadata (GPS position, camera serial...)"),
    Part("site_search", "the search page has no index"),
    Part("hashed_assets", "the theme's templates have no asset_url filter"),
    Part("site_files", "there is no 404 page, sitemap, robots.txt or security.txt"),
    Part("precompressed_files", "no .gz or .br copies are written"),
)

# Only the orders the kit relies on; any other order of the parts builds the same site.
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
    """The line of each of ``names`` in the PLUGINS list that starts at ``plugins_line`` of ``path``
    (the line of PLUGINS itself for a name not found: a list made in code)."""
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
        found.setdefault(name, plugins_line)
    return found


def plugin_list_problems(plugins: Iterable, path: str, plugins_line: int, report: ProblemList) -> None:
    """Add to ``report`` an error for every kit part missing from ``plugins`` and every pair of parts
    in the wrong order; ``path`` and ``plugins_line`` say where PLUGINS is set."""
    listed = [plugin_name(p) for p in plugins]
    place = {name: index for index, name in reversed(list(enumerate(listed)))}
    lines = entry_lines(path, plugins_line, [name for name in KIT_PARTS if name in place])
    for index, part in enumerate(PARTS):
        if part.name in place:
            continue
        above = next((p.name for p in reversed(PARTS[:index]) if p.name in place), None)
        where = f'after "{above}" (line {lines[above]})' if above else "at its top"
        report.error(
            path,
            plugins_line,
            f"PLUGINS has no {part.name}, a part of the kit every site needs: without it {part.without_it}",
            f'Add "{part.name}", to PLUGINS {where}.',
        )
    for rule in ORDER:
        if rule.first in place and rule.then in place and place[rule.then] < place[rule.first]:
            report.error(
                path,
                lines[rule.then],
                f"PLUGINS lists {rule.then} above {rule.first}: {rule.because}",
                f'Move "{rule.then}", below "{rule.first}" (line {lines[rule.first]}).',
            )
