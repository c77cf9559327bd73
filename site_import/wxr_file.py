"""Read a WordPress export (WXR), as Squarespace writes it: its channel and its items.

Squarespace's export is "not quite valid XML": control characters XML 1.0 forbids (U+000B, U+001C
... pasted from word processors), a stray `&` or an HTML entity such as `&nbsp;` outside the CDATA
sections, and sometimes a byte-order mark. An XML parser stops at the first one, so they are
repaired in the text before parsing, each repair reported with its line. This is the one place
that reads the export as text: it is not XML until repaired. Parsing is defusedxml's, which
refuses entity expansion and external references (an export is a file from elsewhere).
"""

from __future__ import annotations

import datetime as dt
import html.entities
import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeTree
from defusedxml import DefusedXmlException

from .input_file import read_input

MAX_EXPORT_BYTES = 200 * 1024 * 1024
WP_NAMESPACE_START = "http://wordpress.org/export/"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
EXCERPT_NAMESPACE_START = "http://wordpress.org/export/"  # excerpt: is http://wordpress.org/export/1.2/excerpt/
DC = "{http://purl.org/dc/elements/1.1/}"
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
# Characters XML 1.0 allows: tab, newline, carriage return, and from U+0020 on (not U+FFFE, U+FFFF).
FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CDATA = re.compile(r"<!\[CDATA\[.*?\]\]>", re.S)
# An ampersand and what follows it: a reference XML knows, a name (an HTML entity?), or nothing.
AMPERSAND = re.compile(r"&(?:#[0-9]+;|#x[0-9A-Fa-f]+;|([A-Za-z][A-Za-z0-9]*);)?")


class NotAnExport(Exception):
    """The file is not a WXR export, or cannot be read as one even after the repairs."""


@dataclass(frozen=True)
class ExportItem:
    """One <item>: a post, a page, an attachment or anything else the exporting site had."""

    kind: str  # wp:post_type: post, page, attachment, ...
    status: str  # wp:status: publish, draft, private, pending, future, trash
    title: str
    name: str  # wp:post_name, the address's last part
    link: str  # the item's address on the old site
    published: dt.datetime | None  # aware when the export gave GMT; else naive, the old site's own time
    content: str  # content:encoded, HTML
    excerpt: str  # excerpt:encoded, HTML
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    attachment_url: str
    post_id: str
    parent_id: str


@dataclass
class WxrExport:
    title: str
    link: str  # the channel's <link>: the old site's address
    items: list[ExportItem]
    repairs: list[str] = field(default_factory=list)  # each repair made before parsing, with its line


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def repair_text(text: str) -> tuple[str, list[str]]:
    """``text`` with what XML 1.0 refuses removed or repaired, and a sentence for each repair."""
    repairs: list[str] = []
    if text.startswith("\ufeff"):
        text = text[1:]
        repairs.append("line 1: a byte-order mark (U+FEFF) before the XML declaration was removed")
    for found in FORBIDDEN_CHARACTER.finditer(text):
        repairs.append(
            f"line {_line_at(text, found.start())}: a character XML does not allow "
            f"(U+{ord(found.group()):04X}) was removed"
        )
    pieces, position = [], 0
    for section in CDATA.finditer(text):  # inside CDATA an & is only text
        pieces.append(_repair_ampersands(text, position, section.start(), repairs))
        pieces.append(text[section.start() : section.end()])
        position = section.end()
    pieces.append(_repair_ampersands(text, position, len(text), repairs))
    return FORBIDDEN_CHARACTER.sub("", "".join(pieces)), repairs


