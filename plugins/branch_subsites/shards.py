"""Which branches a shard builds, and the fingerprint by which another machine knows a branch's record.

`make html SHARD=i/N` (BRANCH_SHARD) builds the i-th of N slices of the branches, on a CI runner
of its own; `make assemble` (BRANCH_ASSEMBLE) makes the national site from every slice's output and
build records (split_build). A branch's slice is a digest of its slug alone, modulo N: adding or
removing other branches never moves it to another slice (and so to another runner's cache).

The records a slice leaves are read on another machine, in another folder, from another checkout of
the same commit, where every file's time differs: the branch fingerprint (its folder's names, sizes
and times, with its settings' whole paths) never matches there. The content fingerprint is made of
what stays the same: the bytes of the branch's files, its settings with their paths relative, the
theme, the plugins and the settings files.
"""

from __future__ import annotations

import hashlib
import os
import re

from incremental_build.fingerprint import folder_content, settings_digest

SHARD_PATTERN = re.compile(r"^([1-9][0-9]*)/([1-9][0-9]*)$")


def shard_problem(value) -> str | None:
    """What is wrong with a BRANCH_SHARD value ("i/N", 1 <= i <= N), or None."""
    found = SHARD_PATTERN.match(value) if isinstance(value, str) else None
    if not found:
        return 'it must be "i/N", the i-th of N shards, such as "2/4"'
    index, count = int(found[1]), int(found[2])
    if index > count:
        return f"there is no shard {index} of {count}: i runs from 1 to {count}"
    return None


def parse_shard(value: str) -> tuple[int, int]:
    """(i, N) of a checked BRANCH_SHARD value."""
    found = SHARD_PATTERN.match(value)
    return int(found[1]), int(found[2])


def shard_of(slug: str, count: int) -> int:
    """The shard (1 to ``count``) that builds the branch ``slug``: the same whatever other branches there are."""
    digest = hashlib.blake2b(slug.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def _relative(path: str, root: str) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")


def portable_overrides(overrides: dict, settings: dict) -> dict:
    """A branch's overrides (branch_settings.branch_overrides) with its folders relative to the main
    site's: the branch's own folder to BRANCHES_PATH, its output to OUTPUT_PATH, its cache to
    BRANCH_CACHE_PATH."""
    folder = _relative(overrides["PATH"], settings["BRANCHES_PATH"])
    return {
        **overrides,
        "PATH": folder,
        "OUTPUT_PATH": _relative(overrides["OUTPUT_PATH"], settings["OUTPUT_PATH"]),
        "CACHE_PATH": _relative(overrides["CACHE_PATH"], settings["BRANCH_CACHE_PATH"]),
        "BRANCH": {**overrides["BRANCH"], "folder": folder},
    }


def portable_key(overrides: dict, settings: dict, shared: str) -> str:
    """The branch's settings and the shared inputs (``shared``: the theme and the kit's code, by their
    bytes), as settings_digest makes them, without a whole path in them."""
    return settings_digest(portable_overrides(overrides, settings), shared)


def content_fingerprint(key: str, folder: str) -> str:
    """``key`` (portable_key) and the bytes of every file in the branch's ``folder``."""
    return hashlib.blake2b(f"{key}\0{folder_content(folder)}".encode(), digest_size=16).hexdigest()
