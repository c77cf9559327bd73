"""Connect html_policy: its Markdown extension on every site (cleaning on branch sites), and its check."""

from __future__ import annotations

from pelican import signals

from editor_checks import check_site

from .checks import check_raw_html
from .converter_settings import markdown_settings, should_sanitise


def configure_markdown(pelican) -> None:
    settings = pelican.settings
    settings["MARKDOWN"] = markdown_settings(settings, should_sanitise(settings))


def register():
    signals.initialized.connect(configure_markdown)
    check_site.connect(check_raw_html)
