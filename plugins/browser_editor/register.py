"""Connect the browser editor: its pages are written with every other page of a site."""

from __future__ import annotations

from pelican import signals

from .cms_files import cms_file_names
from .generator import BrowserEditorGenerator


def check_cms_installed(pelican) -> None:
    """Before anything is read: a main build with an editor page needs Decap CMS from npm."""
    settings = pelican.settings
    if settings["CMS_REPO"] and not settings.get("BRANCH"):
        cms_file_names(settings["CMS_DIST"])  # CmsMissing, saying how to install it


def get_generators(pelican):
    return BrowserEditorGenerator


def register():
    signals.initialized.connect(check_cms_installed)
    signals.get_generators.connect(get_generators)
