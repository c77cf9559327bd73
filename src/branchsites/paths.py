"""Where the kit's plugins and theme are, for a site's pelicanconf.py:

    from branchsites.paths import PLUGINS_PATH, THEME_PATH

    PLUGIN_PATHS = [PLUGINS_PATH]  # the site's own plugins folder may follow
    THEME = THEME_PATH

The plugins keep their own top-level names (``editor_checks``, ``events``...): Pelican loads each
from PLUGIN_PATHS, and a plugin imports the ones listed before it by those names.

In a built wheel the folders sit inside this package; in a checkout of the kit's repository
(``src/branchsites`` beside ``plugins/`` and ``theme/``) they are the checkout's own.
"""

from __future__ import annotations

import os

PACKAGE_PATH = os.path.dirname(os.path.abspath(__file__))
CHECKOUT_PATH = os.path.dirname(os.path.dirname(PACKAGE_PATH))


def kit_folder(name: str) -> str:
    """The kit's folder ``name`` (plugins, theme, scaffold, live_preview): packaged, or the checkout's."""
    packaged = os.path.join(PACKAGE_PATH, name)
    return packaged if os.path.isdir(packaged) else os.path.join(CHECKOUT_PATH, name)


PLUGINS_PATH = kit_folder("plugins")
THEME_PATH = kit_folder("theme")
