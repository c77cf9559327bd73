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


def picture_values(
    picture: PublishedPicture,
    alt: str,
    *,
    sizes: str,
    fallback_width: int,
) -> dict:
    """What a <picture> of ``picture`` is made of, as plain values (picture_from_values): what a
    branch hands the national site, which makes the HTML itself (a record is not trusted markup)."""
    stored = picture.stored
    return {
        "webp_srcset": picture.srcset("webp") if stored.webp else None,
        "src": picture.url(picture.fallback(fallback_width), stored.extension),
        "srcset": picture.srcset(stored.extension),
        "sizes": sizes,
        "width": picture.largest.width,
        "height": picture.largest.height,
        "alt": alt,
    }


def picture_from_values(values: dict, *, eager: bool, title: str | None = None) -> str:
    """The <picture> of picture_values' ``values``, every value escaped."""
    parts = ["<picture>"]
    if values["webp_srcset"]:
        webp = [("type", "image/webp"), ("srcset", values["webp_srcset"]), ("sizes", values["sizes"])]
        parts.append(f"<source{_attributes(webp)}>")
    img = [(name, values[name]) for name in ("src", "srcset", "sizes", "width", "height", "alt")]
    if title:
        img.append(("title", title))
    if not eager:
        img.append(("loading", "lazy"))
    img.append(("decoding", "async"))
    parts.append(f"<img{_attributes(img)}>")
    parts.append("</picture>")
    return "".join(parts)


def picture_html(
    picture: PublishedPicture,
    alt: str,
    *,
    eager: bool,
    sizes: str,
    fallback_width: int,
    title: str | None = None,
) -> str:
    values = picture_values(picture, alt, sizes=sizes, fallback_width=fallback_width)
    return picture_from_values(values, eager=eager, title=title)


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
