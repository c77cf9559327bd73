"""Connect the search generator; make sure lunr.js is there to be copied into the theme folder."""

from __future__ import annotations

import os

from pelican import signals

from .generator import SearchGenerator


class LunrMissing(Exception):
    exitcode = 1


def check_lunr_js(pelican) -> None:
    """The main build copies lunr.min.js (from npm) with the theme; say how to get it if it is missing."""
    if pelican.settings.get("BRANCH"):
        return
    wanted = [p for p in pelican.settings["THEME_STATIC_PATHS"] if p.endswith("lunr.min.js")]
    for path in wanted:
        if not os.path.isfile(path):
            raise LunrMissing(
                f"{path} is missing: search needs the npm package lunr. "
                "Run `make html` (it runs `npm ci`), or `npm ci --ignore-scripts` in the project folder."
            )
    if not wanted:
        raise LunrMissing("THEME_STATIC_PATHS must include node_modules/lunr/lunr.min.js for search/ to work")


def get_generators(pelican):
    return SearchGenerator


def register():
    signals.initialized.connect(check_lunr_js)
    signals.get_generators.connect(get_generators)
