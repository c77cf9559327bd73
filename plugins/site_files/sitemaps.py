"""sitemap.xml for a site, from the pages it wrote, and the main site's sitemap index."""

from __future__ import annotations

import os
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOINDEX = b'<meta name="robots" content="noindex">'


def page_urls(output_path: str, site_url: str, skip_folders: list[str]) -> list[str]:
    """The address of every HTML page under ``output_path`` that belongs to this site.

    ``skip_folders`` (relative) hold other sites; a page marked noindex (the 404 page) is left out.
    """
    skip = {os.path.normpath(os.path.join(output_path, folder)) for folder in skip_folders}
    urls = []
    for dirpath, dirnames, filenames in os.walk(output_path):
        dirnames[:] = sorted(d for d in dirnames if os.path.join(dirpath, d) not in skip)
        for name in sorted(filenames):
            if not name.endswith(".html"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as handle:
                if NOINDEX in handle.read(4096):
                    continue
            relative = os.path.relpath(path, output_path).replace(os.sep, "/")
            if relative == "index.html":
                relative = ""
            elif relative.endswith("/index.html"):
                relative = relative[: -len("index.html")]
            urls.append(f"{site_url}/{relative}")
    return sorted(urls)


def urlset(urls: list[str]) -> bytes:
    lines = [f"  <url><loc>{escape(url)}</loc></url>" for url in urls]
    return _document("urlset", lines)


def sitemap_index(sitemap_urls: list[str]) -> bytes:
    lines = [f"  <sitemap><loc>{escape(url)}</loc></sitemap>" for url in sitemap_urls]
    return _document("sitemapindex", lines)


def _document(root: str, lines: list[str]) -> bytes:
    body = "\n".join(['<?xml version="1.0" encoding="UTF-8"?>', f'<{root} xmlns="{NAMESPACE}">', *lines, f"</{root}>"])
    return (body + "\n").encode("utf-8")


def sitemap_files(urls: list[str], save_as: str, max_urls: int) -> dict[str, list[str]]:
    """{file: its urls}: one file, or (past ``max_urls``, the protocol's limit) numbered parts."""
    if len(urls) <= max_urls:
        return {save_as: urls}
    stem, suffix = os.path.splitext(save_as)
    return {
        f"{stem}-{number}{suffix}": urls[start : start + max_urls]
        for number, start in enumerate(range(0, len(urls), max_urls), start=1)
    }
