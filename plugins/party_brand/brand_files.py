"""Everything party_brand publishes, as {name below the brand folder: bytes}: the cleaned logos,
the icons and the web manifest. Made from the settings alone, so the same logo, names and
colours give the same bytes on every build."""

from __future__ import annotations

import os

from .colours import brand_colours
from .icons import MANIFEST_ICONS, TOUCH_ICON, icon_files
from .logo_file import Logo, logo_path, read_logo
from .web_manifest import web_manifest

FOLDER = "brand"  # below THEME_STATIC_DIR: every branch served from the national host links the national copy
MANIFEST = "site.webmanifest"
DARK_NAME = "logo-dark.{kind}"


def brand_folder(settings: dict) -> str:
    """Where the brand files are written, relative to the site's root."""
    return f"{settings['THEME_STATIC_DIR']}/{FOLDER}"


def site_logos(settings: dict) -> tuple[Logo | None, Logo | None]:
    """The logo and the dark scheme's logo, read and cleaned (LogoProblem if one is not fit)."""
    found = []
    for setting in ("BRAND_LOGO", "BRAND_LOGO_DARK"):
        path = logo_path(settings, setting)
        found.append(read_logo(path, settings) if path else None)
    return found[0], found[1]


def source_files(settings: dict) -> list[str]:
    """The logo files a build reads (each branch's pages show them)."""
    paths = (logo_path(settings, setting) for setting in ("BRAND_LOGO", "BRAND_LOGO_DARK"))
    return [os.path.realpath(path) for path in paths if path]


def _described(logo: Logo, name: str) -> dict:
    return {"name": f"{FOLDER}/{name}", "width": logo.width, "height": logo.height}


def brand_assets(logo: Logo | None, dark: Logo | None) -> dict:
    """What the templates link (BRAND_ASSETS), each name below THEME_STATIC_DIR."""
    return {
        "logo": _described(logo, logo.published_name) if logo else None,
        "logo_dark": _described(dark, DARK_NAME.format(kind=dark.kind)) if dark else None,
        "svg_icon": f"{FOLDER}/{logo.published_name}" if logo and logo.kind == "svg" else None,
        "favicon": f"{FOLDER}/favicon.ico",
        "touch_icon": f"{FOLDER}/apple-touch-icon.png",
        "manifest": f"{FOLDER}/{MANIFEST}",
    }


def published_names(assets: dict) -> list[str]:
    """The names below FOLDER that brand_files makes, for these BRAND_ASSETS (without making them)."""
    linked = [assets["favicon"], assets["touch_icon"], assets["manifest"]]
    linked += [assets[key]["name"] for key in ("logo", "logo_dark") if assets[key]]
    names = {name.removeprefix(f"{FOLDER}/") for name in linked}
    return sorted(names | {file for file, _ in MANIFEST_ICONS} | {TOUCH_ICON[0]})


def brand_files(settings: dict, logo: Logo | None, dark: Logo | None) -> dict[str, bytes]:
    colours = brand_colours(settings)
    short_name = settings["BRAND_SHORT_NAME"]
    initial = next((c for c in short_name if c.isalnum()), "?").upper()
    files = icon_files(logo, initial, colours)
    if logo is not None:
        files[logo.published_name] = logo.data
    if dark is not None:
        files[DARK_NAME.format(kind=dark.kind)] = dark.data
    name = settings.get("MAIN_SITENAME") or settings["SITENAME"]
    svg = logo.published_name if logo and logo.kind == "svg" else None
    manifest_path = f"{brand_folder(settings)}/{MANIFEST}"
    files[MANIFEST] = web_manifest(name, short_name, settings["DEFAULT_LANG"], colours, svg, manifest_path)
    return files
