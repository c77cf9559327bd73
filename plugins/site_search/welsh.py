"""Welsh words as the Welsh search index holds them: each word as the set of its possible radical forms.

A Welsh word changes its first sound after certain words (initial mutations): Caerdydd, "i Gaerdydd",
"yng Nghaerdydd". Undoing a mutation is ambiguous (an f may be a soft-mutated b or m), so a word stands
for every radical it could come from, and a query word finds a document word when the two share one.
Caerdydd, Gaerdydd and Nghaerdydd all share "caerdydd"; Bangor, Fangor and Mangor share "bangor".

The specification (theme/static/js/welsh-words.js implements the same; tests/test_search_languages.py
runs both over the same words):

1. fold the word (word_folding: lower case, accents dropped, split at apostrophes and punctuation);
2. a piece in STOP_WORDS is dropped;
3. the piece's forms are the piece itself and, for each mutation in MUTATIONS, the radical it would have
   if it carried that mutation: within one mutation the longest mutated beginning that matches is
   undone (both f→b and f→m); a one-letter beginning never matches the first letter of a Welsh
   digraph (ll, rh, ff, dd, ch, ph, th, ng: "llan" is no soft-mutated "l"); the rest must not be empty;
4. soft mutation also drops a g: a piece beginning with a vowel (a e i o u w y), or an l or r that is
   not ll or rh, may be a radical with g before it ("ardd" is "gardd");
5. h-prothesis: h before a vowel may have been added ("hiaith" is "iaith");
6. the forms, each once, in code-point order.
"""

from __future__ import annotations

import functools

from .word_folding import folded_pieces

# kept small: words so common that finding them finds everything (articles, "and", "in", "of", "to",
# pronouns that mutate the next word); never a word a reader would look for
STOP_WORDS = frozenset([
    "a", "ac", "ag", "am", "ar", "at", "ei", "eich", "ein", "eu", "fy", "gan", "gyda", "hefyd", "hi", "hwn",
    "hyn", "i", "mae", "mewn", "na", "nac", "neu", "ni", "nid", "o", "oedd", "ond", "r", "sy", "sydd", "y",
    "yn", "yr", "yw"
])  # fmt: skip
MUTATIONS = {
    # mutation: ((mutated beginning, radical beginning), ...)
    "soft": (("b", "p"), ("d", "t"), ("dd", "d"), ("f", "b"), ("f", "m"), ("g", "c"), ("l", "ll"), ("r", "rh")),
    "nasal": (("m", "b"), ("mh", "p"), ("n", "d"), ("ng", "g"), ("ngh", "c"), ("nh", "t")),
    "aspirate": (("ch", "c"), ("ph", "p"), ("th", "t")),
}
DIGRAPHS = frozenset({"ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"})
VOWELS = frozenset("aeiouwy")


def _undone(piece: str, rules) -> list[str]:
    matching = [
        (mutated, radical)
        for mutated, radical in rules
        if piece.startswith(mutated) and len(piece) > len(mutated) and not (len(mutated) == 1 and piece[:2] in DIGRAPHS)
    ]
    if not matching:
        return []
    longest = max(len(mutated) for mutated, _ in matching)
    return [radical + piece[len(mutated) :] for mutated, radical in matching if len(mutated) == longest]


def radical_forms(piece: str) -> list[str]:
    """Steps 3 to 6 for one folded piece."""
    forms = {piece}
    for rules in MUTATIONS.values():
        forms.update(_undone(piece, rules))
    if piece[0] in VOWELS or (piece[0] in "lr" and piece[:2] not in DIGRAPHS):
        forms.add("g" + piece)
    if len(piece) > 1 and piece[0] == "h" and piece[1] in VOWELS:
        forms.add(piece[1:])
    return sorted(forms)


@functools.lru_cache(maxsize=1 << 16)
def welsh_forms(word: str) -> tuple[str, ...]:
    """Every form the Welsh index holds for ``word`` (one token of lunr's tokenizer), piece by piece."""
    return tuple(form for piece in folded_pieces(word) if piece not in STOP_WORDS for form in radical_forms(piece))
