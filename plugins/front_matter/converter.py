"""One Markdown converter, configured as the site's pages are: MARKDOWN from the settings."""

from __future__ import annotations

from markdown import Markdown

META = "markdown.extensions.meta"  # front matter is read by this plugin, not by Markdown


def site_markdown(settings: dict, extension_configs: dict | None = None) -> Markdown:
    """A converter for ``settings["MARKDOWN"]``; ``extension_configs`` replaces chosen extensions' options."""
    config = dict(settings["MARKDOWN"])
    config["extensions"] = [e for e in config.get("extensions", []) if e != META]
    configs = {**config.pop("extension_configs", {}), **(extension_configs or {})}
    return Markdown(**config, extension_configs=configs)
