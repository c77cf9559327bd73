"""Read and validate one news post or page: used by the reader and by the checks."""

from __future__ import annotations

import os
from dataclasses import dataclass

from content_schema.fields import validate_fields
from content_schema.yaml_source import YamlDocument

from .document import MAX_FILE_BYTES, read_document, slug_from_filename
from .home_content import is_home_file
from .schemas import HOME, NEWS, PAGE

# content kind -> (what editors call it, its fields)
KINDS = {"news": ("news post", NEWS), "page": ("page", PAGE), "home": ("home page file", HOME)}


@dataclass(frozen=True)
class ContentFile:
    path: str
    kind: str  # "news" or "page"
    values: dict  # validated front matter
    body: str  # Markdown
    body_line: int
    front: YamlDocument  # for the line of each key

    def line_of(self, key: str) -> int:
        return self.front.line_of(key, default=1)

    @property
    def slug(self) -> str:
        return self.values.get("slug") or slug_from_filename(self.path)


def kind_of(path: str, site_root: str, settings: dict, main_site: bool = False) -> str | None:
    """ "news" for a file under one of ARTICLE_PATHS, "page" under PAGE_PATHS ("home" for the main
    site's HOME_CONTENT_PATH)."""
    if is_home_file(path, site_root, settings, main_site):
        return "home"
    rel = os.path.relpath(path, site_root).replace(os.sep, "/")
    for kind, key in (("news", "ARTICLE_PATHS"), ("page", "PAGE_PATHS")):
        for folder in settings.get(key, ()):
            if rel.startswith(folder.rstrip("/") + "/"):
                return kind
    return None


def parse_content_file(
    path: str, kind: str, report, text: str | None = None, max_bytes: int = MAX_FILE_BYTES
) -> ContentFile | None:
    """Validate ``path``; add its problems to ``report``; None if it cannot be used."""
    what, fields = KINDS[kind]
    document = read_document(path, report, text, max_bytes)
    if document is None:
        return None
    before = len(report.errors)
    values = validate_fields(
        document.front.data,
        fields,
        line_of=document.front.line_of,
        report=report,
        path=path,
        what=what,
        missing_line=document.fence_line,
    )
    if not (values.get("slug") or slug_from_filename(path)):
        report.error(path, 1, "no web address can be made from the file name", "Add a line `slug: a-short-name`.")
    if len(report.errors) > before:
        return None
    return ContentFile(path, kind, values, document.body, document.body_line, document.front)
