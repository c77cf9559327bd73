"""A cleaned SVG drawn as pixels, with resvg (the resvg-py wheel: no system library needed), in
the pinned Open Sans alone so text draws the same on every machine."""

from __future__ import annotations

import functools
import io

import resvg_py
import ttf_opensans
from PIL import Image


@functools.cache
def _font_files() -> tuple[str, ...]:
    return tuple(str(font.path) for font in (ttf_opensans.OPENSANS_REGULAR, ttf_opensans.OPENSANS_BOLD))


def svg_to_picture(svg: bytes, width: int | None = None, height: int | None = None) -> Image.Image:
    """The SVG drawn at its own size, or scaled (keeping its shape) to ``width`` or ``height``; a
    ValueError if resvg cannot draw it. Only a cleaned SVG is drawn: it refers to nothing outside itself."""
    try:
        drawn = resvg_py.svg_to_bytes(
            svg_string=svg.decode("utf-8"),
            width=width,
            height=height,
            skip_system_fonts=True,
            font_files=list(_font_files()),
            font_family="Open Sans",
            sans_serif_family="Open Sans",
            serif_family="Open Sans",
        )
    except Exception as error:  # resvg's errors carry no common class
        raise ValueError(str(error) or type(error).__name__) from None
    picture = Image.open(io.BytesIO(bytes(drawn)))
    picture.load()
    return picture.convert("RGBA")


def fitted(svg: bytes, side: int) -> Image.Image:
    """The SVG drawn as large as fits in a ``side`` x ``side`` square, keeping its shape (resvg
    fits it to both sides at once: a logo a thousand times taller than wide is still ``side`` high)."""
    return svg_to_picture(svg, width=side, height=side)
