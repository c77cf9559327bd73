"""What the last build of a branch left behind: its fingerprints, exports and files.

The record names the cache files it points to (the events' records) relative to BRANCH_CACHE_PATH,
so that a record made in another folder, or on another machine (a CI runner that built one shard of
the branches: branch_subsites.split_build), points into this cache when it is read; in memory they
are whole paths. A record of an older kit, with whole paths, reads as it did."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields

from incremental_build.cache_files import write_atomic

from .records import BranchExports


@dataclass
class BranchResult:
    slug: str
    built: bool  # False when the branch was unchanged and skipped
    fingerprint: str = ""  # the branch's folder (names, sizes, times) with its settings and the kit: this checkout's
    # the same made of the bytes alone, with the settings' paths relative: the same on any machine, in
    # any folder, for any checkout of the same commit (shards.content_fingerprint); `make assemble` checks it
    content: str = ""
    exports: BranchExports = field(default_factory=BranchExports)  # what the national site aggregates
    files: list[str] = field(default_factory=list)  # the files its build wrote, relative to the branch's output
    # each file's size, inode, times and digest as the build left it (incremental_build.files.output_states):
    # an unchanged branch is skipped only while every one is so
    states: dict[str, list] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None

    @property
    def pages(self) -> int:
        return sum(1 for f in self.files if f.endswith(".html"))


def record_path(cache_root: str, slug: str) -> str:
    return os.path.join(cache_root, slug, "build.json")


def _relative(path: str, cache_root: str) -> str:
    """``path`` relative to ``cache_root`` when it lies inside it (with "/"), else as it is."""
    root = os.path.join(os.path.abspath(cache_root), "")
    path = os.path.abspath(path)
    return path[len(root) :].replace(os.sep, "/") if path.startswith(root) else path


def _rooted(path: str, cache_root: str) -> str:
    """A path of a record in this cache: a whole path (an older kit's record) stays as it is."""
    return os.path.join(os.path.abspath(cache_root), *path.split("/")) if not os.path.isabs(path) else path


def load_record(cache_root: str, slug: str) -> BranchResult | None:
    try:
        with open(record_path(cache_root, slug), encoding="utf-8") as handle:
            data = json.load(handle)
        exports = BranchExports.from_json(data.pop("exports"))
        exports.cache_files = [_rooted(path, cache_root) for path in exports.cache_files]
        if exports.events is not None:
            exports.events.series_file = _rooted(exports.events.series_file, cache_root)
        return BranchResult(**{**data, "exports": exports, "built": False, "seconds": 0.0, "error": None})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no record, or one from an older kit: rebuild


TRANSIENT = frozenset({"built", "seconds", "error"})


def save_record(cache_root: str, result: BranchResult) -> None:
    # the fields as they are (all JSON-ready), the exports through their own to_json: dataclasses.asdict
    # would copy every file's state, 170 lists a branch, most of the national site's wait for its records
    data = {f.name: getattr(result, f.name) for f in fields(result) if f.name not in TRANSIENT}
    exports = data["exports"] = result.exports.to_json()  # a copy: its paths are made relative here
    exports["cache_files"] = [_relative(path, cache_root) for path in exports["cache_files"]]
    if exports["events"] is not None:
        exports["events"]["series_file"] = _relative(exports["events"]["series_file"], cache_root)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    write_atomic(record_path(cache_root, result.slug), text.encode("utf-8"))
