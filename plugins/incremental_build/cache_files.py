"""Files in the build cache (CACHE_PATH): written whole or not at all, and stored results that are
used only while the key they were made under still holds."""

from __future__ import annotations

import json
import pickle

from .atomic import write_atomic

# write_atomic: cache files are written as output files are
__all__ = ["load_keyed", "load_keyed_json", "store_keyed", "store_keyed_json", "write_atomic"]


def load_keyed(path: str, key: str):
    """What store_keyed kept in ``path`` under ``key``; None if there is nothing, the key differs,
    or the file is damaged or from an older kit."""
    try:
        with open(path, "rb") as handle:  # our own file in the build cache
            if pickle.load(handle) != key:
                return None  # the value, often large, is not read
            return pickle.load(handle)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
        return None


def store_keyed(path: str, key: str, value) -> None:
    """``key``, then ``value``, as two pickles one after the other."""
    data = pickle.dumps(key, protocol=pickle.HIGHEST_PROTOCOL) + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    write_atomic(path, data)


def load_keyed_json(path: str, key: str):
    """What store_keyed_json kept in ``path`` under ``key``; None if there is nothing, the key differs
    or the file is not such a file. JSON, not a pickle: for what one build hands another (a shard's
    records, passed between CI jobs as artifacts), where reading it must never run anything."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key or "value" not in data:
        return None
    return data["value"]


def store_keyed_json(path: str, key: str, value) -> None:
    """``key`` and ``value`` (JSON-ready) as one JSON object, written whole."""
    text = json.dumps({"key": key, "value": value}, ensure_ascii=False, separators=(",", ":"))
    write_atomic(path, text.encode("utf-8"))
