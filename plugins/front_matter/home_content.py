"""The national home page's own file (HOME_CONTENT_PATH, pages/home.md): its hero and "what we stand for".

Editors write it as a page whose front matter holds the home page's parts:

    headline: Politics that grows from the ground up
    lead: "One or two sentences under the headline."
    image: images/hedge.jpg
    image_alt: Volunteers planting a hedge along a lane
    statements:
      - text: Buses that run on time, owned by the towns they serve.
        link: "{filename}/pages/transport.md"

It is read like any page (the picture checks and the reader see `image` as they do a page's), but
never published at an address of its own: the home page shows it. The statement links are checked
by content_links' rules, at their own lines.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from content_schema.fields import Field, FieldError, FieldErrors, text, validate_fields

MIN_STATEMENTS = 3
MAX_STATEMENTS = 6
STATEMENT_LENGTH = 140
HEADLINE_LENGTH = 90
LEAD_LENGTH = 300

STATEMENT_FIELDS = (
    Field(
        "text",
        text(max_length=STATEMENT_LENGTH),
        required=True,
        doc="the statement, in one short sentence",
        example="Buses that run on time, owned by the towns they serve.",
    ),
    Field(
        "link",
        text(),
        required=True,
        doc="the page that says more: {filename}/pages/... or an https:// address",
        example='"{filename}/pages/transport.md"',
    ),
)


class _Collected:
    """What validate_fields reports about one statement, kept as FieldErrors ``at`` the key each is
    about (validate_fields reports only errors here), for the front matter's checks to place at
    the key's line in the file."""

    def __init__(self):
        self.errors: list[FieldError] = []

    def error(self, path, key, message, fix):
        self.errors.append(FieldError(message, fix, (key,) if key else ()))


def statement(value) -> dict:
    """One statement: its `text` and `link`, each checked at its own line."""
    if not isinstance(value, dict):
        raise FieldError(
            "should be a `text:` line and a `link:` line",
            'Start each statement with `- text: ...` and put `link: "{filename}/pages/..."` under it.',
        )
    collected = _Collected()
    values = validate_fields(
        value,
        STATEMENT_FIELDS,
        line_of=lambda *key: key[-1] if key else None,  # the key, in place of a line: see _Collected
        report=collected,
        path="",
        what="statement",
    )
    if collected.errors:
        raise FieldErrors(collected.errors)
    return values


def statements(value) -> list[dict]:
    """From three to six statements, each with a link."""
    if not isinstance(value, list):
        raise FieldError(
            "should be a list of statements",
            "Write each statement on its own `- text: ...` line, with its `link:` under it.",
        )
    errors, result = [], []
    for index, entry in enumerate(value):
        try:
            result.append(statement(entry))
        except FieldError as exc:
            errors.append(FieldError(f"item {index + 1} {exc.message}", exc.fix, (index, *exc.at)))
        except FieldErrors as exc:
            errors += [FieldError(f"item {index + 1}: {e.message}", e.fix, (index, *e.at)) for e in exc.errors]
    if len(value) < MIN_STATEMENTS:
        errors.append(
            FieldError(
                f"has {len(value)} statement{'s' if len(value) != 1 else ''}; the home page shows "
                f"from {MIN_STATEMENTS} to {MAX_STATEMENTS}",
                f"Add {MIN_STATEMENTS - len(value)} more, each with its `text:` and `link:`.",
            )
        )
    elif len(value) > MAX_STATEMENTS:
        errors.append(
            FieldError(
                f"has {len(value)} statements; the home page shows at most {MAX_STATEMENTS}",
                f"Keep the {MAX_STATEMENTS} that matter most and move the others to a page they link to.",
                (MAX_STATEMENTS,),
            )
        )
    if errors:
        raise FieldErrors(errors)
    return result


