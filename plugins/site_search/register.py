"""Connect the search generator; add lunr.js to the files copied into the theme folder."""

from __future__ import annotations

import os

from pelican import signals

from editor_checks.declared_settings import connect_declared_settings

from .generator import SearchGenerator


class LunrMissing(Exception):
    exitcode = 1


def add_lunr_js(pelican) -> None:
    """The main build copies lunr.min.js (SEARCH_LUNR_JS, from npm) with the theme files, unless
    THEME_STATIC_PATHS names one already; say how to get it if it is missing. Branch builds take
    the main build's THEME_STATIC_PATHS with the settings."""
    settings = pelican.settings
    if settings.get("BRANCH"):
        return
    wanted = [p for p in settings["THEME_STATIC_PATHS"] if p.endswith("lunr.min.js")]
    if not wanted:
        wanted = [settings["SEARCH_LUNR_JS"]]
        settings["THEME_STATIC_PATHS"] = [
            *settings["THEME_STATIC_PATHS"],
            *wanted,
        ]  # a new list: never the settings module's
    for path in wanted:
        if not os.path.isfile(path):
            raise LunrMissing(
                f"{path} is missing: search needs the npm package lunr. "
                "Run `make html` (it runs `npm ci`), or `npm ci --ignore-scripts` in the project folder."
            )


def get_generators(pelican):
    return SearchGenerator


def register():
    connect_declared_settings()  # first: every kit setting has its default before any receiver reads it
    signals.initialized.connect(add_lunr_js)
    signals.get_generators.connect(get_generators)
