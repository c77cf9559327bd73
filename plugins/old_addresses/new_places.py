"""Where each old address of a site now leads: its `{filename}/` link made the post's or page's
address, as Pelican makes it (its own Article and Page classes, from the file's front matter), so a
redirect follows a file's slug wherever the editor sets it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from pelican.contents import Article, Page

from content_schema.problems import ProblemList
from editor_checks.sites import MARKDOWN_SUFFIXES, files_under
from front_matter.content_file import kind_of, parse_content_file
from front_matter.document import date_from_filename, size_limit

from .redirect_file import OLD_ADDRESS, Redirect, read_redirects

CONTENT_CLASSES = {"news": Article, "page": Page}


@dataclass(frozen=True)
class NewPlace:
    """One redirect of a site, resolved: both addresses are paths of the site, from its root."""

    old: str
    new: str
    redirect: Redirect


def content_address(content_file, settings: dict) -> str:
    """The address (``/news/2024/our-news/``) of a news post or page, from its site's root."""
    metadata = {"title": content_file.values.get("title", ""), "slug": content_file.slug}
    if content_file.kind == "news":
        day = content_file.values.get("date") or date_from_filename(content_file.path) or dt.date(1970, 1, 1)
        metadata["date"] = day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time())
    content = CONTENT_CLASSES[content_file.kind](
        content="", metadata=metadata, settings=settings, source_path=content_file.path
    )
    return "/" + content.url.lstrip("/")


def same_address(path: str) -> str:
    """An address as a server compares it with the slash at its end or without: `/a/` and `/a` agree."""
    return path.rstrip("/") or "/"


def _content_file(site_path: str, relpath: str, settings: dict):
    """The post or page at ``relpath``, if it is one of the site's, inside its folder; else None."""
    root = os.path.realpath(site_path)
    target = os.path.realpath(os.path.join(root, relpath))
    kind = kind_of(target, root, settings) if os.path.commonpath([root, target]) == root else None
    if kind not in CONTENT_CLASSES or not target.lower().endswith(MARKDOWN_SUFFIXES) or not os.path.isfile(target):
        return None
    # the file's own problems are the front matter check's to report
    return parse_content_file(target, kind, ProblemList(root=root), max_bytes=size_limit(settings))


def file_address(site_path: str, relpath: str, settings: dict) -> str | None:
    """The address of the post or page at ``relpath`` in the site's folder, or None if it is none."""
    content_file = _content_file(site_path, relpath, settings)
    return content_address(content_file, settings) if content_file else None


def new_places(site_path: str, settings: dict, report) -> list[NewPlace]:
    """Every redirect of the site (its redirects.yaml), resolved; each problem goes to ``report``."""
    places = []
    shown_from = os.path.join(site_path, "redirects.yaml")
    for redirect in read_redirects(site_path, report):
        if redirect.to_file is None:
            places.append(NewPlace(redirect.old, redirect.target, redirect))
            continue
        new = file_address(site_path, redirect.to_file, settings)
        if new is None:
            report.error(
                shown_from,
                redirect.line,
                f"`{redirect.old}` is sent to `{redirect.target}`, which is not a post or page of this site",
                "Write `{filename}/` and the file's path in this site: {filename}/news/2024-01-05-our-news.md.",
            )
            continue
        if not OLD_ADDRESS.match(new):
            report.error(
                shown_from,
                redirect.line,
                f"`{redirect.old}` would be sent to `{new}`, an address a server configuration cannot hold",
                "Give the post or page a plain `slug:` (letters, digits and -).",
            )
            continue
        places.append(NewPlace(redirect.old, new, redirect))
    return places


def published_addresses(site_path: str, settings: dict) -> dict[str, str]:
    """The addresses the site's posts and pages are published at (as same_address gives them),
    each with its file."""
    found = {}
    for key in ("ARTICLE_PATHS", "PAGE_PATHS"):
        for folder in settings.get(key, ()):
            for path in files_under(os.path.join(site_path, folder)):
                kind = kind_of(path, site_path, settings)
                if kind not in CONTENT_CLASSES or not path.lower().endswith(MARKDOWN_SUFFIXES):
                    continue
                content_file = parse_content_file(path, kind, ProblemList(root="/"), max_bytes=size_limit(settings))
                if content_file is not None:
                    found[same_address(content_address(content_file, settings))] = path
    return found
