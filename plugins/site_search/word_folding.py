"""Folding a word before a Celtic-language index takes it: lower case, accents dropped, split into its letters.

The specification that theme/static/js/word-folding.js implements too (tests/test_search_languages.py
runs both over the same words):

1. lower case;
2. Unicode NFD, the combining accents U+0300 to U+036F dropped (â ê î ô û ŵ ŷ ä ë ï ö ü ẁ ẃ ẅ ỳ ý à è ì ò ù
   become their base letters), then NFC;
3. split at every run of characters that are not letters, digits or other marks (Unicode categories
   L, N, M): "i'r" is "i" and "r", "caerdydd." is "caerdydd".
"""

from __future__ import annotations

import re
import unicodedata

ACCENTS = re.compile("[\u0300-\u036f]")


def _kept(character: str) -> bool:
    return unicodedata.category(character)[0] in "LNM"


def folded_pieces(word: str) -> list[str]:
    """The pieces of ``word``, folded (steps 1 to 3)."""
    word = unicodedata.normalize("NFC", ACCENTS.sub("", unicodedata.normalize("NFD", word.lower())))
    pieces, current = [], []
    for character in word:
        if _kept(character):
            current.append(character)
        elif current:
            pieces.append("".join(current))
            current = []
    if current:
        pieces.append("".join(current))
    return pieces
