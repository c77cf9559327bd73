"""The settings editor_checks owns, with their defaults (declared_settings)."""

import os

from kit_settings.declared_settings import Setting, whole

SETTINGS = [
    Setting(
        "KIT_ROOT",
        None,
        str,
        "The site's folder, that problems' paths are shown from; by default the folder holding PATH.",
        default_from=lambda settings: os.path.dirname(os.path.abspath(settings["PATH"])),
    ),
    Setting(
        "EDITOR_CHECKS_ON_BUILD",
        True,
        bool,
        "Check the content before a build; refuse to build on an error.",
    ),
    Setting(
        "EDITOR_CHECKS_JOBS",
        None,
        (int, type(None)),
        "Worker processes for checking many sites at once; None: one per core.",
        whole(1),
    ),
]
