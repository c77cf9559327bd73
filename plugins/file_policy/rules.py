"""What a site may publish as a file of its own, and what is wrong with one it may not."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

# Pictures the image pipeline takes (responsive_images.source_files.FORMATS: it publishes clean
# copies of them; not imported, as the pipeline itself depends on the events plugin, which escapes
# addresses with this plugin), and documents readers need.
PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
DOCUMENT_SUFFIXES = frozenset({".pdf"})
# Letters, digits, hyphens, underscores and dots, not first: nothing a page or an address must escape.
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# What a site's own folder holds besides its published files: a branch's settings.
SITE_SETTINGS_FILES = frozenset({"branch.yaml"})
# What any site's folder may hold at its top besides its published files, never published (not in
# STATIC_PATHS): its old addresses (old_addresses' redirects.yaml) and what the imports wrote there
# (site_import.destination's record).
SITE_RECORD_FILES = frozenset({"redirects.yaml", ".imported.json"})
MARKDOWN_SUFFIXES = (".md", ".markdown")
# The empty file git needs to keep an empty folder (make new-branch writes them): never published.
PLACEHOLDER = ".gitkeep"

DEFAULTS = {
    # kinds of file (name endings, like ".csv") the national site may publish as they are, besides
    # pictures and PDFs; branches never may
    "FILE_POLICY_MAIN_SUFFIXES": (),
}


def policy_setting(settings: dict, key: str):
    return settings.get(key, DEFAULTS[key])


@dataclass(frozen=True)
class FileTrouble:
    message: str
    fix: str


def suggested_name(name: str) -> str:
    """``name`` with every character that would need escaping made a hyphen: Annual report "2026".pdf
    becomes Annual-report-2026.pdf."""
    stem, suffix = posixpath.splitext(name.lstrip("."))
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._") or "file"
    return stem + re.sub(r"[^A-Za-z0-9.]", "", suffix).lower()


def name_trouble(relpath: str) -> FileTrouble | None:
    """A part of the path a page could not hold as it is (quotes, <, >, &, spaces ...)."""
    for part in relpath.split("/"):
        if part.startswith("."):
            return FileTrouble(
                f"`{relpath}` has a name starting with a dot; such files (like .htaccess or "
                ".well-known) set up a web server, and the site never publishes them",
                "Delete it. If you need the web server set up differently, ask the national web team.",
            )
        if not SAFE_NAME.match(part):
            better = "/".join(suggested_name(p) if p == part else p for p in relpath.split("/"))
            return FileTrouble(
                f"`{relpath}` has characters in its name that a web address cannot hold as they are "
                "(only letters, digits, hyphens, underscores and dots can be used)",
                f"Rename it to `{better}`, and write the new name where it is linked.",
            )
    return None


def allowed_suffixes(trusted: bool, settings: dict) -> frozenset[str]:
    extra = {s.lower() for s in policy_setting(settings, "FILE_POLICY_MAIN_SUFFIXES")} if trusted else set()
    return PICTURE_SUFFIXES | DOCUMENT_SUFFIXES | extra


def is_document(relpath: str) -> bool:
    return posixpath.splitext(relpath)[1].lower() in DOCUMENT_SUFFIXES


def is_placeholder(relpath: str) -> bool:
    return posixpath.basename(relpath) == PLACEHOLDER


def is_other_picture(relpath: str) -> bool:
    """A picture of a kind the image pipeline refuses (SVG, GIF, HEIC ...): it is never published as
    it is, and the pipeline's checks say what to do where a page uses it."""
    from responsive_images.source_files import PICTURE_EXTENSIONS  # here: that plugin imports events, events this

    suffix = posixpath.splitext(relpath)[1].lower()
    return suffix in PICTURE_EXTENSIONS and suffix not in PICTURE_SUFFIXES


def file_trouble(relpath: str, trusted: bool, settings: dict) -> FileTrouble | None:
    """What stops the file ``relpath`` (from its site's folder, with /) from being published."""
    trouble = name_trouble(relpath)
    if trouble is not None:
        return trouble
    suffix = posixpath.splitext(relpath)[1].lower()
    if suffix not in allowed_suffixes(trusted, settings):
        kinds = "pictures (JPEG, PNG, WebP) and PDF documents"
        return FileTrouble(
            f"`{relpath}` is a kind of file the site does not publish: it publishes {kinds} only"
            + ("" if suffix else " (this name has no ending such as .pdf)"),
            "Delete it, or save it as a PDF or a picture. A web page belongs in pages/ or news/ as Markdown; "
            "files such as .html, .js or .svg can carry programs and are never published.",
        )
    return None
