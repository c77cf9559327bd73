"""How deeply a Markdown text nests lists and quotes, found line by line before it is converted.

Python-Markdown reads a nested list or quote by calling itself once per level, and spends time that
grows with the square of the depth: a list nested a thousand deep runs for many seconds and then
ends in RecursionError. No text an editor writes goes beyond a few levels, so a text nested deeper
than MAX_NESTING is refused, at its first line that does, before Markdown sees it.
"""

from __future__ import annotations

import re

MAX_NESTING = 20
TAB_WIDTH = 4  # Python-Markdown's: each level of a nested list is indented by four spaces
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
MARKER = re.compile(r"(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))")


def line_depth(line: str) -> int:
    """The levels a line opens: its indentation in steps of four, then each quote mark (>) and list
    marker (-, *, +, 1.) that starts it (`> - > 1. text` is four)."""
    expanded = line.expandtabs(TAB_WIDTH)
    stripped = expanded.lstrip(" ")
    depth = (len(expanded) - len(stripped)) // TAB_WIDTH
    position = 0
    while True:
        while position < len(stripped) and stripped[position] == " ":
            position += 1
        match = MARKER.match(stripped, position)
        if not match:
            return depth
        depth += 1
        position = match.end()


def first_too_deep(body: str, limit: int = MAX_NESTING) -> int | None:
    """The 0-based index of the first line of ``body`` nested deeper than ``limit`` (fenced code left
    out: Markdown does not read inside it), or None."""
    fence = None
    for index, line in enumerate(body.split("\n")):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if line_depth(line) > limit:
            return index
    return None
