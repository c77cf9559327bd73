"""Share cards as files (responsive_images.cards): a 4-bit palette PNG of 1200 × 630 that a strict
decoder reads (every chunk's CRC, the zlib stream's Adler-32, a filter byte before every row), small;
its text in its own colours with anti-aliased edges, each glyph where Pillow's own text drawing puts
it; the same bytes for the same words every time, whichever way the card was put together."""

from __future__ import annotations

import dataclasses
import io
import struct
import zlib

import pytest
from PIL import Image, ImageChops, ImageDraw

from kit_testing import ALPHA_IMPRINT

COLOURS = ("#1d5c2e", "#ffffff", "#ffbf47")  # the kit theme's --kit-accent, --kit-accent-text, --kit-focus
TITLE = "Buses back on the 52 after the council's U-turn"
WHEN = "Tuesday 12 January 2027, 7pm to 9pm GMT"


def colours():
    from responsive_images.cards import CardColours

    background, text, highlight = COLOURS
    return CardColours(background=background, text=text, highlight=highlight)


def card(when: str = "", title: str = TITLE) -> bytes:
    from responsive_images.cards import CardText, draw_card

    return draw_card(CardText("Alphaton branch", title, "The Test Party", ALPHA_IMPRINT, when), colours())


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The PNG's chunks, each CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        at += 12 + length
    return found


def rgb(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


# the same words drew 22.7 and 27.5 KB as 64 shades an ink at zlib level 6 (CARD_VERSION 3)
# (and one with no title: no rows of its own between the site's)
@pytest.mark.parametrize(("title", "when", "bound"), [(TITLE, "", 18_000), (TITLE, WHEN, 22_500), ("", "", 9_000)])
def test_a_card_is_a_small_4_bit_palette_png_a_strict_decoder_reads(title, when, bound):
    from responsive_images.cards import CARD_SIZE

    data = card(when, title)
    found = chunks(data)
    assert [kind for kind, _ in found] == [b"IHDR", b"PLTE", b"IDAT", b"IEND"]
    width, height, depth, colour_type, compression, filtering, interlace = struct.unpack(">IIBBBBB", found[0][1])
    assert (width, height) == CARD_SIZE == (1200, 630)
    assert (depth, colour_type, compression, filtering, interlace) == (4, 3, 0, 0, 0)  # 4-bit palette
    assert len(found[1][1]) == 16 * 3  # the background and 15 shades of two inks
    rows = zlib.decompress(found[2][1])  # a wrong Adler-32 or a broken deflate stream raises here
    stride = 1 + width // 2
    assert len(rows) == height * stride
    assert {rows[y * stride] for y in range(height)} == {0}  # filter None, right for a palette image
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        assert image.mode == "P" and image.size == CARD_SIZE
    assert len(data) < bound


def test_a_cards_text_is_in_its_colours_with_anti_aliased_edges():
    from responsive_images.cards import PAD, TITLE_TOP, CardText, imprint_band, when_band

    background, text, highlight = (Image.new("RGB", (1, 1), c).getpixel((0, 0)) for c in COLOURS)
    image = rgb(card(WHEN))
    words = CardText("Alphaton branch", TITLE, "The Test Party", ALPHA_IMPRINT, WHEN)
    when_top, when_bottom = when_band(words)

    def colours_in(top: int, bottom: int) -> dict:
        return {colour: count for count, colour in image.crop((0, top, 1200, bottom)).getcolors(1200 * 630)}

    def between(colour, ink) -> bool:  # on the way from the background to the ink, as an edge blends
        return all(min(b, i) <= c <= max(b, i) for c, b, i in zip(colour, background, ink, strict=True))

    for (top, bottom), ink in (
        ((TITLE_TOP, when_top), text),  # the title
        ((when_top, when_bottom), highlight),  # the date
        ((PAD, TITLE_TOP), highlight),  # the site's name
        (imprint_band(ALPHA_IMPRINT), text),  # the imprint
    ):
        found = colours_in(top, bottom)
        edges = [c for c in found if c not in (background, ink)]
        assert found[ink] > 2000 and found[background] > found[ink], (top, ink)  # solid strokes on the ground
        assert len(edges) >= 6 and all(between(c, ink) for c in edges), (top, edges)  # smooth, in its own shades
    assert image.getpixel((600, 5)) == image.getpixel((600, 625)) == highlight  # the bars
    assert image.getpixel((20, 300)) == image.getpixel((1180, 300)) == background


def test_glyphs_are_placed_where_pillows_own_text_drawing_puts_them():
    """The card draws each glyph once and places it: the same pixels as ImageDraw drawing the line,
    but where two glyphs' boxes overlap (ImageDraw keeps the larger coverage, the card both together)."""
    from responsive_images.cards import TEXT_INKS, _font, _ink, _place

    for bold, size in ((True, 76), (True, 40), (False, 30), (False, 26)):
        font = _font(bold, size)
        for line in (TITLE, WHEN, ALPHA_IMPRINT[:60], "Ŵyl Dewi Sant: “Jôb” — fi, ffl, Tj, AV, yg"):
            drawn = Image.new("L", (1400, 140), 0)
            ImageDraw.Draw(drawn).text((72, 20), line, font=font, fill=TEXT_INKS[-1], anchor="lt")
            placed = _place(font, line, 72, top=20)
            ours = Image.new("L", drawn.size, 0)
            _ink(ours, placed)
            overlaps = Image.new("L", drawn.size, 0)
            for glyph, x, y in placed:
                box = (x, y, x + glyph.width, y + glyph.height)
                overlaps.paste(overlaps.crop(box).point(lambda v: min(v + 1, 2)), box)
            alone = overlaps.point(lambda v: 255 if v < 2 else 0)  # in one glyph's box at most
            assert ImageChops.darker(ImageChops.difference(ours, drawn), alone).getbbox() is None, (size, line)
            assert ImageChops.subtract(drawn, ours).getbbox() is None, (size, line)  # more where they meet
            assert ours.getextrema()[1] == TEXT_INKS[-1], (size, line)


def test_the_same_words_give_the_same_bytes_however_the_card_was_put_together(monkeypatch):
    from responsive_images import cards

    first = card(WHEN)
    for cached in (cards._frame, cards._glyph, cards._blank):
        cached.cache_clear()
    card("", title="Another site's page first")
    assert card(WHEN) == first
    # drawn whole, as a card whose glyphs left the rows between the frame's parts would be: the same
    # pixels in another stream
    frame = cards._frame
    monkeypatch.setattr(cards, "_frame", lambda *a: dataclasses.replace(frame(*a), band=(400, 401)))
    whole = card(WHEN)
    assert whole != first and len(chunks(whole)) == 4
    assert rgb(whole).tobytes() == rgb(first).tobytes()


def test_adler_32_of_parts_combined_is_that_of_the_whole():
    from responsive_images.cards import _adler_combine

    for first, second in ((b"", b""), (b"a", b""), (b"", b"b"), (b"\x00" * 70_000, b"\xff" * 99_999), (b"xyz", b"1")):
        assert _adler_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(first + second)
