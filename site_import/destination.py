"""Where an import writes: one site's folder (the main site's content/ or a branch's folder).

Every path is checked where it is written, not by its text: it must resolve, links and all, inside
the site's folder. An existing file is replaced only when the last import of the same item wrote it
and nobody has changed it since (so importing a feed again updates it), or with --force; every other
existing file is left as it is and reported.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

from branch_subsites.branch_config import branch_folder, known_branches
from incremental_build.atomic import write_atomic

# What the imports wrote into a site's folder, by path: the item it came from and the digest of the
# bytes written. Hidden, so that no check or build reads it as content.
IMPORT_RECORD = ".imported.json"


class NoSuchSite(Exception):
    pass


class OutsideSite(Exception):
    pass


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class SiteDestination:
    """One site's folder and what an import did there: written, unchanged and refused files."""

    path: str  # the site's folder, as the settings name it
    label: str  # "the main site" or "branch <slug>"
    force: bool = False
    written: list[str] = field(default_factory=list)  # absolute paths, in the order written
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (absolute path, why)

    @classmethod
    def for_site(cls, settings: dict, branch: str | None, force: bool = False) -> SiteDestination:
        if not branch:
            return cls(settings["PATH"], "the main site", force)
        folder = branch_folder(settings, branch)
        if folder is None:
            known = ", ".join(known_branches(settings)) or "none yet (make new-branch)"
            raise NoSuchSite(f"there is no branch `{branch}`; the branches are: {known}")
        return cls(folder, f"branch {branch}", force)

    def inside(self, relpath: str) -> str:
        """The absolute path of ``relpath`` in the site's folder; OutsideSite if it resolves elsewhere."""
        root = os.path.realpath(self.path)
        target = os.path.realpath(os.path.join(root, relpath))
        if os.path.commonpath([root, target]) != root or target == root:
            raise OutsideSite(f"{relpath} would be written outside {self.label}'s folder")
        return os.path.join(self.path, os.path.relpath(target, root))

    def exists(self, relpath: str) -> bool:
        return os.path.lexists(self.inside(relpath))

    def write(self, relpath: str, data: bytes | str, *, source: str) -> str | None:
        """Write ``data`` at ``relpath`` for the imported item ``source`` (its old address or UID).
        Returns the absolute path, or None when the file was refused (see ``refused``)."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        path = self.inside(relpath)
        relpath = os.path.relpath(path, self.path)
        if os.path.lexists(path):
            if os.path.islink(path) or not os.path.isfile(path):
                self.refused.append((path, "it is a link or a folder, not a file"))
                return None
            with open(path, "rb") as handle:
                current = handle.read()
            if current == data:
                self.unchanged.append(path)
                self._remember(relpath, source, data)
                return path
            earlier = self._record().get(relpath)
            by_import = earlier and earlier["source"] == source and earlier["sha256"] == _digest(current)
            if not (by_import or self.force):
                why = "it was changed after the last import" if earlier else "it was not written by an import"
                self.refused.append((path, f"it already exists and {why}; nothing was overwritten"))
                return None
        write_atomic(path, data)
        self.written.append(path)
        self._remember(relpath, source, data)
        return path

    def written_by_import(self, source: str) -> list[str]:
        """The site-relative paths the imports recorded for ``source``, in name order."""
        return sorted(p for p, entry in self._record().items() if entry["source"] == source)

    # --- the record of imported files (IMPORT_RECORD) ---------------------------------------------

    def _record(self) -> dict:
        if not hasattr(self, "_files"):
            try:
                with open(self.inside(IMPORT_RECORD), encoding="utf-8") as handle:
                    self._files = json.load(handle).get("files", {})
            except (FileNotFoundError, ValueError, AttributeError):
                self._files = {}
        return self._files

    def _remember(self, relpath: str, source: str, data: bytes) -> None:
        self._record()[relpath] = {"source": source, "sha256": _digest(data)}

    def save_record(self) -> None:
        """Keep what this import wrote, for the next one (call once, at the end)."""
        text = json.dumps({"files": self._record()}, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        write_atomic(self.inside(IMPORT_RECORD), text.encode("utf-8"))
