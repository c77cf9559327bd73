"""What the last build of a branch left behind: its fingerprint, exports and files."""

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
    fingerprint: str = ""
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


def load_record(cache_root: str, slug: str) -> BranchResult | None:
    try:
        with open(record_path(cache_root, slug), encoding="utf-8") as handle:
            data = json.load(handle)
        exports = BranchExports.from_json(data.pop("exports"))
        return BranchResult(**{**data, "exports": exports, "built": False, "seconds": 0.0, "error": None})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no record, or one from an older kit: rebuild


TRANSIENT = frozenset({"built", "seconds", "error"})


def save_record(cache_root: str, result: BranchResult) -> None:
    # the fields as they are (all JSON-ready), the exports through their own to_json: dataclasses.asdict
    # would copy every file's state, 170 lists a branch, most of the national site's wait for its records
    data = {f.name: getattr(result, f.name) for f in fields(result) if f.name not in TRANSIENT}
    data["exports"] = result.exports.to_json()
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    write_atomic(record_path(cache_root, result.slug), text.encode("utf-8"))
