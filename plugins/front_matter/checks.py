"""Checks for news posts and pages in every site folder (a check_site receiver)."""

from __future__ import annotations

import difflib
import os
import re

from editor_checks.addresses import AddressClaims
from editor_checks.sites import MARKDOWN_SUFFIXES, files_under

from .content_file import kind_of, parse_content_file
from .document import size_limit
from .home_content import check_home_links, warn_unshown_text
from .language_checks import check_languages, entry_of, pair_addresses, site_languages


def check_content_files(settings, sites, report) -> None:
    reserved = set(settings.get("RESERVED_PAGE_SLUGS", ()))
    for site in sites:
        claims = {"news": AddressClaims(), "page": AddressClaims()}
        languages = site_languages(settings, site)
        entries = []
        for kind, key in (("news", "ARTICLE_PATHS"), ("page", "PAGE_PATHS")):
            for folder in settings.get(key, ()):
                for path in files_under(os.path.join(site.path, folder)):
                    if not path.lower().endswith(MARKDOWN_SUFFIXES):
                        report.warning(
                            path,
                            0,
                            f"this file is not Markdown, so it is not published ({folder}/ holds .md files)",
                            "Rename it to end in .md if it is a post or page; put pictures in images/.",
                        )
                        continue
                    kind_here = kind_of(path, site.path, settings, main_site=site.slug is None) or kind
                    if kind_here == "home":  # its links, whatever else is wrong with it
                        check_home_links(path, site.path, report, size_limit(settings))
                    content_file = parse_content_file(path, kind_here, report, max_bytes=size_limit(settings))
                    if content_file is None:
                        continue
                    if kind_here == "home":
                        warn_unshown_text(content_file, report)
                        continue
                    entries.append((entry_of(content_file, kind, languages.default), content_file.line_of("slug")))
                    if kind == "page" and content_file.slug in reserved:
                        report.error(
                            path,
                            content_file.line_of("slug"),
                            f"a page cannot be called `{content_file.slug}`: {site.label} uses that address already",
                            f"Add `slug: about-{content_file.slug}` or rename the file.",
                        )
                    _check_section_languages(content_file, report)
        check_languages([e for e, _ in entries], languages, site, report)
        addresses = pair_addresses([e for e, _ in entries], languages.default)
        for entry, line in entries:
            claims[entry.kind].claim(addresses[id(entry)], entry.path, line)
        for kind, kind_claims in claims.items():
            kind_claims.report_clashes(
                report,
                f"two {kind} files in {site.label} would have the same address `{{address}}`: {{names}}",
                "Give one of them another file name, or a different `slug:` line.",
            )


def _check_section_languages(content_file, report) -> None:
    """Every heading named in `languages:` must be a `##` heading of the text."""
    languages = content_file.values.get("languages")
    if not languages:
        return
    headings = {
        " ".join(m.group(1).split()) for m in re.finditer(r"^##(?!#)\s*(.+?)\s*#*\s*$", content_file.body, re.M)
    }
    for heading in languages:
        if heading not in headings:
            close = difflib.get_close_matches(heading, sorted(headings), n=1)
            report.error(
                content_file.path,
                content_file.front.line_of("languages", heading, default=content_file.line_of("languages")),
                f"`languages` names the heading `{heading}`, but the text has no `## {heading}`",
                (f"Did you mean `{close[0]}`? " if close else "")
                + "Write the heading exactly as after ## in the text.",
            )
