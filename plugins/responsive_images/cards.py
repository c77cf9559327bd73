"""Share cards: the 1200 × 630 picture a link preview shows for a page with no picture of its own.

The site's (or branch's) name, the page's title, an event's date and time below it, and, along the
foot, the page's digital imprint
(a shared picture must carry it inside itself), in Open Sans (the pinned ttf-opensans package,
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
CARD_VERSION = 3  # raise when the drawing changes: every cached card is redrawn
PAD = 72
TITLE_SIZES = (76, 68, 60, 52, 46, 40)  # the largest that fits in TITLE_LINES lines is used
TITLE_LINES = 4
TITLE_TOP = PAD + 64  # below the site's name
# Link previews show the card about 500 px wide (a third to a half of its pixels): 30 px shows as
# 12.5 px, and 26 px, the floor, as 10.8 px, the smallest imprint text still read there.
IMPRINT_SIZES = (30, 28, 26)
IMPRINT_LINES = 4  # a branch agent's long address on the party's behalf takes three at 30 px
IMPRINT_BASELINE = CARD_SIZE[1] - 46  # the last line's, clear of the bottom bar with its descenders
BOTTOM_GAP = 20  # between the bottom line (party or motto) and the imprint
SHADES = 64  # shades of each ink between the background and the ink itself
WHEN_SIZES = (40, 36, 32)  # an event's date and time: the largest at which it fits on one line
WHEN_LINES = 2  # else wrapped at the smallest (a timed event over two days: both dates and times)


@dataclass(frozen=True)
class CardText:
    top: str  # the site: "Sheffield branch"
    title: str  # the page: "Buses back on the 52"
    bottom: str  # the party, or the site's motto
    imprint: str  # the page's imprint sentence ("Promoted by ..."), drawn whole along the foot
    when: str = ""  # an event's date and time ("Tuesday 12 January 2027, 7pm to 9pm GMT"), drawn whole


IMPRINT_FIT_FIX = (
    "Shorten the promoter's name or address (IMPRINT_PROMOTER_*, IMPRINT_ON_BEHALF_OF_*, or `promoter` "
    "in the branch.yaml or front matter it comes from)."
)


class ImprintDoesNotFit(ValueError):
    """An imprint too long for a card at the smallest legible size: it is never cut short."""

    exitcode = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message}. {IMPRINT_FIT_FIX}"


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


def _title_lines(font: ImageFont.FreeTypeFont, height: int) -> int:
    return max(1, min(TITLE_LINES, height // round(font.size * 1.22)))


def _fit_title(title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    words = title.split()
    for size in TITLE_SIZES:
        font = _font(True, size)
        lines = _wrap(words, font, width)
        if len(lines) <= _title_lines(font, height) and all(font.getlength(line) <= width for line in lines):
            return font, lines
    lines = _wrap(words, font, width)[: _title_lines(font, height)]
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


_OUTWARD, _INWARD = re.compile(r"[A-Z]{1,2}[0-9][A-Z0-9]?"), re.compile(r"[0-9][A-Z]{2}[.,]?")


def _imprint_words(imprint: str) -> list[str]:
    """The imprint's words, a postcode's two halves kept as one (S1 4BY is never broken over two lines)."""
    words: list[str] = []
    for word in imprint.split():
        if words and _INWARD.fullmatch(word) and _OUTWARD.fullmatch(words[-1]):
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
    return words


@functools.cache
def fit_imprint(imprint: str) -> tuple[ImageFont.FreeTypeFont, tuple[str, ...]]:
    """The imprint's font and lines: the largest of IMPRINT_SIZES at which it fits whole in
    IMPRINT_LINES lines; ImprintDoesNotFit, naming it, if it fits at none."""
    width = CARD_SIZE[0] - 2 * PAD
    for size in IMPRINT_SIZES:
        font = _font(False, size)
        lines = _wrap(_imprint_words(imprint), font, width)
        if len(lines) <= IMPRINT_LINES and all(font.getlength(line) <= width for line in lines):
            return font, tuple(lines)
    raise ImprintDoesNotFit(
        f"the imprint `{imprint}` does not fit a share card in {IMPRINT_LINES} lines of "
        f"{IMPRINT_SIZES[-1]} px, the smallest that stays legible where the card is shown"
    )


def imprint_band(imprint: str) -> tuple[int, int]:
    """The rows (top, bottom) the imprint is drawn in; (bottom, bottom) for no imprint."""
    if not imprint:
        return IMPRINT_BASELINE, IMPRINT_BASELINE
    font, lines = fit_imprint(imprint)
    ascent, descent = font.getmetrics()
    return IMPRINT_BASELINE - _imprint_line_height(font) * (len(lines) - 1) - ascent, IMPRINT_BASELINE + descent


def _imprint_line_height(font: ImageFont.FreeTypeFont) -> int:
    return round(font.size * 1.3)


def _bottom_baseline(imprint: str) -> int:
    """The bottom line's baseline: above the imprint, or where the imprint's last line would be."""
    top, _bottom = imprint_band(imprint)
    return top - BOTTOM_GAP if imprint else IMPRINT_BASELINE


@functools.lru_cache(maxsize=8)
def _frame(top: str, bottom: str, imprint: str, colours: CardColours) -> Image.Image:
    """What every card of one site shares, as palette indices: the bars and the site's name in the
    highlight's shades (SHADES to 2 * SHADES - 1), the bottom line and the imprint in the text's (0
    to SHADES - 1). Drawn once per site (and per promoter of its own); each card adds only its title."""
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
        (PAD, _bottom_baseline(imprint)),
        _one_line(bottom, bottom_font, inner),
        font=bottom_font,
        fill=SHADES - 1,
        anchor="ls",
    )
    if imprint:
        font, lines = fit_imprint(imprint)
        baseline = IMPRINT_BASELINE - _imprint_line_height(font) * (len(lines) - 1)
        for line in lines:
            draw.text((PAD, baseline), line, font=font, fill=SHADES - 1, anchor="ls")
            baseline += _imprint_line_height(font)
    return frame


def fit_when(when: str) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """An event's date and time: its font and lines, never cut short (a date is what the card is for)."""
    width = CARD_SIZE[0] - 2 * PAD
    for size in WHEN_SIZES:
        font = _font(True, size)
        if font.getlength(when) <= width:
            return font, [when]
    font = _font(True, WHEN_SIZES[-1])
    return font, _wrap(when.split(), font, width)[:WHEN_LINES]


