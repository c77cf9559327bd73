"""The site's own theme folder over the kit's theme, and the compiled templates' cache.

A party's site keeps only its overrides in its ``theme/`` folder (THEME_OVERRIDES_PATH):
``templates/`` holds templates that replace the kit's of the same name (Pelican's
THEME_TEMPLATES_OVERRIDES), ``static/`` files copied over the kit's theme files (a logo, a
favicon, and ``css/party.css``, the stylesheet that sets the theme's colour custom properties,
which base.html links after the kit's stylesheet). In the kit's own repository the demo site's
``theme/`` is the kit's theme itself: nothing is added then.
"""

from __future__ import annotations

import os

from jinja2 import FileSystemBytecodeCache

PARTY_STYLESHEET = "css/party.css"  # below the site's theme/static/, and below THEME_STATIC_DIR in the output


def _same_folder(one: str, other: str) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)


def use_site_theme(settings: dict) -> None:
    """Add the site's theme overrides to the settings of the main build (branch builds take them
    with the settings). New lists: the settings module's own are never changed."""
    folder = settings.get("THEME_OVERRIDES_PATH")
    stylesheet = None
    if folder and os.path.isdir(folder) and not _same_folder(folder, settings["THEME"]):
        templates = os.path.join(folder, "templates")
        overrides = list(settings.get("THEME_TEMPLATES_OVERRIDES", []))
        if os.path.isdir(templates) and templates not in overrides:
            settings["THEME_TEMPLATES_OVERRIDES"] = [templates, *overrides]
        static = os.path.join(folder, "static")
        if os.path.isdir(static):
            if static not in settings["THEME_STATIC_PATHS"]:
                settings["THEME_STATIC_PATHS"] = [*settings["THEME_STATIC_PATHS"], static]
            if os.path.isfile(os.path.join(static, PARTY_STYLESHEET)):
                stylesheet = PARTY_STYLESHEET
    settings["THEME_OVERRIDES_STYLESHEET"] = stylesheet


def cache_compiled_templates(settings: dict) -> None:
    """Jinja keeps compiled templates in CACHE_PATH's ``jinja`` folder, unless JINJA_ENVIRONMENT has a
    bytecode cache already (a branch build has the main build's: 650 branches compile the theme once)."""
    environment = settings.get("JINJA_ENVIRONMENT") or {}
    if environment.get("bytecode_cache") is not None:
        return
    folder = os.path.join(settings["CACHE_PATH"], "jinja")
    os.makedirs(folder, exist_ok=True)
    settings["JINJA_ENVIRONMENT"] = {**environment, "bytecode_cache": FileSystemBytecodeCache(folder)}
