"""`make check`: say where cleaning will change an untrusted site's Markdown (a check_site receiver)."""

from __future__ import annotations

import html

from markdown import Markdown

from editor_checks import ProblemList
from editor_checks.sites import markdown_files
from front_matter.document import read_document

from .allow_list import clean
from .removals import removals


def _markdown(settings: dict) -> Markdown:
    config = {k: v for k, v in settings["MARKDOWN"].items() if k != "extension_configs"}
    extension_configs = dict(settings["MARKDOWN"].get("extension_configs", {}))
    config["extensions"] = [e for e in config.get("extensions", []) if e != "markdown.extensions.meta"]
    if "html_policy.markdown_extension" in config["extensions"]:
        extension_configs["html_policy.markdown_extension"] = {"sanitise": False}  # see it before cleaning
    return Markdown(**config, extension_configs=extension_configs)


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
            document = read_document(path, ProblemList(root=report.root))  # its own errors come from other checks
            if document is None or ("<" not in document.body and ":" not in document.body):
                continue
            markdown = markdown or _markdown(settings)
            markdown.reset()
            before = markdown.convert(document.body)
            for removal in removals(before, clean(before)):
                report.warning(
                    path,
                    _line_of(removal.needle, document.body, document.body_line),
                    removal.message,
                    removal.fix,
                )
