"""The theme's light-scheme colours that the icons and the web manifest are made in: the kit's
site.css with the party's css/party.css over it, as the contrast check reads them."""

from __future__ import annotations

import os

from hashed_assets.palette import LIGHT
from hashed_assets.palette_contrast import KIT_STYLESHEET, party_stylesheet, scheme_palettes

# {role: (custom property, the kit's own value if the stylesheet cannot say)}
ROLES = {
    "background": ("--kit-background", (0xFB, 0xFA, 0xF6)),
    "surface": ("--kit-surface", (0xF0, 0xEE, 0xE6)),
    "accent": ("--kit-accent", (0x1D, 0x5C, 0x2E)),
    "accent_text": ("--kit-accent-text", (0xFF, 0xFF, 0xFF)),
}


def brand_colours(settings: dict) -> dict[str, tuple[int, int, int]]:
    kit = os.path.join(settings["THEME"], KIT_STYLESHEET)
    palette = scheme_palettes(kit, party_stylesheet(settings))[LIGHT] if os.path.isfile(kit) else {}
    colours = {}
    for role, (name, fallback) in ROLES.items():
        declaration = palette.get(name)
        colours[role] = declaration.rgb if declaration is not None and declaration.rgb else fallback
    return colours
