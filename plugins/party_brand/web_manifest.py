"""site.webmanifest: the name, colours and icons a phone uses when the site is added to its home
screen (https://www.w3.org/TR/appmanifest/). Its addresses are relative to the manifest itself,
which sits in the theme's brand/ folder beside the icons, so the one file serves the site wherever
it is published: the icons are beside it, the home page as many folders up as it is below the
site's root."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from .icons import MANIFEST_ICONS


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def start_url(manifest_path: str) -> str:
    """The site's home page, relative to a manifest at ``manifest_path`` (below the site's root)."""
    depth = len(PurePosixPath(manifest_path).parent.parts)
    return "../" * depth or "./"


def web_manifest(
    name: str,
    short_name: str,
    lang: str,
    colours: dict[str, tuple[int, int, int]],
    svg_logo: str | None,
    manifest_path: str,
) -> bytes:
    """``manifest_path`` is where the manifest is written, relative to the site's root."""
    icons = [{"src": file, "sizes": f"{side}x{side}", "type": "image/png"} for file, side in MANIFEST_ICONS]
    if svg_logo:
        icons.append({"src": svg_logo, "sizes": "any", "type": "image/svg+xml"})
    manifest = {
        "name": name,
        "short_name": short_name,
        "lang": lang,
        "start_url": start_url(manifest_path),
        "display": "browser",
        "theme_color": hex_colour(colours["surface"]),  # the header's
        "background_color": hex_colour(colours["background"]),
        "icons": icons,
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
