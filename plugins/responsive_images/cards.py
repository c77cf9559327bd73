"""Share cards: the 1200 × 630 picture a link preview shows for a page with no picture of its own.

The site's (or branch's) name, the page's title, an event's date and time below it, and, along the
foot, the page's digital imprint
(a shared picture must carry it inside itself), in Open Sans (the pinned ttf-opensans package,
so every machine draws the same bytes) on the theme's colours, read from its stylesheet.

A card is a 4-bit palette PNG of 16 colours: the background, 8 shades of the text colour and 7 of
the highlight's over it, enough for anti-aliased text (each edge pixel within half a shade of what
FreeType gives: the 64 shades an ink of CARD_VERSION 3 look no different, even enlarged four times,
and need 8 bits a pixel). What every card of a site shares (the bars, the site's name, the bottom
line and the imprint) is drawn and compressed once, as the rows above and below the band the title
and date go in; each card places its glyphs, rendered once each, in that band and compresses only
its rows with ink: one zlib stream of the parts, in one IDAT chunk (issue 23; bench/card_figures.py
measures it).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import struct
import zlib
from dataclasses import asdict, dataclass

import ttf_opensans
from PIL import Image, ImageColor, ImageDraw, ImageFont
from PIL import __version__ as pillow_version

CARD_SIZE = (1200, 630)
CARD_VERSION = 4  # raise when the drawing changes: every cached card is redrawn
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
WHEN_SIZES = (40, 36, 32)  # an event's date and time: the largest at which it fits on one line
WHEN_LINES = 2  # else wrapped at the smallest (a timed event over two days: both dates and times)
# The palette: 0 the background, TEXT_INKS the text colour at 1/8 to 8/8 of a pixel's coverage,
# HIGHLIGHT_INKS the highlight's at 1/7 to 7/7 (the site's name and an event's date).
TEXT_SHADES, HIGHLIGHT_SHADES = 8, 7
TEXT_INKS = range(1, TEXT_SHADES + 1)
HIGHLIGHT_INKS = range(TEXT_SHADES + 1, TEXT_SHADES + HIGHLIGHT_SHADES + 1)
# zlib levels: the rows every card of a site shares are compressed once, nearly as hard as zlib can
# (9 took twice as long for 0.5% fewer bytes); a card's own rows at the level that keeps a card
# under a millisecond (bench/card_figures.py: 3 saves 4% of the bytes for a quarter more time).
FRAME_LEVEL = 8
BAND_LEVEL = 2
MEM_LEVEL = 8  # zlib's default: smaller and faster here than 9
BLANK_GAP = 16  # blank rows between a card's lines left out of its own compressed rows, at least


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


@functools.cache
def _fonts_digest() -> list[str]:
    return [hashlib.sha256(_font_bytes(b)).hexdigest() for b in (True, False)]


def card_key(text: CardText, colours: CardColours) -> str:
    """What decides a card's bytes: its words and colours, the fonts, the drawing code's version and
    the zlib that compresses it."""
    data = {
        "version": CARD_VERSION,
        "pillow": pillow_version,
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "text": asdict(text),
        "colours": asdict(colours),
        "fonts": _fonts_digest(),
    }
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=16).hexdigest()


# ---- glyphs: each rendered once, its coverage as FreeType gives it -------------------------------


@dataclass(frozen=True, eq=False)
class _Glyph:
    coverage: Image.Image | None  # "L", 0 to 255; None for a space
    left: int  # of its box, from the pen
    top: int  # of its box, from the baseline (above it: negative)
    width: int
    height: int
    advance: float


@functools.cache
def _glyph(font: ImageFont.FreeTypeFont, char: str) -> _Glyph:
    left, top, right, bottom = font.getbbox(char, anchor="ls")
    coverage = None
    if right > left and bottom > top:
        coverage = Image.new("L", (right - left, bottom - top), 0)
        ImageDraw.Draw(coverage).text((-left, -top), char, font=font, fill=255, anchor="ls")
    return _Glyph(coverage, left, top, right - left, bottom - top, font.getlength(char))


def _length(font: ImageFont.FreeTypeFont, text: str) -> float:
    """font.getlength(text), from the glyphs' advances: the BASIC layout of a font without kerning
    (the pinned Open Sans has none) puts each glyph where the last one's advance ends."""
    return sum(_glyph(font, char).advance for char in text)


