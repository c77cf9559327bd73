"""The site folders a project holds: the main site and one per branch."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
