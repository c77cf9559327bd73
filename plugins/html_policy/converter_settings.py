"""The Markdown converter's settings on each site: the policy's extension, cleaning on or off."""

from __future__ import annotations

import copy

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


def site_converter_settings(settings: dict, trusted: bool) -> dict:
    """MARKDOWN as a site's build has it: cleaning on untrusted (branch) sites, and on the main site
    with HTML_POLICY_SANITISE_MAIN."""
    return markdown_settings(settings, not trusted or bool(settings.get("HTML_POLICY_SANITISE_MAIN")))
