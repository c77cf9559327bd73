"""The allow-list: the tags and attributes Markdown produces, and nothing that can run code."""

from __future__ import annotations

import re

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
# h1 is the page title's; an h1 in the text becomes text (nh3 keeps the words).

ATTRIBUTES = {
    "a": {"href", "title", "class", "id"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"class", "scope", "colspan", "rowspan"},
    "td": {"class", "colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "li": {"id"},
    "sup": {"id"},
    "div": {"class"},
    "code": {"class"},
    "q": {"cite"},
}

# Attribute values that are allowed, where the attribute alone is not enough.
VALUE_PATTERNS = {
    "class": re.compile(r"^(footnote|footnote-ref|footnote-backref|kit-align-(left|right|center)|language-[\w+-]+)$"),
    "id": re.compile(r"^fn(ref)?:[\w-]+$"),  # footnotes
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}  # relative addresses stay allowed


# Pelican replaces {filename}x, {static}x ... (and |filename|x) after this cleaning, keeping what follows
# the marker: "{}javascript:alert(1)" would come out as a javascript: link. Only the markers the kit
# documents pass, and never with a scheme after them.
INTRASITE_MARKER = re.compile(r"^[{|](\w*)[|}](.*)$", re.S)
SAFE_MARKERS = {"filename", "static", "attach", "tag", "category", "index"}
SCHEME = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*\s*:")
URL_ATTRIBUTE_NAMES = {"href", "src", "cite"}


def _filter(element: str, attribute: str, value: str) -> str | None:
    pattern = VALUE_PATTERNS.get(attribute)
    if pattern is not None and not pattern.match(value):
        return None
    if attribute in URL_ATTRIBUTE_NAMES:
        marker = INTRASITE_MARKER.match(value)
        if marker and (marker.group(1) not in SAFE_MARKERS or SCHEME.match(marker.group(2))):
            return None
    return value


CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},  # removed with what they contain
    attributes=ATTRIBUTES,
    attribute_filter=_filter,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def clean(html: str) -> str:
    return CLEANER.clean(html)
