"""Checks for news posts and pages in every site folder (a check_site receiver)."""

from __future__ import annotations

import os

from editor_checks.addresses import AddressClaims

from .content_file import parse_content_file

MARKDOWN_SUFFIXES = (".md", ".markdown")


def _files_under(folder: str):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def check_content_files(settings, sites, report) -> None:
    reserved = set(settings.get("RESERVED_PAGE_SLUGS", ()))
    for site in sites:
        claims = {"news": AddressClaims(), "page": AddressClaims()}
        for kind, key in (("news", "ARTICLE_PATHS"), ("page", "PAGE_PATHS")):
            for folder in settings.get(key, ()):
                for path in _files_under(os.path.join(site.path, folder)):
                    if not path.lower().endswith(MARKDOWN_SUFFIXES):
                        report.warning(
                            path,
                            0,
                            f"this file is not Markdown, so it is not published ({folder}/ holds .md files)",
                            "Rename it to end in .md if it is a post or page; put pictures in images/.",
                        )
                        continue
                    content_file = parse_content_file(path, kind, report)
                    if content_file is None:
                        continue
                    claims[kind].claim(content_file.slug, path, content_file.line_of("slug"))
                    if kind == "page" and content_file.slug in reserved:
                        report.error(
                            path,
                            content_file.line_of("slug"),
                            f"a page cannot be called `{content_file.slug}`: {site.label} uses that address already",
                            f"Add `slug: about-{content_file.slug}` or rename the file.",
                        )
        for kind, kind_claims in claims.items():
            kind_claims.report_clashes(
                report,
                f"two {kind} files in {site.label} would have the same address `{{address}}`: {{names}}",
                "Give one of them another file name, or a different `slug:` line.",
            )
