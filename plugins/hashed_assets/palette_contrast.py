"""The check that the theme's colours, the kit's with a party's css/party.css over them, are far
enough apart for WCAG 2.2 AA in the light and the dark scheme: 4.5:1 for text, 3:1 for the focus
ring and the edges of controls (success criteria 1.4.3 and 1.4.11).

The pairs are the ones site.css puts together. The schemes are built as a browser's cascade builds
them, party.css being linked after site.css: light is the kit's ``:root`` then the party's; dark
is the kit's ``:root``, the kit's dark block, the party's ``:root``, then the party's dark block
(a colour a party sets only in ``:root`` is used in both schemes).
"""

from __future__ import annotations

import os

from content_schema.problems import ProblemList

from .palette import DARK, LIGHT, Declaration, scheme_declarations
from .site_theme import PARTY_STYLESHEET, _same_folder

KIT_STYLESHEET = os.path.join("static", "css", "site.css")  # below THEME
TEXT = 4.5
NON_TEXT = 3.0
# (foreground, background, needed ratio, what the pair is) as site.css uses them.
PAIRS = [
    # The focus ring is two rings, a --kit-focus outline and a --kit-focus-text shadow: it shows
    # when either of them stands out from the background (FOCUS_RING_PARTNER).
    ("--kit-text", "--kit-background", TEXT, "body text"),
    ("--kit-text", "--kit-surface", TEXT, "text on the header, cards and code"),
    ("--kit-muted", "--kit-background", TEXT, "dates and other muted text"),
    ("--kit-muted", "--kit-surface", TEXT, "muted text on the footer and cards"),
    ("--kit-link", "--kit-background", TEXT, "links"),
    ("--kit-link", "--kit-surface", TEXT, "links in the header and footer"),
    ("--kit-link-visited", "--kit-background", TEXT, "visited links"),
    ("--kit-accent-text", "--kit-accent", TEXT, "button text"),
    ("--kit-alert", "--kit-background", TEXT, "cancelled and postponed notices"),
    ("--kit-focus-text", "--kit-focus", TEXT, "a focused link's text"),
    ("--kit-focus", "--kit-background", NON_TEXT, "the focus ring"),
    ("--kit-border", "--kit-background", NON_TEXT, "the edges of controls and tables"),
]
FOCUS_RING_PARTNER = {("--kit-focus", "--kit-background"): "--kit-focus-text"}
SCHEME_NAMES = {LIGHT: "light scheme", DARK: "dark scheme (prefers-color-scheme: dark)"}


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.2's relative luminance of an sRGB colour."""
    linear = []
    for channel in rgb:
        value = channel / 255
        linear.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def party_stylesheet(settings: dict) -> str | None:
    """The site's css/party.css, or None when it has none (or its theme folder is the kit's own)."""
    folder = settings.get("THEME_OVERRIDES_PATH")
    if not folder or not os.path.isdir(folder) or _same_folder(folder, settings["THEME"]):
        return None
    path = os.path.join(folder, "static", PARTY_STYLESHEET)
    return path if os.path.isfile(path) else None


def scheme_palettes(kit: str, party: str | None) -> dict[str, dict[str, Declaration]]:
    """{scheme: {property: the declaration that wins}} in the cascade's order (module docstring)."""
    kit_blocks = scheme_declarations(kit)
    party_blocks = scheme_declarations(party) if party else {LIGHT: [], DARK: []}
    layers = {
        LIGHT: [kit_blocks[LIGHT], party_blocks[LIGHT]],
        DARK: [kit_blocks[LIGHT], kit_blocks[DARK], party_blocks[LIGHT], party_blocks[DARK]],
    }
    return {scheme: {d.name: d for layer in order for d in layer} for scheme, order in layers.items()}


def check_palette(settings, sites, report: ProblemList) -> None:
    """A check of the whole project (run whatever sites are checked): the main site's palette,
    which every branch's pages use too."""
    if settings.get("BRANCH") or not settings.get("THEME"):
        return
    kit = os.path.join(settings["THEME"], KIT_STYLESHEET)
    if not os.path.isfile(kit):
        return  # a theme of the site's own making, without the kit's stylesheet: nothing to check
    palettes = scheme_palettes(kit, party_stylesheet(settings))
    unreadable = set()
    for scheme, palette in palettes.items():
        for foreground, background, needed, used_for in PAIRS:
            pair = [palette.get(foreground), palette.get(background)]
            for name, declaration in zip((foreground, background), pair, strict=True):
                if declaration is None:
                    report.error(
                        kit,
                        0,
                        f"{name} is not set in the {SCHEME_NAMES[scheme]}",
                        f"Set {name} to a hex colour in :root.",
                    )
                elif declaration.rgb is None and declaration not in unreadable:
                    unreadable.add(declaration)
                    report.error(
                        declaration.path,
                        declaration.line,
                        f"{name}: {declaration.value!r} is not a colour the contrast check can read",
                        f"Write {name} as a hex colour, #rrggbb or #rgb, so its contrast can be checked.",
                    )
            if any(d is None or d.rgb is None for d in pair):
                continue
            ratio = contrast_ratio(pair[0].rgb, pair[1].rgb)
            colours = f"{foreground} {pair[0].value}"
            partner = palette.get(FOCUS_RING_PARTNER.get((foreground, background), ""))
            if partner is not None and partner.rgb is not None:
                ratio = max(ratio, contrast_ratio(partner.rgb, pair[1].rgb))
                colours += f" (or {partner.name} {partner.value})"
                pair.append(partner)
            if ratio < needed:
                where = _blamed(pair, kit)
                report.error(
                    where.path,
                    where.line,
                    f"In the {SCHEME_NAMES[scheme]}, {colours} on {background}"
                    f" {pair[1].value} ({used_for}) has a contrast of {ratio:.2f}:1; WCAG 2.2 AA needs"
                    f" at least {needed:g}:1",
                    f"Make {foreground} or {background} lighter or darker until the pair reaches"
                    f" {needed:g}:1 (a contrast checker shows the ratio as you pick).",
                )


def _blamed(pair: list[Declaration], kit: str) -> Declaration:
    """The declaration a failing pair is reported at: the party's, when it set one of the two
    (the later one written, the one that spoiled the pair most likely), else the kit's."""
    party = [d for d in pair if d.path != kit]
    return max(party or pair, key=lambda d: d.line)
