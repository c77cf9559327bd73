"""The site folders a project holds: the main site and one per branch."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class SiteFolder:
    """A folder of Markdown content that builds into one site."""

    path: str  # absolute
    slug: str | None  # None for the main site
    trusted: bool  # main-site content is trusted; branch content is not

    @property
    def label(self) -> str:
        return "the main site" if self.slug is None else f"branch {self.slug}"


def site_folders(settings: dict) -> list[SiteFolder]:
    """The main site, then every folder under BRANCHES_PATH, in name order.

    Folder names are not validated here: the branch checks report a bad one.
    """
    sites = [SiteFolder(settings["PATH"], None, True)]
    branches_path = settings.get("BRANCHES_PATH")
    if branches_path and os.path.isdir(branches_path):
        for name in sorted(os.listdir(branches_path)):
            folder = os.path.join(branches_path, name)
            if os.path.isdir(folder) and not name.startswith("."):
                sites.append(SiteFolder(folder, name, False))
    return sites


MARKDOWN_SUFFIXES = (".md", ".markdown")
# The settings naming a site's folders of Markdown: news, pages, events.
MARKDOWN_FOLDER_SETTINGS = ("ARTICLE_PATHS", "PAGE_PATHS")


def files_under(folder: str):
    """Every file below ``folder`` in name order, hidden files and folders left out."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield os.path.join(dirpath, name)


def markdown_files(site_path: str, settings: dict):
    """The Markdown files of one site: its news, pages and events."""
    folders = [f for key in MARKDOWN_FOLDER_SETTINGS for f in settings.get(key, ())]
    folders.append(settings["EVENTS_PATH"])
    for folder in folders:
        for path in files_under(os.path.join(site_path, folder)):
            if path.lower().endswith(MARKDOWN_SUFFIXES):
                yield path
