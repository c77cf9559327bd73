"""One Markdown converter, configured as the site's pages are: MARKDOWN from the settings."""

from __future__ import annotations

from markdown import Markdown

from .converted_texts import META, ConvertedTexts, converter_key, site_slug


def site_markdown(settings: dict, extension_configs: dict | None = None) -> Markdown:
    """A converter for ``settings["MARKDOWN"]``; ``extension_configs`` replaces chosen extensions' options."""
    config = dict(settings["MARKDOWN"])
    config["extensions"] = [e for e in config.get("extensions", []) if e != META]
    configs = {**config.pop("extension_configs", {}), **(extension_configs or {})}
    return Markdown(**config, extension_configs=configs)


def convert_text(markdown: Markdown, body: str, path: str, body_line: int, report) -> str | None:
    """``body`` as HTML; None, with the problem in ``report``, for a text Markdown cannot read.

    Reading nests one call per level of the text: nesting that the line-by-line check
    (nesting.first_too_deep) does not see ends here as a problem, not as a traceback."""
    markdown.reset()
    try:
        return markdown.convert(body)
    except RecursionError:
        report.error(
            path,
            body_line,
            "the text is nested too deeply to be read (lists, quotes or other blocks inside each other)",
            "Put the items side by side at fewer levels; most texts need two or three.",
        )
        return None


class SiteConverter:
    """A site build's converter: the HTML its checks kept for a text (converted_texts), else
    ``settings["MARKDOWN"]`` converting it. Made once per reader or generator."""

    def __init__(self, settings: dict):
        self.settings = settings
        self.key = converter_key(settings["MARKDOWN"])
        self.kept = ConvertedTexts(settings, site_slug(settings))
        self._markdown: Markdown | None = None

    def convert(self, body: str, path: str, body_line: int, report) -> str | None:
        kept = self.kept.get(self.key, body)
        if kept is not None:
            return kept[0]
        if self._markdown is None:
            self._markdown = site_markdown(self.settings)
        return convert_text(self._markdown, body, path, body_line, report)
