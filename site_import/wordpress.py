"""`branchsites import-wordpress`: a Squarespace (or WordPress) export as the kit's own files.

Published posts become news/<date>-<slug>.md, published pages pages/<slug>.md, with the kit's front
matter; their pictures come into images/; links between them become {filename} links; and each
old address is recorded in redirects.yaml, so links to the old site keep working. Everything the
export does not hold, or the import could not bring, is a note for the editor.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from content_schema.fields import SLUG_PATTERN, FieldError
from front_matter.schemas import tag as kit_tag
from front_matter.schemas import tag_slug
from old_addresses.redirect_file import OLD_ADDRESS
from scaffold.writers import slugify, yaml_text

from .import_failed import ImportFailed
from .markdown_body import convert_body
from .pictures import SitePictures
from .recorded_addresses import record_old_addresses
from .wxr_file import ExportItem, NotAnExport, read_export

SUMMARY_LENGTH = 300  # front_matter.schemas.SUMMARY
TITLE_LENGTH = 150
# What a Squarespace export never holds: the editor brings these over by hand.
NEVER_EXPORTED = (
    "events pages (Squarespace leaves them out: `make import-calendar` takes their iCalendar feed, "
    "or write them with `make new-event`)",
    "galleries and gallery pages, album, video and portfolio pages",
    "products and the shop, donations",
    "forms and newsletter sign-ups (link to where they live now)",
    "comments",
    "the site's styles, fonts, navigation menus, header and footer (the kit's theme and MENU_ITEMS do those)",
    "pictures and files used only by the site's design, and files linked as /s/... (download and add them)",
)


@dataclass
class Planned:
    item: ExportItem
    kind: str  # "news" or "page"
    relpath: str  # news/2024-03-05-buses-back.md
    slug: str
    old_path: str  # the item's path on the old site, /blog/buses-back
    blog: str = ""  # the blog's path prefix (news, blog), for a post


def _old_path(link: str) -> str:
    """The path part of an old address, as redirects.yaml compares it: decoded, no trailing slash."""
    path = unquote(urlsplit(link).path) or "/"
    return path.rstrip("/") or "/"


def _host(address: str) -> str:
    return (urlsplit(address).hostname or "").lower().removeprefix("www.")


def _valid_slug(wanted: str, fallback: str) -> str:
    return wanted if SLUG_PATTERN.match(wanted or "") else slugify(wanted or fallback)


def import_wordpress(args, destination, settings) -> list[str]:
    try:
        export = read_export(args.export)
    except NotAnExport as exc:
        raise ImportFailed(f"{exc}; nothing was written") from None
    notes = [f"{args.export}, {repair}" for repair in export.repairs]
    old_site = (args.old_site or export.link).strip()
    zone = zoneinfo.ZoneInfo(settings.get("TIMEZONE") or "UTC")

    by_kind = Counter(item.kind for item in export.items)
    unknown = sorted(k for k in by_kind if k not in ("post", "page", "attachment"))
    left_out = [i for i in export.items if i.kind in ("post", "page") and i.status != "publish"]
    published = [i for i in export.items if i.kind in ("post", "page") and i.status == "publish"]
    for item in left_out:
        notes.append(f"left out, as it is {item.status} in the export: the {item.kind} “{item.title}” ({item.link})")

    plan = _plan(published, destination, settings, zone, notes)
    pictures = SitePictures(destination, old_site)
    internal = {p.old_path: "{filename}/" + p.relpath for p in plan}
    for item in export.items:
        if item.kind == "attachment" and item.attachment_url:
            pictures.link_for(item.attachment_url)

    for planned in plan:
        text, item_notes = _file_text(planned, plan, internal, pictures, old_site, zone)
        destination.write(planned.relpath, text, source=planned.item.link or planned.relpath)
        notes += [f"{planned.relpath}: {note}" for note in item_notes]
    notes += pictures.notes

    found, unrecorded = {}, []
    for planned in plan:
        encoded = quote(planned.old_path, safe="/!*'()+,=:@-._~")
        if planned.old_path != "/" and OLD_ADDRESS.match(encoded):
            found[encoded] = "{filename}/" + planned.relpath
        elif planned.old_path != "/":
            unrecorded.append(planned.old_path)
    notes += record_old_addresses(destination, found, settings)
    notes += [f"the old address {path} could not be recorded in redirects.yaml" for path in unrecorded]

    blogs = Counter(p.blog for p in plan if p.kind == "news")
    if len(blogs) > 1:
        named = ", ".join(f"/{b}/ ({n} post{'s' if n > 1 else ''})" for b, n in sorted(blogs.items()))
        notes.append(
            f"this export holds {len(blogs)} blogs, {named}: all are in news/ now, "
            "each post tagged with its blog's name"
        )
    if unknown:
        counts = ", ".join(f"{by_kind[k]} `{k}`" for k in unknown)
        notes.append(f"items of kinds the import does not know were left out: {counts}")
    notes += [
        f"never in a Squarespace export, so bring it over by hand if the old site had it: {n}" for n in NEVER_EXPORTED
    ]
    return notes


def _plan(items: list[ExportItem], destination, settings: dict, zone, notes: list[str]) -> list[Planned]:
    """Each item's file and slug, before anything is written, so that links between them can be rewritten."""
    reserved = set(settings.get("RESERVED_PAGE_SLUGS", ()))
    home = (settings.get("HOME_CONTENT_PATH") or "").strip("/") if destination.label == "the main site" else ""
    taken = {"news": set(), "page": set()}
    for kind, folder in (("news", "news"), ("page", "pages")):
        if os.path.isdir(destination.inside(folder)):
            for name in os.listdir(destination.inside(folder)):
                stem = os.path.splitext(name)[0]
                taken[kind].add(stem[11:] if kind == "news" and stem[:4].isdigit() else stem)
    plan: list[Planned] = []
    ours: set[str] = set()
    for item in sorted(items, key=lambda i: (i.kind, i.published or dt.datetime.min, i.link)):
        path = _old_path(item.link)
        last = path.rstrip("/").rsplit("/", 1)[-1]
        slug = _valid_slug(item.name or last, item.title)
        if item.kind == "post":
            if item.published is None:
                notes.append(f"left out: the post “{item.title}” ({item.link}) has no date in the export")
                continue
            day = _local(item.published, zone).date()
            relpath, kind = f"news/{day:%Y-%m-%d}-{{}}.md", "news"
        else:
            if slug in reserved:
                notes.append(f"the page “{item.title}” is pages/about-{slug}.md: the kit uses /{slug}/ itself")
                slug = f"about-{slug}"
            relpath, kind = "pages/{}.md", "page"
        base, number = slug, 1
        while True:
            candidate = relpath.format(slug)
            if (
                candidate not in ours
                and (slug not in taken[kind] or destination.written_by_import(item.link or candidate))
                and candidate != home
            ):
                break
            number += 1
            slug = f"{base}-{number}"
        if slug != base:
            notes.append(f"{candidate}: “{item.title}” has the slug `{slug}`, as `{base}` was taken")
        ours.add(candidate)
        taken[kind].add(slug)
        parts = [p for p in path.split("/") if p]
        blog = parts[0] if item.kind == "post" and len(parts) > 1 else ""
        plan.append(Planned(item, kind, candidate, slug, path, blog))
    return plan