def _wrap(words: list[str], font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line, length = [], "", 0.0
    space = _length(font, " ")
    for word in words:
        size = _length(font, word)
        if not line or length + space + size <= width:
            line, length = (f"{line} {word}", length + space + size) if line else (word, size)
        else:
            lines.append(line)
            line, length = word, size
    return [*lines, line] if line else lines


def _title_lines(font: ImageFont.FreeTypeFont, height: int) -> int:
    return max(1, min(TITLE_LINES, height // round(font.size * 1.22)))


def _fit_title(title: str, width: int, height: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    words = title.split()
    for size in TITLE_SIZES:
        font = _font(True, size)
        lines = _wrap(words, font, width)
        if len(lines) <= _title_lines(font, height) and all(_length(font, line) <= width for line in lines):
            return font, lines
    lines = _wrap(words, font, width)[: _title_lines(font, height)]
    last = lines[-1]
    while last and _length(font, last + "…") > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return font, lines


def _one_line(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    if _length(font, text) <= width:
        return text
    while text and _length(font, text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _palette(colours: CardColours) -> bytes:
    """The PLTE chunk's entries: the background, then each ink's shades over it (TEXT_INKS, HIGHLIGHT_INKS)."""
    background = ImageColor.getrgb(colours.background)[:3]
    palette = [*background]
    for ink, shades in ((colours.text, TEXT_SHADES), (colours.highlight, HIGHLIGHT_SHADES)):
        rgb = ImageColor.getrgb(ink)[:3]
        for step in range(1, shades + 1):
            palette += [round(b + (i - b) * step / shades) for b, i in zip(background, rgb, strict=True)]
    return bytes(palette)


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
        if len(lines) <= IMPRINT_LINES and all(_length(font, line) <= width for line in lines):
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


# ---- drawing: glyphs placed on palette indices ---------------------------------------------------

Placed = tuple[_Glyph, int, int]  # a glyph and its box's top left corner on the card


def _place(font: ImageFont.FreeTypeFont, line: str, x: int, baseline: int | None = None, top: int = 0) -> list[Placed]:
    """A line's glyphs from ``x``: on ``baseline``, or with the top of their ink at row ``top``
    (ImageDraw's anchors "ls" and "lt": the same pixels, without rendering the line again)."""
    glyphs = [_glyph(font, char) for char in line]
    if baseline is None:
        baseline = top - min((g.top for g in glyphs if g.coverage is not None), default=0)
    placed, pen = [], float(x)
    for glyph in glyphs:
        if glyph.coverage is not None:
            placed.append((glyph, round(pen) + glyph.left, baseline + glyph.top))
        pen += glyph.advance
    return placed


def _ink(image: Image.Image, placed: list[Placed], shade: int = TEXT_INKS[-1], dx: int = 0, dy: int = 0) -> None:
    """Glyphs onto ``image``, moved ``dx`` and ``dy``: ``shade`` blended by each pixel's coverage over
    what is there, which over the background's 0 makes the text's shades directly (and where two
    glyphs' edges meet, their coverage together, as glyph by glyph rendering gives it)."""
    for glyph, x, y in placed:
        x, y = x + dx, y + dy
        image.paste(shade, (x, y, x + glyph.width, y + glyph.height), glyph.coverage)


# a glyph's coverage in HIGHLIGHT_SHADES steps (0 the background) -> the highlight's palette index
_HIGHLIGHT_INDEX = [HIGHLIGHT_INKS[0] - 1 + v if v else 0 for v in range(256)]
_HIGHLIGHT_WHERE = [255 if v else 0 for v in range(256)]


def _ink_highlight(image: Image.Image, placed: list[Placed], dx: int = 0, dy: int = 0) -> None:
    """Glyphs onto ``image`` in the highlight's shades (the faintest edge, under half a shade, is left
    to the background): drawn in HIGHLIGHT_SHADES steps on their own, then given their indices."""
    if not placed:
        return
    top, bottom = _rows(placed)
    steps = Image.new("L", (image.width, bottom - top), 0)
    _ink(steps, placed, HIGHLIGHT_SHADES, dx, -top)
    image.paste(steps.point(_HIGHLIGHT_INDEX).convert("P"), (0, top + dy), steps.point(_HIGHLIGHT_WHERE))


def _rows(placed: list[Placed]) -> tuple[int, int]:
    """The rows (top, bottom) the glyphs' boxes take."""
    if not placed:
        return TITLE_TOP, TITLE_TOP
    return min(y for _g, _x, y in placed), max(y + g.height for g, _x, y in placed)


# ---- the PNG: 4-bit palette rows, filter None, one zlib stream of a site's parts and a card's -----

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ZLIB_HEADER = b"\x78\x9c"  # deflate, a 32 KB window, the default compression level (FLEVEL 2)
_ADLER_BASE = 65521
_LEAD = 2  # pixels at a row's left, 4 bits each: the byte before it, its filter type


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _scanlines(image: Image.Image) -> bytes:
    """The image's rows as PNG stores them at 4 bits a pixel, each after its filter type, 0 (None:
    the right filter for a palette image): drawn two pixels wider, the two at the left make that byte."""
    wide = Image.new("P", (image.width + _LEAD, image.height), 0)
    wide.paste(image, (_LEAD, 0))
    return wide.tobytes("raw", "P;4")


@dataclass(frozen=True)
class _Deflated:
    """Rows compressed on their own: raw deflate ending on a byte (a full flush) or with the last block."""

    data: bytes
    adler: int  # the Adler-32 of the rows
    length: int


def _deflate(rows: bytes, level: int, last: bool) -> _Deflated:
    squeeze = zlib.compressobj(level, zlib.DEFLATED, -15, MEM_LEVEL)
    data = squeeze.compress(rows) + squeeze.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
    return _Deflated(data, zlib.adler32(rows), len(rows))


@functools.cache
def _blank(rows: int) -> _Deflated:
    """``rows`` rows of background."""
    return _deflate(bytes(rows * (1 + CARD_SIZE[0] // 2)), FRAME_LEVEL, last=False)


def _adler_combine(first: int, second: int, length: int) -> int:
    """The Adler-32 of two byte strings one after the other, from theirs and the second's length
    (zlib's adler32_combine)."""
    rem = length % _ADLER_BASE
    low = ((first & 0xFFFF) + (second & 0xFFFF) + _ADLER_BASE - 1) % _ADLER_BASE
    high = ((rem * (first & 0xFFFF)) % _ADLER_BASE) + (first >> 16) + (second >> 16) + _ADLER_BASE - rem
    return ((high % _ADLER_BASE) << 16) | low


def _png(palette: bytes, *parts: _Deflated) -> bytes:
    """A PNG of ``parts``, one after another (each deflated on its own, the last ending the stream)."""
    parts = tuple(part for part in parts[:-1] if part.length) + parts[-1:]  # no empty blocks for no rows
    adler = 1
    for part in parts:
        adler = _adler_combine(adler, part.adler, part.length)
    stream = _ZLIB_HEADER + b"".join(part.data for part in parts) + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", *CARD_SIZE, 4, 3, 0, 0, 0)  # 4 bits, palette, no interlace
    return (
        _SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"PLTE", palette) + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class _Frame:
    """What every card of one site shares: the bars and the site's name in the highlight's shades,
    the bottom line and the imprint in the text's, as palette indices; ``band``, the rows between
    (blank here) that each card's title and date go in; and the rows above and below it, compressed."""

    image: Image.Image
    palette: bytes
    band: tuple[int, int]
    above: _Deflated
    below: _Deflated


@functools.lru_cache(maxsize=8)
def _frame(top: str, bottom: str, imprint: str, colours: CardColours) -> _Frame:
    """Drawn once per site (and per promoter of its own); each card adds only its title and date."""
    width, height = CARD_SIZE
    inner = width - 2 * PAD
    frame = Image.new("P", CARD_SIZE, 0)
    # the site's name: its ink above TITLE_TOP only (the band below is the title's)
    name = Image.new("P", (inner, TITLE_TOP), 0)
    top_font = _font(True, 38)
    _ink_highlight(name, _place(top_font, _one_line(top, top_font, inner), 0, top=PAD))
    frame.paste(name, (PAD, 0))
    draw = ImageDraw.Draw(frame)
    for box in ((0, 0, width, 14), (0, height - 14, width, height)):
        draw.rectangle(box, fill=HIGHLIGHT_INKS[-1])
    bottom_font = _font(False, 32)
    _ink(frame, _place(bottom_font, _one_line(bottom, bottom_font, inner), PAD, _bottom_baseline(imprint)))
    if imprint:
        font, lines = fit_imprint(imprint)
        baseline = IMPRINT_BASELINE - _imprint_line_height(font) * (len(lines) - 1)
        for line in lines:
            _ink(frame, _place(font, line, PAD, baseline))
            baseline += _imprint_line_height(font)
    below = TITLE_TOP + frame.crop((0, TITLE_TOP, width, height)).getbbox()[1]  # the bottom bar at least
    return _Frame(
        image=frame,
        palette=_palette(colours),
        band=(TITLE_TOP, below),
        above=_deflate(_scanlines(frame.crop((0, 0, width, TITLE_TOP))), FRAME_LEVEL, last=False),
        below=_deflate(_scanlines(frame.crop((0, below, width, height))), FRAME_LEVEL, last=True),
    )


def fit_when(when: str) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """An event's date and time: its font and lines, never cut short (a date is what the card is for)."""
    width = CARD_SIZE[0] - 2 * PAD
    for size in WHEN_SIZES:
        font = _font(True, size)
        if _length(font, when) <= width:
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


def _inked_rows(lines: list[list[Placed]]) -> list[tuple[int, int]]:
    """The rows (top, bottom) the lines' glyphs take, in order, those less than BLANK_GAP rows apart as one."""
    spans: list[tuple[int, int]] = []
    for top, bottom in sorted(_rows(line) for line in lines if line):
        if spans and top - spans[-1][1] < BLANK_GAP:
            spans[-1] = (spans[-1][0], max(spans[-1][1], bottom))
        else:
            spans.append((top, bottom))
    return spans


def draw_card(text: CardText, colours: CardColours) -> bytes:
    """The card as PNG bytes: the same words and colours always give the same bytes.
    ImprintDoesNotFit if the imprint cannot be drawn whole."""
    width, _height = CARD_SIZE
    inner = width - 2 * PAD
    frame = _frame(text.top, text.bottom, text.imprint, colours)
    when_top, _when_bottom = when_band(text)
    dated: list[list[Placed]] = []
    if text.when:
        font, lines = fit_when(text.when)
        for number, line in enumerate(lines):
            dated.append(_place(font, line, PAD, top=when_top + number * round(font.size * 1.25)))
    # the title between the site's name and the date, or the bottom line (its capitals' height above
    # its baseline)
    room = when_top - (BOTTOM_GAP if text.when else 0) - TITLE_TOP
    font, lines = _fit_title(text.title, inner, room)
    line_height = round(font.size * 1.22)
    y = TITLE_TOP + max(0, (room - line_height * len(lines)) // 2)
    titled = [_place(font, line, PAD, top=y + number * line_height) for number, line in enumerate(lines)]
    spans = _inked_rows(titled + dated)
    titled_glyphs = [glyph for line in titled for glyph in line]
    dated_glyphs = [glyph for line in dated for glyph in line]
    band_top, band_bottom = frame.band
    if not spans or (band_top <= spans[0][0] and spans[-1][1] <= band_bottom):  # always, but for glyphs
        # far taller than the font's. Only the rows with ink are drawn, as their scanlines are stored
        # (the glyphs, PAD from the edge, never reach the lead), and compressed; the blank rows
        # between are the same for every card.
        top, bottom = (spans[0][0], spans[-1][1]) if spans else (band_top, band_top)
        inked = Image.new("P", (_LEAD + width, bottom - top), 0)
        _ink(inked, titled_glyphs, dx=_LEAD, dy=-top)
        _ink_highlight(inked, dated_glyphs, dx=_LEAD, dy=-top)
        rows, stride = inked.tobytes("raw", "P;4"), 1 + width // 2
        parts, at = [frame.above], band_top
        for start, end in spans:
            own = rows[(start - top) * stride : (end - top) * stride]
            parts += [_blank(start - at), _deflate(own, BAND_LEVEL, last=False)]
            at = end
        return _png(frame.palette, *parts, _blank(band_bottom - at), frame.below)
    card = frame.image.copy()
    _ink(card, titled_glyphs)
    _ink_highlight(card, dated_glyphs)
    return _png(frame.palette, _deflate(_scanlines(card), BAND_LEVEL, last=True))
