"""The HTML of pictures: a <picture> with WebP and the picture's own format at every width
(`srcset`, `sizes`), its `width` and `height` (so the text does not jump while it loads), and
`loading="lazy"` on every picture but the first of a page; `decoding="async"` on all.

The rewriting keeps every other byte of the HTML as it was.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from .published import PublishedPicture

START_TAG = re.compile(r"""<(img|a)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def parse_attributes(text: str) -> list[tuple[str, str | None]]:
    found = []
    for match in ATTRIBUTE.finditer(text):
        name = match.group(1).lower()
        raw = next((g for g in match.groups()[1:] if g is not None), None)
        found.append((name, html.unescape(raw) if raw is not None else None))
    return found


def _attributes(pairs) -> str:
    return "".join(
        f" {name}" if value is None else f' {name}="{html.escape(str(value), quote=True)}"' for name, value in pairs
    )


def picture_html(
    picture: PublishedPicture,
    alt: str,
    *,
    eager: bool,
    sizes: str,
    fallback_width: int,
    title: str | None = None,
) -> str:
    stored = picture.stored
    largest = picture.largest
    parts = ["<picture>"]
    if stored.webp:
        parts.append(
            f"<source{_attributes([('type', 'image/webp'), ('srcset', picture.srcset('webp')), ('sizes', sizes)])}>"
        )
    fallback = picture.fallback(fallback_width)
    img = [
        ("src", picture.url(fallback, stored.extension)),
        ("srcset", picture.srcset(stored.extension)),
        ("sizes", sizes),
        ("width", largest.width),
        ("height", largest.height),
        ("alt", alt),
    ]
    if title:
        img.append(("title", title))
    if not eager:
        img.append(("loading", "lazy"))
    img.append(("decoding", "async"))
    parts.append(f"<img{_attributes(img)}>")
    parts.append("</picture>")
    return "".join(parts)


def rewrite_html(
    text: str,
    on_image: Callable[[dict, bool], str | None],
    on_link: Callable[[str], str | None],
) -> str:
    """Replace each <img> by what ``on_image(attributes, first)`` returns (None keeps it), and each
    <a href> by the address ``on_link(href)`` returns (None keeps it). ``first`` is True for the
    page's first picture."""
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        tag = match.group(1).lower()
        pairs = parse_attributes(match.group(2))
        attributes = dict(pairs)
        if tag == "img":
            result = on_image(attributes, count == 0)
            count += 1
            return match.group(0) if result is None else result
        href = attributes.get("href")
        new = on_link(href) if href else None
        if new is None:
            return match.group(0)
        return f"<a{_attributes([(n, new if n == 'href' else v) for n, v in pairs])}>"

    return START_TAG.sub(replace, text)
