"""What the last build of a branch left behind: its fingerprints, exports and files.

The record names the cache files it points to (the events' records) relative to BRANCH_CACHE_PATH,
so that a record made in another folder, or on another machine (a CI runner that built one shard of
the branches: branch_subsites.split_build), points into this cache when it is read; in memory they
are whole paths. A record comes from a CI artifact at `make assemble`, which a branch editor's pull
request may have had a hand in: every cache file it names must lie in the branch's own cache folder
(BRANCH_CACHE_PATH/<slug>/), and every output file in the branch's output folder, once symbolic
links are resolved, or the record is refused (an older kit's, with whole paths, is built again)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields

from incremental_build.cache_files import write_atomic
from incremental_build.containment import RecordedNames

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


class RecordRefused(ValueError):
    """A build record the kit does not take: of another shape (an older kit's), or (UnsafeRecord)
    one naming a file outside its branch's folders."""


class UnsafeRecord(RecordRefused):
    pass


def _rooted(names: RecordedNames, value, what: str, prefix: str = "") -> str:
    """The whole path of a name the record gives (``prefix``, then a name in ``names``' folder)."""
    inside = value[len(prefix) :] if isinstance(value, str) and value.startswith(prefix) else None
    path = names.path(inside)
    if path is None:
        raise UnsafeRecord(f"its {what} {value!r} is not a file in {names.folder}/")
    return path


def read_record(cache_root: str, slug: str, output: str | None = None) -> BranchResult | None:
    """The branch's record, with its cache files' whole paths; None when there is none. RecordRefused
    for one of another shape, UnsafeRecord for one naming a cache file outside the branch's cache
    folder or (given ``output``, the branch's output folder) an output file outside that."""
    cache = RecordedNames(os.path.join(cache_root, slug))
    path = record_path(cache_root, slug)
    if os.path.lexists(path) and cache.path("build.json") is None:
        raise UnsafeRecord(f"it is a link to {os.path.realpath(path)}, outside {cache.folder}/")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as unread:
        raise RecordRefused(f"it cannot be read ({unread})") from None
    try:
        exports = BranchExports.from_json(data.pop("exports"))
        record = BranchResult(**{**data, "exports": exports, "built": False, "seconds": 0.0, "error": None})
    except (ValueError, TypeError, KeyError, AttributeError) as unread:
        raise RecordRefused(f"it is not a record this kit reads ({unread})") from None
    if not isinstance(record.files, list) or not isinstance(record.states, dict):
        raise RecordRefused("it is not a record this kit reads (its files)")
    if not all(isinstance(state, list) and len(state) == 5 for state in record.states.values()):
        raise RecordRefused("it is not a record this kit reads (its files' states)")
    # the names are relative to BRANCH_CACHE_PATH (save_record), each in the branch's own folder there
    prefix = f"{slug}/"
    exports.cache_files = [_rooted(cache, path, "cache file", prefix) for path in exports.cache_files]
    if exports.events is not None:
        exports.events.series_file = _rooted(cache, exports.events.series_file, "events' records file", prefix)
    if output is not None:
        written = RecordedNames(output)
        for name in [*record.files, *record.states]:
            _rooted(written, name, "output file")
    return record


def load_record(cache_root: str, slug: str) -> BranchResult | None:
    """The branch's record; None when there is none, or it is refused (read_record): build the branch again."""
    try:
        return read_record(cache_root, slug)
    except RecordRefused:
        return None


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
