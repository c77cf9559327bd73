"""Pelican's own cache of what its readers made of each file, for branch builds.

A branch is rebuilt when one of its files changes (or its upcoming events move on, once a day);
reading and converting its other 50-odd Markdown files again gave the same result. Pelican keeps
each reader result with the file's md5 (CHECK_MODIFIED_METHOD) and reuses it while the file is the
same. What Pelican does not check is whether the settings or the code that made it changed, so the
cache is emptied whenever they did: ``key`` stands for both (the branch fingerprint without its files).
"""

from __future__ import annotations

import os

from incremental_build.cache_files import write_atomic

# Pelican names each generator's reader cache "<Generator>-Readers" in CACHE_PATH.
READER_CACHE_SUFFIX = "-Readers"
KEY_FILE = "readers.key"

# Settings for a branch build (branch_settings): cache reader results, checked by content.
READER_CACHE_SETTINGS = {
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "CONTENT_CACHING_LAYER": "reader",
    "CHECK_MODIFIED_METHOD": "md5",
    "GZIP_CACHE": False,
}


def prepare_reader_cache(cache_path: str, key: str) -> None:
    """Remove the reader caches in ``cache_path`` unless they were made under ``key``."""
    key_file = os.path.join(cache_path, KEY_FILE)
    try:
        with open(key_file, encoding="utf-8") as handle:
            if handle.read() == key:
                return
    except OSError:
        pass
    if os.path.isdir(cache_path):
        for name in os.listdir(cache_path):
            if name.endswith(READER_CACHE_SUFFIX):
                os.remove(os.path.join(cache_path, name))
    write_atomic(key_file, key.encode("utf-8"))
