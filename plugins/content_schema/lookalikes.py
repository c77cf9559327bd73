"""Text that could pass for other text: hidden characters, mixed scripts, and a folded form to compare names.

Two names are taken as the same when their folded forms are equal: case, spacing, punctuation,
accents and look-alike letters (Unicode's confusables, UTS #39: Cyrillic о for o, 1 for l, rn
for m) make no difference to a reader, so they make none here.
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs import categories, confusables

# Format and control characters (bidi overrides and isolates, zero-width joiners and spaces, soft
# hyphens) change how a name looks or reads without being seen; unassigned and private-use code
# points show as nothing anyone can check.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Zl", "Zp"})
# Scripts every name may mix with its own: spaces, digits, punctuation and combining accents.
SHARED_SCRIPTS = ("COMMON", "INHERITED")


def hidden_characters(value: str) -> list[str]:
    """The code points of ``value`` a reader cannot see, as U+XXXX names."""
    found = []
    for char in value:
        if unicodedata.category(char) in HIDDEN_CATEGORIES:
            label = f"U+{ord(char):04X}"
            name = unicodedata.name(char, "")
            found.append(f"{label} {name}".strip())
    return list(dict.fromkeys(found))


def scripts_of(value: str) -> list[str]:
    """The writing systems ``value`` uses besides the shared ones, e.g. ["CYRILLIC", "LATIN"]."""
    return sorted(categories.unique_aliases(value) - set(SHARED_SCRIPTS))


def is_mixed_script(value: str) -> bool:
    return confusables.is_mixed_script(value, allowed_aliases=list(SHARED_SCRIPTS))


@functools.cache
def _prototypes() -> dict[str, str]:
    """Each confusable character -> one stand-in for everything it can be confused with.

    The library holds Unicode's pairs (source, prototype) in both directions; the characters that
    pair up, directly or through others, are one class, and a class's stand-in is its multi-letter
    prototype if it has one (m -> rn), else its ASCII member, else its lowest code point."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.get(item, item) != item:
            item = parent[item]
        return item

    def clean(item: str) -> str:  # the data marks right-to-left characters with LRM/RLM around them
        return item.replace("\u200e", "").replace("\u200f", "")

    for source, homoglyphs in confusables.confusables_data.items():
        for homoglyph in homoglyphs:
            a, b = root(clean(source)), root(clean(homoglyph["c"]))
            if a != b:
                parent[a] = b
    members: dict[str, list[str]] = {}
    for item in parent.keys() | set(parent.values()):
        members.setdefault(root(item), []).append(item)
    mapping = {}
    for group in members.values():
        stand_in = min(group, key=lambda m: (len(m) == 1, not m.isascii(), [ord(c) for c in m]))
        for member in group:
            if len(member) == 1:
                mapping[member] = stand_in
    return mapping


def _map(value: str) -> str:
    prototypes = _prototypes()
    mapped = "".join(prototypes.get(char, char) for char in value)
    return "".join(prototypes.get(char, char) for char in mapped)  # a multi-letter stand-in's own letters


def folded(value: str) -> str:
    """``value`` as a reader tells it apart: "The Meadow-Party" and "THE MEADОW PARTY" (Cyrillic О)
    both fold to one string. Only letters and digits are kept."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", value).casefold())
    text = _map(text).casefold()
    text = unicodedata.normalize("NFD", _map(text))
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")
