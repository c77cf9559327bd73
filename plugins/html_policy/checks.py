"""`make check`: say where cleaning will change an untrusted site's Markdown (a check_site receiver).

It converts every post, page and event of every site once, and keeps the HTML each site's pages get
(front_matter.converted_texts), so that the build converts none of them again."""

from __future__ import annotations

import html

from content_schema import ProblemList
from editor_checks.sites import markdown_files
from front_matter.converted_texts import ConvertedTexts, converter_key
from front_matter.converter import convert_text, site_markdown
from front_matter.document import read_document, size_limit

from .allow_list import clean
from .converter_settings import EXTENSION, markdown_settings, site_converter_settings
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
        site_settings = site_converter_settings(settings, site.trusted)
        cleaned = site_settings["extension_configs"][EXTENSION]["sanitise"]
        converter = converter_key(site_settings)  # as the site's build has it: the key it looks under
        texts = ConvertedTexts(settings, site.slug)
        for path in markdown_files(site.path, settings):
            # its own errors come from other checks
            document = read_document(path, ProblemList(root=report.root), max_bytes=size_limit(settings))
            if document is None:
                continue
            kept = texts.get(converter, document.body)
            if kept is not None:
                page, before = kept[0], kept[1] or kept[0]
            else:
                # the HTML as it is before cleaning, to see what the cleaning takes out
                markdown = markdown or site_markdown({"MARKDOWN": markdown_settings(settings, False)})
                before = convert_text(markdown, document.body, path, document.body_line, report)
                if before is None:
                    continue
                page = clean(before).strip() if cleaned else before  # the postprocessor's, then Markdown's strip
                texts.put(converter, document.body, page, before)
            if not cleaned or page == before:
                continue
            for removal in removals(before, page):
                report.warning(
                    path,
                    _line_of(removal.needle, document.body, document.body_line),
                    removal.message,
                    removal.fix,
                )
        if settings.get("EDITOR_CHECKS_ON_BUILD"):  # a build's own checks: `make check` builds nothing, keeps nothing
            texts.save()
