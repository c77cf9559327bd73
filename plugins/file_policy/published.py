"""Which of the files Pelican found or was linked to (its static files) a site publishes.

Pelican copies every file of STATIC_PATHS and every file a page links to with {static} or
{attach}, from wherever the link leads. Here, once it has listed them (static_generator_finalized),
each is taken off the list unless it is a plain file of the site's own folder that the site may
publish; a refused file is also forgotten as a link target, so its link is left as written (and
the check of written pages reports it). PDF documents are taken off too: this plugin publishes
them itself, without their metadata (generator.py).
"""

from __future__ import annotations

import os
import posixpath

from incremental_build.containment import OutsideItsFolder, site_source

from .problems import build_error, line_of
from .rules import FileTrouble, file_trouble, is_document, is_placeholder

DOCUMENTS_KEY = "FILE_POLICY_DOCUMENTS"
CONTENT_KEYS = ("articles", "pages", "hidden_articles", "hidden_pages", "drafts", "draft_pages")


def _linking_files(context: dict) -> dict[str, str]:
    """{a linked file, as in static_links: the content file that links to it}."""
    found: dict[str, str] = {}
    for key in CONTENT_KEYS:
        for content in context.get(key, []):
            for item in [content, *getattr(content, "translations", [])]:
                for path in item.get_static_links():
                    found.setdefault(posixpath.normpath(path), item.source_path)
    return found


def _trouble(site_root: str, relative: str, trusted: bool, settings: dict) -> FileTrouble | None:
    try:
        site_source(site_root, relative)
    except OutsideItsFolder:
        if relative.startswith("../"):
            return FileTrouble(
                f"the link to `{relative}` leads outside this site's folder",
                "Link only to files in this site's folder; copy the file into it first if it is yours to publish.",
            )
        return FileTrouble(
            f"`{relative}` is a symbolic link, or is reached through one",
            "Put the file itself in the site's folder instead of a link to it.",
        )
    return file_trouble(relative, trusted, settings)


def withhold_unpublishable(generator) -> None:
    settings, context = generator.settings, generator.context
    site_root = os.path.abspath(generator.path)
    trusted = not settings.get("BRANCH")
    kept, documents, linked = [], [], None
    for static in generator.staticfiles:
        relative = os.path.relpath(os.path.join(site_root, static.source_path), site_root).replace(os.sep, "/")
        if is_placeholder(relative):
            continue  # git's empty-folder file: never published, and nothing to report
        trouble = _trouble(site_root, relative, trusted, settings)
        if trouble is None:
            (documents if is_document(relative) else kept).append(static)
            continue
        if linked is None:
            linked = _linking_files(context)
        source = linked.get(relative)
        line = line_of(source, relative) if source else 0
        build_error(settings, source or os.path.join(site_root, relative), line, trouble.message, trouble.fix)
        for key, value in list(context["static_content"].items()):
            if value is static:
                context["static_content"][key] = None
    generator.staticfiles = kept
    context["staticfiles"] = kept
    context[DOCUMENTS_KEY] = documents
