"""Connect party_brand: the logos checked before anything is built, what the templates link when
the build starts, and the logos, icons and web manifest written when it ends."""

from __future__ import annotations

import functools
import hashlib
import json
import logging

from pelican import signals

from editor_checks import check_site
from incremental_build.derived import write_derived

from .brand_files import brand_assets, brand_files, brand_folder, published_names, site_logos, source_files
from .checks import check_logos
from .colours import brand_colours
from .logo_file import LogoProblem

log = logging.getLogger(__name__)
ROOT_FAVICON = "favicon.ico"  # also at the host's root, where browsers and feed readers ask without a link


def use_brand(pelican) -> None:
    """The main build reads the logos once and says what pages link (BRAND_ASSETS); branch builds
    take it with the settings. The logo files join the inputs every branch is built from, so a new
    logo makes each branch's header again."""
    settings = pelican.settings
    if settings.get("BRANCH") and settings.get("BRAND_ASSETS") is not None:
        return
    try:
        logo, dark = site_logos(settings)
    except LogoProblem:
        # the checks name it, and stop a build before anything is written; `make check` loads
        # the plugins without building
        logo = dark = None
    settings["BRAND_ASSETS"] = brand_assets(logo, dark)
    shared = list(settings.get("BRANCH_SHARED_INPUT_FILES", []))
    settings["BRANCH_SHARED_INPUT_FILES"] = [*shared, *(path for path in source_files(settings) if path not in shared)]


def _inputs(settings: dict) -> str:
    """What decides the files' bytes: the logos' bytes, the names, the language, the colours and
    the theme's folder (the manifest's start_url; write_derived adds the kit's code)."""
    logos = {}
    for path in source_files(settings):
        with open(path, "rb") as handle:
            logos[path] = hashlib.file_digest(handle, "sha256").hexdigest()
    values = {
        "logos": logos,
        "name": settings.get("MAIN_SITENAME") or settings["SITENAME"],
        "short_name": settings["BRAND_SHORT_NAME"],
        "lang": settings["DEFAULT_LANG"],
        "colours": brand_colours(settings),
        "theme_folder": settings["THEME_STATIC_DIR"],
    }
    return json.dumps(values, sort_keys=True)


def write_brand(pelican) -> None:
    """The brand files, in every site that has the theme's files (the national site, a branch on a
    domain of its own): each made again only when what it is made from changed."""
    settings = pelican.settings
    if not settings.get("THEME_STATIC_PATHS"):
        return  # a branch below the national site links the national copy
    output = settings["OUTPUT_PATH"]
    theme_folder = brand_folder(settings)

    @functools.cache
    def files() -> dict[str, bytes]:
        return brand_files(settings, *site_logos(settings))

    inputs = _inputs(settings)
    names = published_names(settings["BRAND_ASSETS"])
    made = 0
    for name in names:
        relative = f"{theme_folder}/{name}"
        made += write_derived(settings, output, relative, inputs, lambda name=name: files()[name])
    made += write_derived(settings, output, ROOT_FAVICON, inputs, lambda: files()["favicon.ico"])
    log.info("party_brand: %d brand files, %d made again", len(names) + 1, made)


def register():
    check_site.connect(check_logos)  # refuse a logo the kit cannot publish, before anything is built
    signals.initialized.connect(use_brand)
    signals.finalized.connect(write_brand)