def _repair_ampersands(text: str, start: int, end: int, repairs: list[str]) -> str:
    out, position = [], start
    for found in AMPERSAND.finditer(text, start, end):
        name = found.group(1)
        whole = found.group()
        if whole != "&" and (name is None or name in XML_ENTITIES):
            continue  # a reference XML knows
        out.append(text[position : found.start()])
        line = _line_at(text, found.start())
        character = html.entities.html5.get(f"{name};") if name else None
        if character:
            out.append("".join(f"&#{ord(c)};" for c in character))
            repairs.append(f"line {line}: the HTML entity `&{name};`, which XML does not know, became its character")
        else:
            out.append("&amp;")
            out.append(whole[1:])
            repairs.append(f"line {line}: a stray `&` was written as `&amp;`")
        position = found.end()
    out.append(text[position:end])
    return "".join(out)


def read_export(path: str) -> WxrExport:
    """The export at ``path``; NotAnExport, saying why in a sentence, if it is not one."""
    data = read_input(path, MAX_EXPORT_BYTES, NotAnExport, ", too large for an export")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotAnExport(f"{path}, line {line}: is not UTF-8 text, as a WordPress export is") from None
    text, repairs = repair_text(text)
    if text.startswith("<?xml"):  # its encoding= is the bytes', and these are text now
        text = text[text.find("?>") + 2 :] if "?>" in text else text
    try:
        root = SafeTree.fromstring(text)
    except ParseError as exc:
        line, column = exc.position
        raise NotAnExport(
            f"{path}, line {line}, column {column + 1}: is not XML the import can read, even after its repairs "
            "(is it the .xml file from Settings > Import & Export > Export > WordPress?)"
        ) from None
    except DefusedXmlException as exc:
        raise NotAnExport(f"{path}: holds XML an export never has ({type(exc).__name__}); it was not read") from None
    return _export(path, root, repairs)


def _namespace(root: Element, starts: str, local: str) -> str | None:
    for element in root.iter():
        if element.tag.startswith("{" + starts) and element.tag.endswith("}" + local):
            return element.tag[: -len(local)]
    return None


def _export(path: str, root: Element, repairs: list[str]) -> WxrExport:
    channel = root.find("channel")
    wp = _namespace(root, WP_NAMESPACE_START, "post_type") or _namespace(root, WP_NAMESPACE_START, "wxr_version")
    if root.tag != "rss" or channel is None or wp is None:
        raise NotAnExport(
            f"{path} is not a WordPress export (WXR): it has no <rss><channel> with wp: items. "
            "Export again from Squarespace: Settings > Import & Export > Export > WordPress."
        )
    excerpt = _namespace(root, EXCERPT_NAMESPACE_START, "encoded") or "{http://wordpress.org/export/1.2/excerpt/}"
    items = [_item(element, wp, excerpt) for element in channel.findall("item")]
    return WxrExport(_text(channel, "title"), _text(channel, "link"), items, repairs)


def _text(element: Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _published(element: Element, wp: str) -> dt.datetime | None:
    for tag, aware in ((wp + "post_date_gmt", True), (wp + "post_date", False)):
        value = _text(element, tag)
        if value and not value.startswith("0000"):
            try:
                when = dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return when.replace(tzinfo=dt.UTC) if aware else when
    value = _text(element, "pubDate")
    if value:
        try:
            return parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return None


def _item(element: Element, wp: str, excerpt: str) -> ExportItem:
    def terms(domain: str) -> tuple[str, ...]:
        found = [(c.text or "").strip() for c in element.findall("category") if c.get("domain") == domain]
        return tuple(dict.fromkeys(t for t in found if t))

    return ExportItem(
        kind=_text(element, wp + "post_type") or "post",
        status=_text(element, wp + "status") or "publish",
        title=" ".join(_text(element, "title").split()),
        name=_text(element, wp + "post_name"),
        link=_text(element, "link"),
        published=_published(element, wp),
        content=(element.findtext(CONTENT + "encoded") or ""),
        excerpt=element.findtext(excerpt + "encoded") or "",
        categories=terms("category"),
        tags=terms("post_tag"),
        attachment_url=_text(element, wp + "attachment_url"),
        post_id=_text(element, wp + "post_id"),
        parent_id=_text(element, wp + "post_parent"),
    )
