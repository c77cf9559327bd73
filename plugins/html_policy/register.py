"""Connect html_policy: its Markdown extension on every site (cleaning on branch sites), and its check."""

from __future__ import annotations

import copy

from pelican import signals

from editor_checks import check_site

from .checks import check_raw_html

EXTENSION = "html_policy.markdown_extension"


def should_sanitise(settings: dict) -> bool:
    return bool(settings.get("BRANCH")) or bool(settings.get("HTML_POLICY_SANITISE_MAIN"))


def markdown_settings(settings: dict, sanitise: bool) -> dict:
    """settings["MARKDOWN"] with the extension added (once) and configured."""
    config = copy.deepcopy(settings["MARKDOWN"])
    extensions = config.setdefault("extensions", [])
    if EXTENSION not in extensions:
        extensions.append(EXTENSION)
    config.setdefault("extension_configs", {})[EXTENSION] = {"sanitise": sanitise}
    return config


def configure_markdown(pelican) -> None:
    settings = pelican.settings
    settings["MARKDOWN"] = markdown_settings(settings, should_sanitise(settings))


def register():
    signals.initialized.connect(configure_markdown)
    check_site.connect(check_raw_html)
