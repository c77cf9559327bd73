"""The settings html_policy owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting

SETTINGS = [
    Setting(
        "HTML_POLICY_SANITISE_MAIN",
        False,
        bool,
        "Branch Markdown is always cleaned with the allow-list; True cleans the main site's too.",
    ),
]
