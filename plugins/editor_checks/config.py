"""The settings editor_checks owns, with their defaults (declared_settings)."""

from .declared_settings import Setting, whole

SETTINGS = [
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
