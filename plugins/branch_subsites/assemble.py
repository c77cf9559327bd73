"""`make assemble` (BRANCH_ASSEMBLE): the national site from the records the shards left, no branch built.

Each shard (`make html SHARD=i/N`, shard_build) built its slice of the branches on a runner of its
own and left, per branch, its output (output/branches/<slug>/) and its build record with the cache
files the national site reads (.cache/branches/<slug>/); the assembling job is given all of them
(CI artifacts: copies, with new inodes and times). Every branch's record is checked here before the
national site is built on it, and a branch whose record cannot be vouched for is never built instead
(a silent rebuild would hide a shard that did not run, and take as long as not splitting at all):

- there is a record for every branch, and every file it names is in the branch's own folders: its
  cache files in BRANCH_CACHE_PATH/<slug>/, its output files in the branch's output folder, once
  symbolic links are resolved (an artifact is a file a pull request may have had a hand in: a record
  pointing elsewhere is refused, and nothing of it, not even its events' records, is read);
- its content fingerprint (shards.content_fingerprint) is that of the branch's folder, settings,
  theme and code here: the branch was not changed after its shard ran (nor the shard run from
  another commit or settings file);
- every output file it recorded is there with the same size and bytes (the times and inodes a
  copy loses are not asked for), and so is every cache file it names;
- the time its pages hold for (valid_until) has not passed.

Otherwise the build stops before anything is written, naming each branch and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from incremental_build.files import states_by_content
from incremental_build.fingerprint import theme_and_code_digest

from .branch_config import Branch
from .branch_settings import branch_overrides, branch_path
from .build_record import BranchResult, RecordRefused, UnsafeRecord, read_record, record_path
from .shards import content_fingerprint, portable_key


class AssembleRefused(Exception):
    exitcode = 1


# what can be wrong with a branch's record, in the order the refusal lists them
MISSING = "no build record"
UNSAFE = "its record names files outside its own folders"
CHANGED = "changed since its shard built it"
DAMAGED = "its output is not as its shard left it"
EXPIRED = "out of date"


def _where(path: str, settings: dict) -> str:
    root = settings.get("KIT_ROOT") or os.getcwd()
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return os.path.abspath(path) if relative.startswith("..") else relative


def _check(branch: Branch, settings: dict, shared: str) -> tuple[BranchResult | None, str | None, str]:
    """(the record, with its files' states as they are here; or None), what is wrong, and the detail."""
    cache_root = settings["BRANCH_CACHE_PATH"]
    output = os.path.join(settings["OUTPUT_PATH"], branch_path(branch.slug))
    where = _where(record_path(cache_root, branch.slug), settings)
    try:
        record = read_record(cache_root, branch.slug, output)
    except UnsafeRecord as refused:
        return None, UNSAFE, f"{where}: {refused}"
    except RecordRefused as refused:
        return None, CHANGED, f"{where}: {refused}"
    if record is None:
        return None, MISSING, ""
    key = portable_key(branch_overrides(branch, settings), settings, shared)
    if not record.content:
        return None, CHANGED, "its record has no content fingerprint (an older kit's)"
    if record.content != content_fingerprint(key, branch.folder):
        return None, CHANGED, ""
    now, valid_until = settings.get("BUILD_NOW"), record.exports.valid_until
    if valid_until and now and now >= dt.datetime.fromisoformat(valid_until):
        return None, EXPIRED, f"its pages held until {valid_until}"
    states, differing = states_by_content(output, record.states)
    lost = [_where(path, settings) for path in record.exports.cache_files if not os.path.isfile(path)]
    if differing or lost or not record.states:
        shown = [f"{_where(output, settings)}/{name}" for name in differing] + lost
        more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
        return None, DAMAGED, (", ".join(shown[:3]) + more) if shown else "no output files recorded"
    record.states = states  # as they are here: a later unchanged build checks them by their times
    return record, None, ""


def refusal(problems: dict[str, list[tuple[str, str]]], settings: dict) -> str:
    """The message of a refused assembly: each kind of problem with its branches."""
    cache = _where(settings["BRANCH_CACHE_PATH"], settings)
    output = _where(settings["OUTPUT_PATH"], settings)
    why = {
        MISSING: f"have no build record in {cache}/ (their shard did not run, failed, or its artifacts did not arrive)",
        UNSAFE: "have a build record naming a file outside the branch's own folder in "
        f"{cache}/ or {output}/branches/ (a link, a whole path or ../): it was not made by a shard of this kit",
        CHANGED: "changed since their shard built them (their files, or the settings, theme or kit code their "
        "record was made with, differ here)",
        DAMAGED: f"have output in {output}/branches/ or cache files that are not as their shard left them",
        EXPIRED: "are out of date: what their pages show (an event's end, a day passing) moved on since "
        "their shard ran",
    }
    lines = ["make assemble: the national site was not built, and nothing was written:"]
    for kind in (UNSAFE, MISSING, CHANGED, DAMAGED, EXPIRED):
        found = problems.get(kind)
        if not found:
            continue
        slugs = ", ".join(slug for slug, _ in found)
        lines.append(f"  {len(found)} branch(es) {why[kind]}: {slugs}")
        lines += [f"    {slug}: {detail}" for slug, detail in found if detail]
    lines.append(
        "Fix: run every shard (`make html SHARD=i/N`, i from 1 to N) from this commit with the same settings "
        f"file, and give this build all of their {output}/ and {cache}/; no branch is built here (docs/ci.md)."
    )
    return "\n".join(lines)


def assembled_branches(branches: list[Branch], settings: dict) -> dict[str, BranchResult]:
    """Every branch's record as its shard left it, each checked (above); AssembleRefused, naming every
    branch that fails a check, before anything is written."""
    started = time.perf_counter()
    shared = theme_and_code_digest(settings)
    jobs = settings.get("BRANCH_BUILD_JOBS") or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=jobs) as pool:  # reading and digesting: hashlib lets go of the GIL
        checked = list(pool.map(lambda branch: _check(branch, settings, shared), branches))
    results, problems = {}, {}
    for branch, (record, problem, detail) in zip(branches, checked, strict=True):
        if problem:
            problems.setdefault(problem, []).append((branch.slug, detail))
        else:
            results[branch.slug] = record
    if problems:
        raise AssembleRefused(refusal(problems, settings))
    sys.stderr.write(
        f"branch_subsites: {len(branches)} branches assembled from their shards' records, none built "
        f"({time.perf_counter() - started:.1f} s)\n"
    )
    return results
