"""The check of every file in every site's folder (a check_site receiver): no symbolic link, and
every file besides the Markdown and the branch's settings one the site may publish."""

from __future__ import annotations

import os

from .documents import DocumentTrouble, published_document
from .rules import (
    MARKDOWN_SUFFIXES,
    SITE_RECORD_FILES,
    SITE_SETTINGS_FILES,
    file_trouble,
    is_document,
    is_other_picture,
    is_placeholder,
    name_trouble,
)

LINK_FIX = (
    "Put the file itself here instead of a link to it (git keeps symbolic links, and the site never follows them)."
)


def markdown_folders(settings: dict) -> tuple[str, ...]:
    folders = [
        *settings.get("ARTICLE_PATHS", ()),
        *settings.get("PAGE_PATHS", ()),
        settings["EVENTS_PATH"],
    ]
    return tuple(folder.strip("/") + "/" for folder in folders)


def _entries(folder: str):
    """(relative path with /, DirEntry) of everything below ``folder``, hidden names included, links
    not followed (each is reported, and nothing below a linked folder is looked at)."""
    pending = [""]
    while pending:
        relative = pending.pop()
        with os.scandir(os.path.join(folder, relative)) as found:
            entries = sorted(found, key=lambda entry: entry.name)
        for entry in entries:
            path = f"{relative}{entry.name}"
            yield path, entry
            if entry.is_dir(follow_symlinks=False):
                pending.append(path + "/")


def site_file_problems(site, settings: dict, report) -> None:
    """Report every link and every file ``site`` may not publish."""
    if os.path.islink(site.path):
        report.error(site.path, 0, f"the folder of {site.label} is a symbolic link to another folder", LINK_FIX)
        return
    pages = markdown_folders(settings)
    for relative, entry in _entries(site.path):
        if entry.is_symlink():
            kind = "folder" if entry.is_dir() else "file"
            report.error(entry.path, 0, f"`{relative}` is a symbolic link to another {kind}", LINK_FIX)
            continue
        if entry.is_dir(follow_symlinks=False):
            continue
        if relative.startswith(pages) and "/." not in relative:
            if relative.lower().endswith(MARKDOWN_SUFFIXES):
                continue  # a page: its name becomes no address, its slug does
            if site.trusted:
                continue  # front_matter warns that it is not published; the build refuses it if linked
        if site.slug is not None and relative in SITE_SETTINGS_FILES:
            continue
        if relative in SITE_RECORD_FILES:
            continue
        if is_placeholder(relative) and entry.stat(follow_symlinks=False).st_size == 0:
            continue
        if is_other_picture(relative) and name_trouble(relative) is None:
            continue  # responsive_images reports it where a page uses it; it is never published as it is
        if not entry.is_file(follow_symlinks=False):
            report.error(entry.path, 0, f"`{relative}` is not a plain file", "Delete it.")
            continue
        trouble = file_trouble(relative, site.trusted, settings)
        if trouble is None and is_document(relative):
            trouble = _document_trouble(entry.path, relative)
        if trouble is not None:
            report.error(entry.path, 0, trouble.message, trouble.fix)


def _document_trouble(path: str, relative: str):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        published_document(data, relative)
    except DocumentTrouble as trouble:
        return trouble
    return None


def check_site_files(settings, sites, report) -> None:
    for site in sites:
        site_file_problems(site, settings, report)
