"""The party's logo as a file in the site's folder: found, read safely, and made fit to publish.

The path is resolved (symbolic links followed) and must stay inside the site's folder; the file
must be a PNG or an SVG no bigger than BRAND_LOGO_MAX_BYTES. An SVG is cleaned (svg_cleaning) and
must draw with the kit's rasterizer; a PNG is read with Pillow and written again with its pixels
alone (no text chunks, times or colour profiles). Anything else is a LogoProblem, which says what
is wrong and how to put it right (everything wrong with an SVG at once), and nothing is written.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from PIL import Image

from .rasterize import fitted
from .svg_cleaning import EXPORT_FIX, UncleanableSvg, clean_svg

SVG = "svg"
PNG = "png"
SUFFIXES = {".svg": SVG, ".png": PNG}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PNG_SIDE = 4096  # pixels: a logo needs far fewer, and a bigger one is slow to scale
SVG_SIDE = 512  # an SVG is drawn to fit this square when checked: its shape gives the header's width and height
# A logo found in THEME_OVERRIDES_PATH without a setting: the first of these there.
FOUND_NAMES = {
    "BRAND_LOGO": ("brand/logo.svg", "brand/logo.png"),
    "BRAND_LOGO_DARK": ("brand/logo-dark.svg", "brand/logo-dark.png"),
}


class LogoProblem(ValueError):
    """A logo the kit will not publish: what is wrong (``message``) and how to fix it (``fix``),
    and, when more than one thing is, each of them (``problems``: (message, fix) pairs, the first
    of them ``message`` and ``fix``), so the editor sees them all at once."""

    def __init__(self, path: str, message: str, fix: str, more: tuple[tuple[str, str], ...] = ()):
        self.problems = ((message, fix), *more)
        super().__init__(f"{path}: " + "; ".join(said for said, _ in self.problems))
        self.path = path
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Logo:
    """A logo as it is published: the cleaned SVG or the PNG's pixels, and its size in pixels
    (an SVG's, drawn to fit SVG_SIDE: the header's <img> takes its shape from them)."""

    source: str  # the file read, resolved
    kind: str  # SVG or PNG
    data: bytes
    width: int
    height: int

    @property
    def published_name(self) -> str:
        return f"logo.{self.kind}"


def site_root(settings: dict) -> str:
    return settings.get("KIT_ROOT") or os.path.dirname(os.path.abspath(settings["PATH"]))


def found_logo(settings: dict, setting: str) -> str | None:
    """The first of FOUND_NAMES[setting] in the site's theme overrides folder, or None."""
    folder = settings.get("THEME_OVERRIDES_PATH")
    if not folder:
        return None
    for name in FOUND_NAMES[setting]:
        if os.path.lexists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


def logo_path(settings: dict, setting: str) -> str | None:
    """The absolute path of the logo a setting names (relative to the site's folder), or None."""
    value = settings.get(setting)
    if not value:
        return None
    return value if os.path.isabs(value) else os.path.join(site_root(settings), value)


def read_logo(path: str, settings: dict) -> Logo:
    """The logo at ``path``, fit to publish; LogoProblem when it is not."""
    root = os.path.realpath(site_root(settings))
    resolved = os.path.realpath(path)
    if os.path.commonpath([root, resolved]) != root:
        raise LogoProblem(
            path,
            f"the logo leads outside the site's folder (to {resolved})",
            "Copy the logo into the site's theme/brand/ folder instead of linking to it.",
        )
    if not os.path.isfile(resolved):
        raise LogoProblem(path, "there is no logo file here", "Put the logo there, or set BRAND_LOGO to where it is.")
    kind = SUFFIXES.get(os.path.splitext(resolved)[1].lower())
    if kind is None:
        raise LogoProblem(path, "a logo must be a PNG or an SVG file", "Save the logo as logo.svg or logo.png.")
    limit = settings["BRAND_LOGO_MAX_BYTES"]
    size = os.path.getsize(resolved)
    if size > limit:
        raise LogoProblem(
            path,
            f"the logo is {size:,} bytes; the most a logo may be is {limit:,} (BRAND_LOGO_MAX_BYTES)",
            "Simplify the drawing (fewer points, no embedded pictures) or save a smaller PNG.",
        )
    with open(resolved, "rb") as handle:
        data = handle.read()
    if kind == SVG:
        return _svg_logo(path, resolved, data)
    return _png_logo(path, resolved, data)


def _svg_logo(path: str, resolved: str, data: bytes) -> Logo:
    try:
        cleaned = clean_svg(data)
        picture = fitted(cleaned, SVG_SIDE)  # never at its own size: an SVG may say 20000 x 20000
    except UncleanableSvg as refused:
        first, *more = [(f"the kit cannot clean this SVG safely: {p.message}", p.fix) for p in refused.problems]
        raise LogoProblem(path, *first, more=tuple(more)) from None
    except ValueError as error:
        raise LogoProblem(path, f"the SVG does not draw: {error}", EXPORT_FIX) from None
    return Logo(resolved, SVG, cleaned, *picture.size)


def _png_logo(path: str, resolved: str, data: bytes) -> Logo:
    not_png = LogoProblem(
        path, "this file is not a PNG picture", "Save the logo as a PNG (or an SVG) under its own name."
    )
    if not data.startswith(PNG_SIGNATURE):
        raise not_png
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as picture:
            if max(picture.size) > MAX_PNG_SIDE:
                raise LogoProblem(
                    path,
                    f"the logo is {picture.width} x {picture.height} pixels; the most is {MAX_PNG_SIDE} on a side",
                    "Save it smaller: 1024 pixels on the longer side is plenty.",
                )
            pixels = picture.convert("RGBA")
    except (OSError, Image.DecompressionBombError, SyntaxError):
        raise not_png from None
    return Logo(resolved, PNG, png_bytes(pixels), *pixels.size)


def png_bytes(picture: Image.Image) -> bytes:
    """A PNG of the pixels alone: no time, text, gamma or colour profile chunk, so the same pixels
    give the same bytes on every build."""
    clean = Image.new("RGBA", picture.size)
    clean.paste(picture.convert("RGBA"))
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()