def when_band(text: CardText) -> tuple[int, int]:
    """The rows (top, bottom) an event's date and time is drawn in, above the bottom line; (top, top)
    for a card with none."""
    bottom = _bottom_baseline(text.imprint) - 32 - BOTTOM_GAP
    if not text.when:
        return bottom, bottom
    font, lines = fit_when(text.when)
    return bottom - round(font.size * 1.25) * len(lines), bottom


def _paste_highlight(card: Image.Image, lines: list[str], font: ImageFont.FreeTypeFont, top: int) -> None:
    """``lines`` in the highlight's shades (SHADES to 2 * SHADES - 1) from row ``top`` down."""
    width = CARD_SIZE[0] - 2 * PAD
    line_height = round(font.size * 1.25)
    mask = Image.new("L", (width, line_height * len(lines)), 0)
    draw = ImageDraw.Draw(mask)
    for number, line in enumerate(lines):
        draw.text((0, number * line_height), line, font=font, fill=255, anchor="lt")
    scale = (SHADES - 1) / 255
    card.paste(mask.point(lambda v: SHADES + round(v * scale)), (PAD, top), mask.point(lambda v: 255 if v else 0))


def draw_card(text: CardText, colours: CardColours) -> bytes:
    """The card as PNG bytes: the same words and colours always give the same bytes.
    ImprintDoesNotFit if the imprint cannot be drawn whole."""
    width, _height = CARD_SIZE
    inner = width - 2 * PAD
    card = _frame(text.top, text.bottom, text.imprint, colours).copy()
    when_top, _when_bottom = when_band(text)
    if text.when:
        _paste_highlight(card, fit_when(text.when)[1], fit_when(text.when)[0], when_top)
    # the title between the site's name and the date, or the bottom line (its capitals' height above
    # its baseline)
    room = when_top - (BOTTOM_GAP if text.when else 0) - TITLE_TOP
    font, lines = _fit_title(text.title, inner, room)
    line_height = round(font.size * 1.22)
    block = line_height * len(lines)
    y = TITLE_TOP + max(0, (room - block) // 2)
    draw = ImageDraw.Draw(card)
    for line in lines:
        draw.text((PAD, y), line, font=font, fill=SHADES - 1, anchor="lt")
        y += line_height
    card = card.convert("P")
    card.putpalette(_palette(colours))
    out = io.BytesIO()
    card.save(out, "PNG", compress_level=6)
    return out.getvalue()
