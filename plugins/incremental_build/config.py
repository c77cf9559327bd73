"""The settings incremental_build owns, with their defaults (kit_settings.declared_settings)."""

import datetime as dt
import multiprocessing

from kit_settings.declared_settings import Setting, list_of


def _start_method(value) -> str | None:
    methods = multiprocessing.get_all_start_methods()
    return None if value in methods else f"it must be one of {', '.join(repr(m) for m in methods)}, or None"


SETTINGS = [
    Setting(
        "WORKER_START_METHOD",
        None,
        (str, type(None)),
        "How worker processes start: fork, spawn or forkserver; None: the platform's default.",
        _start_method,
    ),
    Setting("OUTPUT_PRUNE", True, bool, "Remove files an earlier build wrote that this one did not."),
    Setting(
        "BUILD_SKIP_UNCHANGED",
        True,
        bool,
        "A build with nothing changed since the last one that finished ends at once, writing nothing.",
    ),
    Setting(
        "BUILD_NOW",
        None,
        (dt.datetime, type(None)),
        'The build\'s "now", from SOURCE_DATE_EPOCH or the clock when the build starts.',
        set_by_build=True,
    ),
    Setting(
        "OUTPUT_PRUNE_KEEP",
        None,
        list,
        "Output folders another build owns (the branches'), never pruned by this one.",
        list_of(str),
        set_by_build=True,
    ),
]
