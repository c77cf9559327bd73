"""The site's icons, made at build time: from the logo, or, without one, from the party's
initial on its accent colour.

- ``favicon.ico``: 16, 32 and 48 pixels, on a transparent ground (from a logo);
- ``apple-touch-icon.png``, 180 pixels, and ``icon-192.png`` and ``icon-512.png`` for the web
  manifest: the logo inside a margin on the theme's background colour (a phone shows a
  transparent icon on black).

Every picture is pixels alone (logo_file.png_bytes): the same logo and colours give the same bytes.
"""

from __future__ import annotations

import functools
import io

import ttf_opensans
from PIL import Image, ImageDraw, ImageFont

from .logo_file import PNG, Logo, png_bytes
from .rasterize import fitted

FAVICON_SIZES = (16, 32, 48)
TOUCH_ICON = ("apple-touch-icon.png", 180)
MANIFEST_ICONS = (("icon-192.png", 192), ("icon-512.png", 512))
MARGIN = 0.1  # of the side, around the logo on a square icon
INITIAL_SIZE = 0.62  # the initial's height, of the side


def _logo_in(logo: Logo, side: int) -> Image.Image:
    """The logo scaled to fit a ``side`` square, keeping its shape."""
    if logo.kind == PNG:
        picture = Image.open(io.BytesIO(logo.data)).convert("RGBA")
        scale = side / max(picture.size)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        return picture.resize(size, Image.Resampling.LANCZOS)
    return fitted(logo.data, side)


def _on_square(picture: Image.Image, side: int, ground: tuple[int, int, int, int]) -> Image.Image:
    square = Image.new("RGBA", (side, side), ground)
    square.alpha_composite(picture, ((side - picture.width) // 2, (side - picture.height) // 2))
    return square


def logo_icon(logo: Logo, side: int, ground: tuple[int, int, int, int], margin: float = MARGIN) -> Image.Image:
    inner = max(1, round(side * (1 - 2 * margin)))
    return _on_square(_logo_in(logo, inner), side, ground)


@functools.cache
def _initial_font(size: int) -> ImageFont.FreeTypeFont:
    # BASIC layout needs nothing but the FreeType inside Pillow's wheel: the same on every machine.
    data = ttf_opensans.OPENSANS_BOLD.path.read_bytes()
    return ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)


def initial_icon(initial: str, side: int, ground: tuple[int, int, int], ink: tuple[int, int, int]) -> Image.Image:
    """``initial`` in Open Sans Bold, centred on a square of ``ground``."""
    square = Image.new("RGBA", (side, side), (*ground, 255))
    draw = ImageDraw.Draw(square)
    font = _initial_font(max(8, round(side * INITIAL_SIZE)))
    left, top, right, bottom = draw.textbbox((0, 0), initial, font=font)
    position = ((side - (right - left)) / 2 - left, (side - (bottom - top)) / 2 - top)
    draw.text(position, initial, font=font, fill=(*ink, 255))
    return square


def favicon(pictures: dict[int, Image.Image]) -> bytes:
    """An .ico holding one picture for each of FAVICON_SIZES."""
    largest = pictures[max(FAVICON_SIZES)]
    out = io.BytesIO()
    largest.save(
        out, format="ICO", sizes=[(s, s) for s in FAVICON_SIZES], append_images=[pictures[s] for s in FAVICON_SIZES]
    )
    return out.getvalue()


def icon_files(logo: Logo | None, initial: str, colours: dict[str, tuple[int, int, int]]) -> dict[str, bytes]:
    """{file name: bytes} of the favicon, the touch icon and the manifest's icons."""
    background = (*colours["background"], 255)
    if logo is not None:
        small = {side: logo_icon(logo, side, (0, 0, 0, 0), margin=0) for side in FAVICON_SIZES}
        square = {name: logo_icon(logo, side, background) for name, side in (TOUCH_ICON, *MANIFEST_ICONS)}
    else:
        ground, ink = colours["accent"], colours["accent_text"]
        small = {side: initial_icon(initial, side, ground, ink) for side in FAVICON_SIZES}
        square = {name: initial_icon(initial, side, ground, ink) for name, side in (TOUCH_ICON, *MANIFEST_ICONS)}
    files = {"favicon.ico": favicon(small)}
    files.update({name: png_bytes(picture) for name, picture in square.items()})
    return files
