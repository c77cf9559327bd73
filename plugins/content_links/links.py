"""Finding the links in a Markdown text, with the line each is on."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# [text](target "title") but not ![alt](picture); <target> in angle brackets allowed
INLINE_LINK = re.compile(r'(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+["\'(][^)]*)?\)')
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HTML_HREF = re.compile(r"""<a\s[^>]*\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Link:
    target: str
    line: int


def links_in(body: str, first_line: int) -> list[Link]:
    """Every link target in ``body`` (code blocks skipped); ``first_line`` is the body's line in the file."""
    found = []
    in_code = False
    for offset, line in enumerate(body.splitlines()):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if in_code or line.startswith("    "):
            continue
        text = re.sub(r"`[^`]*`", "", line)  # inline code is not a link
        for pattern in (INLINE_LINK, AUTOLINK):
            found += [Link(m.group(1), first_line + offset) for m in pattern.finditer(text)]
        # in HTML, &colon; and &#106; spell the same address as the letters do
        found += [Link(html.unescape(m.group(1)).strip(), first_line + offset) for m in HTML_HREF.finditer(text)]
        reference = REFERENCE_DEFINITION.match(text)
        if reference:
            found.append(Link(reference.group(1), first_line + offset))
    return found
