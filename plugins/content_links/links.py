"""Finding the links in a Markdown text, with the line each is on."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

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


# Where Pelican turns a file link into an address: any attribute of a tag (pelican/contents.py).
FILE_MARKER = re.compile(r"[{|](?:static|attach|filename)[}|]")
LINK_ATTRIBUTES = ("href", "src", "poster", "data", "cite", "formaction", "action", "content")


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value and (name in LINK_ATTRIBUTES or FILE_MARKER.match(value.strip())):
                self.values.append((tag, value.strip()))

    handle_startendtag = handle_starttag


def may_hold_links(body: str) -> bool:
    """Worth rendering: a file link, or HTML with links, that the line-by-line reading may miss."""
    return bool(FILE_MARKER.search(body)) or "href" in body.lower()


def rendered_links(rendered: str, body: str, first_line: int) -> list[Link]:
    """Every link in ``rendered`` (the body as Pelican's Markdown makes it: list items' paragraphs,
    tags over several lines and unquoted attributes included), each at the line where its target is
    written in ``body``. Pictures (<img>) are the image checks' concern."""
    parser = _Attributes()
    parser.feed(rendered)
    parser.close()
    found, position = [], 0
    for tag, target in parser.values:
        if tag == "img" and not FILE_MARKER.match(target):
            continue
        at = body.find(target, position)
        if at >= 0:
            position = at + len(target)
            found.append(Link(target, first_line + body.count("\n", 0, at)))
        else:  # written with character references (&colon;): the line whose text reads the same
            lines = body.splitlines()
            line = next((n for n, text in enumerate(lines) if target in html.unescape(text)), 0)
            found.append(Link(target, first_line + line))
    return found
