"""Connect hashed_assets: the check of the theme's colours (before anything is built), the site's
theme overrides and the assets' names when a build starts, the hashed assets when it ends."""

from __future__ import annotations

import logging
import os

from jinja2 import pass_context
from pelican import signals

from editor_checks import check_site
from incremental_build.files import write_output_file

from .manifest import hash_assets
from .palette_contrast import check_palette
from .site_theme import cache_compiled_templates, use_site_theme

log = logging.getLogger(__name__)


@pass_context
def asset_url(context, name: str) -> str:
    """The address of theme file ``name``: {{ "css/site.css" | asset_url }}."""
    manifest = context.get("HASHED_ASSETS_MANIFEST") or {}
    return f"{context['THEME_URL']}/{manifest.get(name, name)}"


def name_assets(pelican) -> None:
    """The main build adds the site's theme overrides and names the files; branch builds inherit
    both with the settings."""
    settings = pelican.settings
    cache_compiled_templates(settings)
    if not settings.get("BRANCH"):
        use_site_theme(settings)
    settings["JINJA_FILTERS"] = {**settings.get("JINJA_FILTERS", {}), "asset_url": asset_url}
    if not settings.get("HASHED_ASSETS"):
        settings["HASHED_ASSETS_MANIFEST"] = {}
    elif settings.get("HASHED_ASSETS_MANIFEST") is None:
        settings["HASHED_ASSETS_MANIFEST"] = {name: hashed for name, (hashed, _) in hash_assets(settings).items()}


def write_assets(pelican) -> None:
    """Beside the plain copies Pelican wrote, the hashed ones (in every site that has the theme)."""
    settings = pelican.settings
    if not settings.get("HASHED_ASSETS") or not settings.get("THEME_STATIC_PATHS"):
        return
    folder = os.path.join(settings["OUTPUT_PATH"], settings["THEME_STATIC_DIR"])
    assets = hash_assets(settings)
    if {name: hashed for name, (hashed, _) in assets.items()} != settings["HASHED_ASSETS_MANIFEST"]:
        raise RuntimeError("hashed_assets: the theme changed while the site was being built; build again")
    for hashed, data in assets.values():
        write_output_file(folder, hashed, data)
    log.info("hashed_assets: %d theme files under hashed names", len(assets))


def register():
    check_site.connect(check_palette)  # refuse a palette too low in contrast, before anything is built
    signals.initialized.connect(name_assets)
    signals.finalized.connect(write_assets)
