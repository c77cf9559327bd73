"""`make check`: say where cleaning will change an untrusted site's Markdown (a check_site receiver)."""

from __future__ import annotations

import html
import os

from markdown import Markdown

from editor_checks import ProblemList
from front_matter.document import read_document

from .allow_list import clean
from .removals import removals

CONTENT_FOLDERS = ("ARTICLE_PATHS", "PAGE_PATHS")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def _markdown(settings: dict) -> Markdown:
    config = {k: v for k, v in settings["MARKDOWN"].items() if k != "extension_configs"}
    extension_configs = dict(settings["MARKDOWN"].get("extension_configs", {}))
    config["extensions"] = [e for e in config.get("extensions", []) if e != "markdown.extensions.meta"]
    if "html_policy.markdown_extension" in config["extensions"]:
        extension_configs["html_policy.markdown_extension"] = {"sanitise": False}  # see it before cleaning
    return Markdown(**config, extension_configs=extension_configs)


def _markdown_files(site_path: str, settings: dict):
    folders = [f for key in CONTENT_FOLDERS for f in settings.get(key, ())]
    folders.append(settings.get("EVENTS_PATH", "events"))
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(os.path.join(site_path, folder)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.lower().endswith(MARKDOWN_SUFFIXES) and not name.startswith("."):
                    yield os.path.join(dirpath, name)


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
        for path in _markdown_files(site.path, settings):
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
