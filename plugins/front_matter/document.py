"""Split a Markdown file into its YAML front matter and its body."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import OrderedDict
from dataclasses import dataclass

from content_schema.fields import make_slug
from content_schema.source_text import FileTooLarge, check_text_size, read_source_text
from content_schema.yaml_source import YamlDocument, YamlSyntaxError, load_yaml
from incremental_build.containment import OutsideItsFolder, site_source

from .nesting import MAX_NESTING, first_too_deep

FENCE = re.compile(r"^---[ \t]*$")
CLOSING_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})-(.+)$")

# The largest post, page or event file the kit reads, in bytes: pictures and documents are files of
# their own, so only a text far longer than any article reaches it.
MAX_FILE_BYTES = 1_000_000


def size_limit(settings: dict) -> int:
    """FRONT_MATTER_MAX_FILE_BYTES: the largest news post, page or event file the kit reads."""
    return settings["FRONT_MATTER_MAX_FILE_BYTES"]


class FrontMatterError(Exception):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


@dataclass(frozen=True)
class Document:
    front: YamlDocument
    body: str
    fence_line: int  # the line of the closing `---`
    body_line: int  # the first line of the body


def split_document(text: str) -> Document:
    """Parse the front matter of ``text``; raise FrontMatterError if it is unusable."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or not FENCE.match(lines[0].rstrip("\r")):
        raise FrontMatterError(
            1,
            "the file does not start with front matter",
            "Make the first line `---`, then the keys (`title: ...`), then another `---` line, then the text.",
        )
    for index in range(1, len(lines)):
        if CLOSING_FENCE.match(lines[index].rstrip("\r")):
            break
    else:
        raise FrontMatterError(
            1,
            "the front matter is never closed",
            "Add a line `---` after the last key, before the text of the post.",
        )
    try:
        front = load_yaml("\n".join(lines[1:index]), first_line=2)
    except YamlSyntaxError as exc:
        raise FrontMatterError(exc.line, f"the front matter cannot be read: {exc.message}", exc.fix) from None
    if front.data is None:
        front = YamlDocument({}, {})
    body = "\n".join(lines[index + 1 :])
    too_deep = first_too_deep(body)
    if too_deep is not None:
        raise FrontMatterError(
            index + 2 + too_deep,
            f"the text nests lists or quotes more than {MAX_NESTING} levels deep",
            "Put the items side by side at fewer levels (most texts need two or three), "
            "and check that this line does not start with many spaces, > or - by mistake.",
        )
    return Document(front=front, body=body, fence_line=index + 1, body_line=index + 2)


def slug_from_filename(path: str) -> str:
    """`2026-10-14-bus-petition.md` -> `bus-petition`; `About Us.md` -> `about-us`."""
    stem = os.path.splitext(os.path.basename(path))[0]
    match = DATE_PREFIX.match(stem)
    return make_slug(match.group(2) if match else stem)


def date_from_filename(path: str) -> dt.date | None:
    stem = os.path.splitext(os.path.basename(path))[0]
    match = DATE_PREFIX.match(stem)
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


# The documents read last in this process, by file and state: each check of a site reads its files
# (editor_checks sends the checks a few sites at a time), and reading and parsing the front matter
# of each was more than half of checking a site. A changed file has another state.
REMEMBERED_DOCUMENTS = 2048
_remembered: OrderedDict[tuple, Document] = OrderedDict()


def _file_key(path: str, max_bytes: int) -> tuple | None:
    try:
        state = os.stat(path)
    except OSError:
        return None
    return (os.path.abspath(path), state.st_mtime_ns, state.st_size, state.st_ino, max_bytes)


def read_document(path: str, report, text: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document | None:
    """Read ``path`` (or use ``text``) and split it; report an unreadable file, or one of more than
    ``max_bytes``, and return None. A file read and parsed in this process before, unchanged since,
    is not read again (its Document is immutable: its front matter's values are not changed by any
    check)."""
    key = _file_key(path, max_bytes) if text is None else None
    if key is not None and key in _remembered:
        _remembered.move_to_end(key)
        return _remembered[key]
    document = _read_document(path, report, text, max_bytes)
    if key is not None and document is not None:
        _remembered[key] = document
        if len(_remembered) > REMEMBERED_DOCUMENTS:
            _remembered.popitem(last=False)
    return document


def _read_document(path: str, report, text: str | None, max_bytes: int) -> Document | None:
    try:
        if text is None:
            text = read_source_text(path, max_bytes)
        else:
            check_text_size(text, max_bytes)
    except FileTooLarge as exc:
        report.error(path, 1, exc.message, exc.fix)
        return None
    except OSError as exc:
        problem = f"the file cannot be read ({exc.strerror or exc})"
        report.error(path, 0, problem, "Replace it with an ordinary text file.")
        return None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        report.error(
            path,
            line,
            "the file is not saved as UTF-8 text",
            "Save it as UTF-8 (most editors offer this under 'Save as' / 'Encoding').",
        )
        return None
    try:
        return split_document(text)
    except FrontMatterError as exc:
        report.error(path, exc.line, exc.message, exc.fix)
        return None


def reported_as_linked(site_root: str, path: str, report, what: str) -> bool:
    """Report ``path`` (a page, an event: ``what``) if it is a symbolic link or lies in a folder that
    is one, which the build never follows; True if it was reported."""
    try:
        site_source(site_root, os.path.relpath(path, site_root))
    except OutsideItsFolder:
        report.error(
            path,
            0,
            f"this {what} is a symbolic link (or in a folder that is one), which the site never follows",
            "Put the file itself here instead of a link to it.",
        )
        return True
    return False
