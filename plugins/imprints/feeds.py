"""The imprint inside every Atom entry: the entry's own content ends with it, so it travels with
the entry into any reader or archive (a feed_generated receiver, run before the feed is written)."""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import escape

from interface_language import translations

from .promoters import content_imprint


def imprint_markup(sentence: str) -> str:
    return f'<p class="kit-imprint">{escape(sentence)}</p>'


def _path(address: str) -> str:
    return urlsplit(address).path


def _entry_sources(context) -> dict[str, object]:
    """Every article and translation a feed may list, by its address's path."""
    found = {}
    for key in ("articles", "translations", "drafts"):
        for item in context.get(key, ()) or ():
            found.setdefault(item.url, item)
    return found


def _source_of(link: str, sources: dict[str, object]):
    path = _path(link)
    matches = [url for url in sources if url and path.endswith("/" + url.lstrip("/"))]
    return sources[max(matches, key=len)] if matches else None


def feed_imprints(context, feed) -> None:
    """Add each entry's imprint (its own front matter `promoter`, else its site's) to its content."""
    sources = _entry_sources(context)
    for item in feed.items:
        source = _source_of(item["link"], sources)
        imprint = content_imprint(context, getattr(source, "metadata", None))
        if imprint is None:
            continue
        key = "content" if item.get("content") is not None else "description"
        metadata = getattr(source, "metadata", None) or {}
        words = translations(context, metadata.get("lang") or context.get("DEFAULT_LANG"))  # the entry's language
        item[key] = (item.get(key) or "") + imprint_markup(imprint.sentence(words))
