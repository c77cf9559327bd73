"""Each page as written (content_written): a file link that Pelican could not make into an address
is still in it as `{static}...`, and a reader would meet a broken link. Reported with the content
file and line, as a problem of the build."""

from __future__ import annotations

import os
import re

from .problems import build_error, line_of

LEFT_MARKER = re.compile(r"""=\s*["']?\s*((?:\{|\|)(?:static|attach|filename)(?:\}|\|)[^"'\s>]*)""")
CONTENT_KEYS = ("article", "page", "event")


def check_written_page(path: str, context: dict) -> None:
    if not path.endswith(".html") or path == os.devnull:
        return
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return
    if "static" not in text and "attach" not in text and "filename" not in text:
        return
    content = next((context[key] for key in CONTENT_KEYS if context.get(key) is not None), None)
    source = getattr(content, "source_path", None)
    for match in LEFT_MARKER.finditer(text):
        link = match.group(1)
        build_error(
            context,  # a page's context holds the settings
            source,
            line_of(source, link) if source else 0,
            f"the link `{link}` leads to no file this site publishes, so the page has a broken link",
            "Run `make check`: it says what is wrong with the link or the file.",
        )
