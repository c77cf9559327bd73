"""Files in the build cache (CACHE_PATH): written whole or not at all, and stored results that are
used only while the key they were made under still holds."""

from __future__ import annotations

import pickle

from .atomic import write_atomic

__all__ = ["load_keyed", "store_keyed", "write_atomic"]  # write_atomic: cache files are written as output files are


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
