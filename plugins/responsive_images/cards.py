"""Share cards: the 1200 × 630 picture a link preview shows for a page with no picture of its own.

The site's (or branch's) name and the page's title, in Open Sans (the pinned ttf-opensans package,
so every machine draws the same bytes) on the theme's colours, read from its stylesheet.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
from dataclasses import asdict, dataclass

import ttf_opensans
from PIL import Image, ImageColor, ImageDraw, ImageFont
from PIL import __version__ as pillow_version

CARD_SIZE = (1200, 630)
CARD_VERSION = 1  # raise when the drawing changes: every cached card is redrawn
PAD = 72
TITLE_SIZES = (76, 68, 60, 52, 46, 40)  # the largest that fits in TITLE_LINES lines is used
TITLE_LINES = 4
SHADES = 64  # shades of each ink between the background and the ink itself


@dataclass(frozen=True)
class CardText:
    top: str  # the site: "Sheffield branch"
    title: str  # the page: "Buses back on the 52"
    bottom: str  # the party, or the site's motto


@dataclass(frozen=True)
class CardColours:
    background: str
    text: str
    highlight: str


def theme_colours(theme: str, stylesheet: str, wanted: tuple[tuple[str, str], ...]) -> CardColours:
    """The colours named in RESPONSIVE_IMAGES_CARD_COLOURS: a CSS variable of the theme's
    light scheme (its first :root block), or a colour written out."""
    variables = {}
    path = os.path.join(theme, stylesheet)
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as handle:
            css = handle.read()
        root = re.search(r":root\s*\{([^}]*)\}", css)
        if root:
            variables = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", root.group(1)))
    colours = {}
    for role, value in wanted:
        colour = variables.get(value, "").strip() if value.startswith("--") else value
        try:
            ImageColor.getrgb(colour)
        except ValueError:
            raise ValueError(
                f"RESPONSIVE_IMAGES_CARD_COLOURS: {role} is {value!r}, which is not a colour"
                + (f" defined in {path}" if value.startswith("--") else "")
            ) from None
        colours[role] = colour
    return CardColours(**colours)


@functools.cache
def _font_bytes(bold: bool) -> bytes:
    font = ttf_opensans.OPENSANS_BOLD if bold else ttf_opensans.OPENSANS_SEMIBOLD
    return font.path.read_bytes()


@functools.cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    # BASIC layout needs nothing but the FreeType inside Pillow's wheel: the same on every machine.
    return ImageFont.truetype(io.BytesIO(_font_bytes(bold)), size, layout_engine=ImageFont.Layout.BASIC)


def card_key(text: CardText, colours: CardColours) -> str:
    """What decides a card's bytes: its words and colours, the fonts and the drawing code's version."""
    data = {
        "version": CARD_VERSION,
        "pillow": pillow_version,
        "text": asdict(text),
        "colours": asdict(colours),
        "fonts": [hashlib.sha256(_font_bytes(b)).hexdigest() for b in (True, False)],
    }
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=16).hexdigest()


def _wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if not line or font.getlength(trial) <= width:
            line = trial
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def _fit_title(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    words = title.split()
    for size in TITLE_SIZES:
        font = _font(True, size)
        lines = _wrap(words, font, width)
        if len(lines) <= TITLE_LINES and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = _wrap(words, font, width)[:TITLE_LINES]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return font, lines


def _one_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _palette(colours: CardColours) -> list[int]:
    """Entries 0-63 go from the background to the text colour, 64-127 to the highlight colour:
    every shade anti-aliased text needs, so the card is a palette PNG with nothing to quantize."""
    background = ImageColor.getrgb(colours.background)[:3]
    palette = []
    for ink in (ImageColor.getrgb(colours.text)[:3], ImageColor.getrgb(colours.highlight)[:3]):
        for step in range(SHADES):
            palette += [round(b + (i - b) * step / (SHADES - 1)) for b, i in zip(background, ink, strict=True)]
    return palette


@functools.lru_cache(maxsize=8)
def _frame(top: str, bottom: str, colours: CardColours) -> Image.Image:
    """What every card of one site shares, as palette indices: the bars and the site's name in the
    highlight's shades (SHADES to 2 * SHADES - 1) and the bottom line in the text's (0 to SHADES - 1).
    Drawn once per site; each card adds only its title."""
    width, height = CARD_SIZE
    inner = width - 2 * PAD
    scale = (SHADES - 1) / 255
    frame = Image.new("L", CARD_SIZE, 0)
    draw = ImageDraw.Draw(frame)
    # Text drawn on "L" blends the fill into the background by coverage: fill SHADES - 1 on 0 gives
    # the text's shades directly. The highlight's shades start at SHADES, so its coverage is mapped.
    top_font = _font(True, 38)
    mask = Image.new("L", (inner, PAD + 64), 0)
    ImageDraw.Draw(mask).text((0, PAD), _one_line(top, top_font, inner), font=top_font, fill=255, anchor="lt")
    frame.paste(mask.point(lambda v: SHADES + round(v * scale)), (PAD, 0), mask.point(lambda v: 255 if v else 0))
    for box in ((0, 0, width, 14), (0, height - 14, width, height)):
        draw.rectangle(box, fill=2 * SHADES - 1)
    bottom_font = _font(False, 32)
    draw.text(
        (PAD, height - PAD), _one_line(bottom, bottom_font, inner), font=bottom_font, fill=SHADES - 1, anchor="ls"
    )
    return frame


def draw_card(text: CardText, colours: CardColours) -> bytes:
    """The card as PNG bytes: the same words and colours always give the same bytes."""
    width, height = CARD_SIZE
    inner = width - 2 * PAD
    card = _frame(text.top, text.bottom, colours).copy()
    font, lines = _fit_title(text.title, inner)
    line_height = round(font.size * 1.22)
    block = line_height * len(lines)
    y = PAD + 64 + max(0, (height - 2 * PAD - 64 - 56 - block) // 2)
    draw = ImageDraw.Draw(card)
    for line in lines:
        draw.text((PAD, y), line, font=font, fill=SHADES - 1, anchor="lt")
        y += line_height
    card = card.convert("P")
    card.putpalette(_palette(colours))
    out = io.BytesIO()
    card.save(out, "PNG", compress_level=6)
    return out.getvalue()
