"""Which sites need checking again: a site whose files, settings and plugins are as they were at its
last check keeps that check's problems (warnings; a site with errors is never stored as checked).

At 650 branches, reading every file of every branch before each build took longer than the build
(about 40 s); only the sites that changed are read now. `make check` still reads everything.
"""

from __future__ import annotations

import json
import os

from content_schema.problems import Problem
from incremental_build.cache_files import write_atomic
from incremental_build.fingerprint import code_digest, folder_digest


class CheckedSites:
    """The record in CACHE_PATH/editor-checks.json of each site's last clean check."""

    def __init__(self, settings: dict):
        self.path = os.path.join(settings["CACHE_PATH"], "editor-checks.json")
        self.shared = code_digest(settings)
        try:
            with open(self.path, encoding="utf-8") as handle:
                self.entries = json.load(handle)
        except (OSError, ValueError):
            self.entries = {}
        self.digests: dict[str, str] = {}

    def unchanged(self, site) -> list[Problem] | None:
        """The stored problems of ``site`` if nothing in it changed since its last clean check, else None."""
        digest = self.digests[site.path] = folder_digest(site.path, self.shared)
        entry = self.entries.get(site.path)
        if entry and entry["digest"] == digest:
            return [Problem(**p) for p in entry["problems"]]
        return None

    def save(self, checked_sites, problems: list[Problem], root: str) -> None:
        """Remember each checked site with no errors, with its warnings."""
        for site in checked_sites:
            prefix = os.path.abspath(site.path) + os.sep
            # branch.yaml is checked for every branch on every run (load_branches), so it is not stored
            own = [
                p
                for p in problems
                if os.path.abspath(os.path.join(root, p.path)).startswith(prefix)
                and not p.path.endswith("/branch.yaml")
            ]
            if any(p.is_error for p in own):
                self.entries.pop(site.path, None)
            else:
                self.entries[site.path] = {"digest": self.digests[site.path], "problems": [vars(p) for p in own]}
        for path in [p for p in self.entries if not os.path.isdir(p)]:
            del self.entries[path]  # a deleted branch
        write_atomic(self.path, json.dumps(self.entries, sort_keys=True).encode("utf-8"))
