"""`make check`: say where cleaning will change an untrusted site's Markdown (a check_site receiver)."""

from __future__ import annotations

import html

from content_schema import ProblemList
from editor_checks.sites import markdown_files
from front_matter.converter import convert_text, site_markdown
from front_matter.document import read_document, size_limit

from .allow_list import clean
from .removals import removals


def _line_of(needle: str, body: str, first_line: int) -> int:
    lowered = needle.lower()
    for offset, line in enumerate(body.splitlines()):
        if lowered in html.unescape(line).lower():
            return first_line + offset
    return first_line


def check_raw_html(settings, sites, report) -> None:
    markdown = None
    for site in sites:
        if site.trusted and not settings.get("HTML_POLICY_SANITISE_MAIN"):
            continue
        for path in markdown_files(site.path, settings):
            # its own errors come from other checks
            document = read_document(path, ProblemList(root=report.root), max_bytes=size_limit(settings))
            if document is None or ("<" not in document.body and ":" not in document.body):
                continue
            # the HTML as it is before cleaning, to see what the cleaning takes out
            markdown = markdown or site_markdown(settings, {"html_policy.markdown_extension": {"sanitise": False}})
            before = convert_text(markdown, document.body, path, document.body_line, report)
            if before is None:
                continue
            for removal in removals(before, clean(before)):
                report.warning(
                    path,
                    _line_of(removal.needle, document.body, document.body_line),
                    removal.message,
                    removal.fix,
                )
