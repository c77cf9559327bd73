"""The settings reproducible_output owns, with their defaults (editor_checks.declared_settings)."""

import datetime as dt

from editor_checks.declared_settings import Setting, list_of

SETTINGS = [
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
