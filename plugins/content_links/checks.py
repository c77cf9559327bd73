"""Check every link in every site's Markdown: internal ones point at files that exist, web addresses are whole."""

from __future__ import annotations

import difflib
import os
import re
from urllib.parse import unquote, urlsplit

from content_schema import ProblemList
from editor_checks.sites import MARKDOWN_SUFFIXES, files_under, markdown_files
from front_matter.converted_texts import ConvertedTexts, converter_key
from front_matter.converter import site_markdown
from front_matter.document import read_document, size_limit
from html_policy.converter_settings import site_converter_settings

from .links import links_in, may_hold_links, rendered_links

INTERNAL = re.compile(r"^\{(filename|static|attach)\}(.*)$")
SCHEMES = {"http", "https", "mailto", "tel"}


def site_files(site_path: str) -> list[str]:
    """Every file of a site, from its folder (for a missing link's suggestion)."""
    return [os.path.relpath(path, site_path).replace(os.sep, "/") for path in files_under(site_path)]


def _resolve(target_path: str, source: str, site_path: str) -> str:
    """A link's file: from the site's folder when it starts with /, else from the linking file's folder."""
    path = unquote(target_path.split("#", 1)[0].split("?", 1)[0])
    base = site_path if path.startswith("/") else os.path.dirname(source)
    return os.path.normpath(os.path.join(base, path.lstrip("/")))


def _suggestion(wanted: str, site_path: str, files: list[str]) -> str:
    rel = os.path.relpath(wanted, site_path).replace(os.sep, "/")
    close = difflib.get_close_matches(rel, files, n=1, cutoff=0.6)
    return f"Did you mean `{{filename}}/{close[0]}`? " if close else ""


def check_link(link, source: str, site_path: str, files: list[str], report) -> None:
    target = link.target
    if not target or target.startswith("#"):
        return
    marker = re.match(r"^[{|](\w*)[|}]", target)
    if marker and not INTERNAL.match(target) and marker.group(1) not in ("tag", "category", "index"):
        report.error(
            source,
            link.line,
            f"the link `{target}` starts with `{marker.group(0)}`, which the kit does not know",
            "Use {filename} for posts and pages, {static} for pictures and files.",
        )
        return
    internal = INTERNAL.match(target)
    if internal and re.match(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*:", internal.group(2)):
        report.error(source, link.line, f"the link `{target}` mixes a file link and a web address", "Keep one.")
        return
    if internal:
        kind, path = internal.groups()
        if not path.split("#", 1)[0]:
            report.error(source, link.line, f"the link `{target}` names no file", "Write the file after it.")
            return
        wanted = _resolve(path, source, site_path)
        if "\0" in wanted:  # %00: no file can be named so, and the system refuses to look one up
            report.error(
                source,
                link.line,
                f"the link `{target}` holds %00, which no file name can hold",
                "Write the file's name as it is in the site's folder.",
            )
        elif not os.path.realpath(wanted).startswith(os.path.join(os.path.realpath(site_path), "")):
            report.error(
                source, link.line, f"the link `{target}` points outside this site's folder", "Link within the site."
            )
        elif not os.path.isfile(wanted):
            report.error(
                source,
                link.line,
                f"the link `{target}` points to a file that does not exist",
                _suggestion(wanted, site_path, files)
                + "Paths starting with / begin at the site's folder; others at this file's folder.",
            )
        elif kind == "filename" and not wanted.lower().endswith(MARKDOWN_SUFFIXES):
            report.error(
                source,
                link.line,
                f"`{{filename}}` is for links to posts and pages, but `{path}` is not a Markdown file",
                f"Write `{{static}}{path}` for pictures and other files.",
            )
        return
    parts = urlsplit(target)
    if parts.scheme:
        scheme = parts.scheme.lower()
        if scheme in ("javascript", "data", "vbscript"):
            report.error(source, link.line, f"`{scheme}:` links are not allowed", "Link to a web address.")
        elif scheme not in SCHEMES:
            report.error(
                source,
                link.line,
                f"the link `{target}` starts with `{parts.scheme}:`, which is not a kind of web address",
                "Web addresses start with https:// (check the spelling).",
            )
        elif scheme in ("http", "https") and (not parts.netloc or "." not in parts.netloc):
            report.error(
                source,
                link.line,
                f"the link `{target}` has no website in it",
                "Write the whole address, like https://example.org/page.",
            )
        elif scheme == "http":
            report.warning(
                source,
                link.line,
                f"the link `{target}` is not secure (http:)",
                "Use its https:// address if the website has one.",
            )
        return
    if re.match(r"^(www\.|[\w-]+\.(org|com|net|uk|co\.uk|org\.uk|gov\.uk)\b)", target) or target.startswith("https//"):
        report.error(
            source,
            link.line,
            f"the link `{target}` is missing `https://`, so it would lead nowhere",
            f"Write `https://{target.removeprefix('https//')}`.",
        )
        return
    if target.startswith("/"):
        return  # an address on the site; checked after the build by the tests' link checker
    wanted = _resolve(target, source, site_path)
    if wanted.lower().endswith(MARKDOWN_SUFFIXES) or os.path.exists(wanted):
        rel = os.path.relpath(wanted, site_path).replace(os.sep, "/")
        exists = os.path.isfile(wanted)
        report.error(
            source,
            link.line,
            f"the link `{target}` is to a file by its path" + ("" if exists else ", and there is no such file"),
            (f"Write `{{filename}}/{rel}`" if rel.lower().endswith(MARKDOWN_SUFFIXES) else f"Write `{{static}}/{rel}`")
            + ": the published page is at a different address from the file.",
        )


def _same_link(rendered, read) -> bool:
    """The line-by-line reading ends a target at its first `)`; the HTML has it whole."""
    return rendered.line == read.line and rendered.target.startswith(read.target)


def all_links(document, to_html) -> list:
    """The links read line by line from the Markdown, and those only its HTML shows (a link in a list
    item's paragraph, a tag over two lines, an unquoted href), each once. ``to_html(body)``: the
    text's HTML before any cleaning."""
    links = links_in(document.body, document.body_line)
    if may_hold_links(document.body):
        read = list(links)
        for link in rendered_links(to_html(document.body), document.body, document.body_line):
            if not any(_same_link(link, other) for other in read):
                read.append(link)
                links.append(link)
    return links


def check_content_links(settings, sites, report) -> None:
    markdown = None

    def converted(body: str) -> str:
        nonlocal markdown
        kept = texts.get(converter, body)  # as html_policy's check converted it, before this check
        if kept is not None:
            return kept[1] or kept[0]
        markdown = markdown or site_markdown(settings)
        markdown.reset()
        return markdown.convert(body)

    for site in sites:
        files = None
        texts = ConvertedTexts(settings, site.slug)
        converter = converter_key(site_converter_settings(settings, site.trusted))
        for path in markdown_files(site.path, settings):
            # its own errors come from other checks
            document = read_document(path, ProblemList(root=report.root), max_bytes=size_limit(settings))
            if document is None:
                continue
            links = all_links(document, converted)
            if links and files is None:
                files = site_files(site.path)
            for link in links:
                check_link(link, path, os.path.abspath(site.path), files, report)