def _local(when: dt.datetime, zone) -> dt.datetime:
    return when.astimezone(zone) if when.tzinfo else when


def plain_text(html: str) -> str:
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def shortened(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a word, with … when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _file_text(planned: Planned, plan, internal, pictures: SitePictures, old_site: str, zone) -> tuple[str, list[str]]:
    item, notes = planned.item, []
    old_host = _host(old_site)

    def link(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme in ("mailto", "tel") or href.startswith("#"):
            return href
        root_relative = not parts.scheme and not parts.netloc and href.startswith("/")
        same_site = parts.scheme in ("http", "https") and old_host and _host(href) == old_host
        if not (root_relative or same_site):
            if pictures.known(href):
                return pictures.known(href)
            return href
        picture = pictures.known(href)
        if picture:
            return picture
        target = internal.get(_old_path(href))
        if target:
            return target + (f"#{parts.fragment}" if parts.fragment else "")
        if root_relative and old_site:
            absolute = urlunsplit((*urlsplit(old_site)[:2], parts.path, parts.query, parts.fragment))
            notes.append(f"the link to {parts.path} goes to the old site ({absolute}): nothing imported lives there")
            return absolute
        notes.append(f"the link to {href} goes to the old site: nothing imported lives there")
        return href

    body = convert_body(item.content, links=link, pictures=pictures.link_for)
    notes += body.notes
    title = shortened(item.title or planned.slug, TITLE_LENGTH)
    lines = ["---", f"title: {yaml_text(title)}"]
    if planned.kind == "news":
        lines.append(f"date: {_local(item.published, zone):%Y-%m-%d %H:%M}")
    summary = shortened(plain_text(item.excerpt), SUMMARY_LENGTH)
    if summary:
        lines.append(f"summary: {yaml_text(summary)}")
    if planned.kind == "news":
        tags = _tags(item, planned.blog if len({p.blog for p in plan if p.kind == "news"}) > 1 else "", notes)
        if tags:
            lines.append(f"tags: [{', '.join(yaml_text(t) for t in tags)}]")
    lines.append(f"slug: {planned.slug}")
    lines.append("---")
    text = "\n".join(lines) + "\n" + (body.markdown or "")
    return text, notes


def _tags(item: ExportItem, blog: str, notes: list[str]) -> list[str]:
    """The item's categories and tags (and its blog's name) as the kit's tags, each once."""
    tags, seen = [], set()
    for name in (*item.categories, *item.tags, *([blog] if blog else [])):
        try:
            value = kit_tag(name)
        except FieldError as exc:
            notes.append(f"the tag `{name}` was left out: {exc.message}")
            continue
        if tag_slug(value) not in seen:
            seen.add(tag_slug(value))
            tags.append(value)
    return tags
