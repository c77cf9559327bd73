"""Scottish Gaelic words as the Gaelic search index holds them: a first scaffold, lenition only.

Lenition writes an h after a word's first consonant (baile, "am bhaile"; màthair, "a mhàthair"), so a
lenited word also stands for its radical. The specification (theme/static/js/gaelic-words.js implements
the same; tests/test_search_languages.py runs both):

1. fold the word (word_folding: lower case, accents dropped, split at apostrophes and punctuation);
2. a piece in STOP_WORDS is dropped (with the t-, h- and n- written before vowels: the tokenizer splits
   at hyphens, so they come as pieces of one letter);
3. the piece's forms are the piece itself and, when it begins with one of b c d f g m p s t followed by
   h and more, the piece without that h; each once, in code-point order.
"""

from __future__ import annotations

import functools

from .word_folding import folded_pieces

STOP_WORDS = frozenset([
    "a", "agus", "aig", "air", "am", "an", "ann", "anns", "bho", "de", "do", "gu", "h", "is", "le", "n",
    "na", "nan", "nam", "ri", "s", "t"
])  # fmt: skip
LENITED = frozenset("bcdfgmpst")


def radical_forms(piece: str) -> list[str]:
    forms = {piece}
    if len(piece) > 2 and piece[0] in LENITED and piece[1] == "h":
        forms.add(piece[0] + piece[2:])
    return sorted(forms)


@functools.lru_cache(maxsize=1 << 16)
def gaelic_forms(word: str) -> tuple[str, ...]:
    """Every form the Gaelic index holds for ``word`` (one token of lunr's tokenizer), piece by piece."""
    return tuple(form for piece in folded_pieces(word) if piece not in STOP_WORDS for form in radical_forms(piece))
