"""The plugin's settings (RESPONSIVE_IMAGES_*): defaults in one place, checked once.

A wrong value stops the build with a message naming the setting, like a content error
would. The types, and misspelt setting names, are checked with every other plugin's
(kit_settings.declared_settings).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from PIL import __version__ as pillow_version
from PIL import features

from kit_settings.declared_settings import Setting

# Raise when the pipeline's output changes for the same input and settings: every cached result is redone.
PIPELINE_VERSION = 1

DEFAULTS = {
    # Widths (pixels) of the copies made of each picture; never wider than the picture itself.
    "RESPONSIVE_IMAGES_WIDTHS": (480, 960, 1600),
    # The `src` of an <img> (for browsers without srcset): the widest copy at most this wide.
    "RESPONSIVE_IMAGES_FALLBACK_WIDTH": 960,
    # How wide a picture in the text is shown, for the browser to choose a copy (the theme's text column).
    "RESPONSIVE_IMAGES_SIZES": "(min-width: 42rem) 40rem, calc(100vw - 2rem)",
    # How wide a post's thumbnail is shown in lists (the theme's .kit-news__thumbnail).
    "RESPONSIVE_IMAGES_THUMBNAIL_SIZES": "(min-width: 42rem) 8rem, 6rem",
    # Pictures larger than this many pixels (width times height) are refused.
    "RESPONSIVE_IMAGES_MAX_PIXELS": 50_000_000,
    "RESPONSIVE_IMAGES_JPEG_QUALITY": 82,
    "RESPONSIVE_IMAGES_WEBP_QUALITY": 80,
    # The folder of each site that holds its pictures (one of STATIC_PATHS).
    "RESPONSIVE_IMAGES_FOLDER": "images",
    # Where share cards are written, in each site's output.
    "RESPONSIVE_IMAGES_CARD_PATH": "cards",
    # The card's colours: a theme stylesheet variable (--kit-accent) or a colour (#1d5c2e).
    "RESPONSIVE_IMAGES_CARD_COLOURS": {
        "background": "--kit-accent",
        "text": "--kit-accent-text",
        "highlight": "--kit-focus",
    },
    # The stylesheet the variables are read from, inside THEME.
    "RESPONSIVE_IMAGES_CARD_STYLESHEET": "static/css/site.css",
}


_HELP = {
    "RESPONSIVE_IMAGES_WIDTHS": "Widths (pixels) of the copies made of each picture; never wider than the picture.",
    "RESPONSIVE_IMAGES_FALLBACK_WIDTH": "An <img>'s `src` (no srcset): the widest copy this wide at most.",
    "RESPONSIVE_IMAGES_SIZES": "How wide a picture in the text is shown, for the browser to choose a copy.",
    "RESPONSIVE_IMAGES_THUMBNAIL_SIZES": "How wide a post's thumbnail is shown in lists.",
    "RESPONSIVE_IMAGES_MAX_PIXELS": "Pictures larger than this many pixels (width times height) are refused.",
    "RESPONSIVE_IMAGES_JPEG_QUALITY": "JPEG quality of the copies, 1 to 95.",
    "RESPONSIVE_IMAGES_WEBP_QUALITY": "WebP quality of the copies, 1 to 100.",
    "RESPONSIVE_IMAGES_FOLDER": "The folder of each site that holds its pictures (one of STATIC_PATHS).",
    "RESPONSIVE_IMAGES_CARD_PATH": "Where share cards are written, in each site's output.",
    "RESPONSIVE_IMAGES_CARD_COLOURS": "The card's colours: a theme stylesheet variable (--kit-accent) or a colour.",
    "RESPONSIVE_IMAGES_CARD_STYLESHEET": "The stylesheet the variables are read from, inside THEME.",
}
# The value checks are image_settings' own (it runs at `initialized` too): the declarations give the types.
SETTINGS = [
    Setting(name, default, (list, tuple) if isinstance(default, tuple) else type(default), _HELP[name])
    for name, default in DEFAULTS.items()
]


class ImageSettingsError(ValueError):
    exitcode = 1


@dataclass(frozen=True)
class ImageSettings:
    widths: tuple[int, ...]
    fallback_width: int
    sizes: str
    thumbnail_sizes: str
    max_pixels: int
    jpeg_quality: int
    webp_quality: int
    folder: str
    card_path: str
    card_colours: tuple[tuple[str, str], ...]
    card_stylesheet: str

    def processing_digest(self) -> str:
        """What decides the bytes of a processed picture, besides the picture itself."""
        data = {
            "version": PIPELINE_VERSION,
            "pillow": pillow_version,
            "codecs": [features.version(name) for name in ("jpg", "zlib", "webp")],
            "widths": self.widths,
            "jpeg": self.jpeg_quality,
            "webp": self.webp_quality,
        }
        return _digest(data)

    def validation_digest(self) -> str:
        """What decides whether a picture is accepted."""
        return _digest({"version": PIPELINE_VERSION, "pillow": pillow_version, "max_pixels": self.max_pixels})


def _digest(data) -> str:
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=12).hexdigest()


def _whole(name: str, value, minimum: int, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
        raise ImageSettingsError(f"{name} is {value!r}; it must be a whole number from {minimum} to {maximum}")
    return value


def image_settings(settings: dict) -> ImageSettings:
    """The plugin's settings from Pelican's, with defaults; ImageSettingsError names a bad one."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}

    widths = values["RESPONSIVE_IMAGES_WIDTHS"]
    if not isinstance(widths, list | tuple) or not widths:
        raise ImageSettingsError("RESPONSIVE_IMAGES_WIDTHS must be a list of widths in pixels, e.g. [480, 960, 1600]")
    widths = tuple(sorted({_whole("RESPONSIVE_IMAGES_WIDTHS", w, 16, 8192) for w in widths}))
    colours = values["RESPONSIVE_IMAGES_CARD_COLOURS"]
    if not isinstance(colours, dict) or set(colours) != {"background", "text", "highlight"}:
        raise ImageSettingsError("RESPONSIVE_IMAGES_CARD_COLOURS must give `background`, `text` and `highlight`")
    for key in ("RESPONSIVE_IMAGES_SIZES", "RESPONSIVE_IMAGES_THUMBNAIL_SIZES"):
        sizes = values[key]
        if not isinstance(sizes, str) or not sizes.strip() or '"' in sizes:
            raise ImageSettingsError(f"{key} must be a `sizes` attribute value, e.g. 100vw")
    for key in ("RESPONSIVE_IMAGES_FOLDER", "RESPONSIVE_IMAGES_CARD_PATH"):
        folder = values[key]
        if not isinstance(folder, str) or not folder.strip("/") or ".." in folder.split("/"):
            raise ImageSettingsError(f"{key} must be a folder name such as `images`")
    return ImageSettings(
        widths=widths,
        fallback_width=_whole("RESPONSIVE_IMAGES_FALLBACK_WIDTH", values["RESPONSIVE_IMAGES_FALLBACK_WIDTH"], 16, 8192),
        sizes=values["RESPONSIVE_IMAGES_SIZES"].strip(),
        thumbnail_sizes=values["RESPONSIVE_IMAGES_THUMBNAIL_SIZES"].strip(),
        max_pixels=_whole("RESPONSIVE_IMAGES_MAX_PIXELS", values["RESPONSIVE_IMAGES_MAX_PIXELS"], 1, 10**9),
        jpeg_quality=_whole("RESPONSIVE_IMAGES_JPEG_QUALITY", values["RESPONSIVE_IMAGES_JPEG_QUALITY"], 1, 95),
        webp_quality=_whole("RESPONSIVE_IMAGES_WEBP_QUALITY", values["RESPONSIVE_IMAGES_WEBP_QUALITY"], 1, 100),
        folder=values["RESPONSIVE_IMAGES_FOLDER"].strip("/"),
        card_path=values["RESPONSIVE_IMAGES_CARD_PATH"].strip("/"),
        card_colours=tuple(sorted(colours.items())),
        card_stylesheet=values["RESPONSIVE_IMAGES_CARD_STYLESHEET"],
    )