def is_home_file(path: str, site_root: str, settings: dict, main_site: bool) -> bool:
    """Whether ``path`` is the national site's home file (a branch's pages/home.md is a page)."""
    if not main_site or not settings.get("HOME_CONTENT_PATH"):
        return False
    rel = os.path.relpath(path, site_root).replace(os.sep, "/")
    return rel == settings["HOME_CONTENT_PATH"].strip("/")


@dataclass(frozen=True)
class HomeStatement:
    text: str
    url: str  # where the statement's link goes, as the page shows it


@dataclass(frozen=True)
class HomeContent:
    """What home.html shows of the home file (context["home_content"])."""

    headline: str
    lead: str
    statements_heading: str
    statements: tuple[HomeStatement, ...]
    picture: object  # the hero's <picture> (responsive_images), or None
    lang: str | None = None


def check_home_links(path: str, site_path: str, report, max_bytes: int) -> None:
    """Each statement's link leads to a file of the site (content_links' rules, at the link's line),
    checked from the front matter as written, so that they are reported with every other mistake."""
    from content_links.checks import check_link, site_files
    from content_links.links import Link
    from content_schema import ProblemList

    from .document import read_document

    document = read_document(path, ProblemList(root=report.root), max_bytes=max_bytes)  # its errors: parse_content_file
    data = document.front.data if document is not None else None
    items = data.get("statements") if isinstance(data, dict) else None
    files = None
    for index, item in enumerate(items if isinstance(items, list) else []):
        link = item.get("link") if isinstance(item, dict) else None
        if isinstance(link, str) and link.strip():
            files = site_files(site_path) if files is None else files
            line = document.front.line_of("statements", index, "link")
            check_link(Link(link.strip(), line), path, os.path.abspath(site_path), files, report)


def warn_unshown_text(content_file, report) -> None:
    """The home file's text after its front matter is never shown: say so rather than drop it quietly."""
    if content_file.body.strip():
        report.warning(
            content_file.path,
            content_file.body_line,
            "the home page shows only its front matter (headline, lead, picture, statements): this text is never shown",
            "Delete the text after the second `---`, or move it to a page and link a statement to it.",
        )


def statement_url(link: str, context: dict, site_url: str, source_dir: str, site_root: str) -> str:
    """A statement's address on the built site: a {filename} or {static} link as Pelican resolves one,
    a web address as it is (the checks have refused any other)."""
    match = re.match(r"^\{(filename|static|attach)\}([^#?]*)(.*)$", link)
    if not match:
        return link
    what, target, rest = match.groups()
    rel = (
        target.lstrip("/")
        if target.startswith("/")
        else os.path.relpath(os.path.normpath(os.path.join(source_dir, target)), site_root)
    )
    table = context["generated_content"] if what == "filename" else context["static_content"]
    content = table.get(rel.replace(os.sep, "/"))
    return f"{site_url}/{content.url}{rest}" if content is not None else f"{site_url}/"


def gather_home_content(generators) -> None:
    """context["home_content"]: the national home page's file, made ready for home.html (all_generators_finalized)."""
    from pelican.generators import PagesGenerator

    pages = next((g for g in generators if isinstance(g, PagesGenerator)), None)
    if pages is None or pages.settings.get("BRANCH"):
        return
    page = next((p for p in pages.hidden_pages if "home_headline" in p.metadata), None)
    if page is None:
        return
    settings, context = pages.settings, pages.context
    source_dir, site_url = os.path.dirname(page.source_path), settings["SITEURL"]
    context["home_content"] = HomeContent(
        headline=page.metadata["home_headline"],
        lead=page.metadata["home_lead"],
        statements_heading=page.metadata["home_statements_heading"],
        statements=tuple(
            HomeStatement(item["text"], statement_url(item["link"], context, site_url, source_dir, settings["PATH"]))
            for item in page.metadata["home_statements"]
        ),
        picture=getattr(page, "hero_picture", None),
        lang=page.metadata.get("lang"),
    )
