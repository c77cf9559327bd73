"""The theme's colours as a stylesheet declares them: the ``--kit-*`` custom properties of its
``:root`` block and of its ``@media (prefers-color-scheme: dark) { :root { ... } }`` block.

Only those simple declarations are read (the kit's site.css and a party's css/party.css set the
palette that way); every other rule is passed over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LIGHT = "light"
DARK = "dark"
# The preludes (whitespace squeezed, lower case) of the blocks that set each scheme's palette.
SCHEME_BLOCKS = {(":root",): LIGHT, ("@media (prefers-color-scheme: dark)", ":root"): DARK}
PROPERTY_PREFIX = "--kit-"
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)


@dataclass(frozen=True)
class Declaration:
    """One custom property as written: where, and its value as text."""

    name: str  # --kit-link
    value: str  # as written, trimmed
    path: str
    line: int  # 1-based

    @property
    def rgb(self) -> tuple[int, int, int] | None:
        """The colour as (red, green, blue) 0-255, or None when it is not a #rgb or #rrggbb colour."""
        if not HEX_COLOUR.fullmatch(self.value):
            return None
        digits = self.value[1:]
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        return tuple(int(digits[index : index + 2], 16) for index in (0, 2, 4))


def _blank_comments(text: str) -> str:
    """Comments replaced by spaces, their line breaks kept, so lines still count as written."""
    return COMMENT.sub(lambda found: re.sub(r"[^\n]", " ", found.group()), text)


def scheme_declarations(path: str) -> dict[str, list[Declaration]]:
    """{scheme: the ``--kit-*`` declarations of its block(s), in the order written} for the
    stylesheet at ``path``."""
    with open(path, encoding="utf-8") as handle:
        text = _blank_comments(handle.read())
    found: dict[str, list[Declaration]] = {LIGHT: [], DARK: []}
    preludes: list[str] = []
    start = 0  # where the current prelude or declaration began
    for index, character in enumerate(text):
        if character not in "{};":
            continue
        piece = text[start:index]
        start = index + 1
        if character == "{":
            preludes.append(" ".join(piece.split()).lower())
            continue
        scheme = SCHEME_BLOCKS.get(tuple(preludes))
        if scheme is not None and ":" in piece:
            name, value = piece.split(":", 1)
            if name.strip().startswith(PROPERTY_PREFIX):
                offset = len(piece) - len(piece.lstrip())
                line = text.count("\n", 0, index - len(piece) + offset) + 1
                found[scheme].append(Declaration(name.strip(), value.strip(), path, line))
        if character == "}" and preludes:
            preludes.pop()
    return found
