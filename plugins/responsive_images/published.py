"""Where a picture's copies are published, and their addresses.

`images/photo.jpg` (the file editors added) is published as:

    images/photo.jpg                  the full-size copy, stripped (links to the picture keep working)
    images/photo-480w.jpg  -960w ...  each width, in the picture's own format
    images/photo-480w.webp -960w ...  each width, in WebP (unless WebP would be larger)
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from .cache import StoredPicture
from .pipeline import Variant

MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


def address(site_url: str, relpath: str) -> str:
    return f"{site_url}/{quote(relpath, safe='/')}"


@dataclass(frozen=True)
class PublishedPicture:
    relpath: str  # the editor's file: images/photo.jpg
    stored: StoredPicture
    site_url: str

    @property
    def _stem(self) -> str:
        return posixpath.splitext(self.relpath)[0]

    def variant_path(self, variant: Variant, extension: str) -> str:
        return f"{self._stem}-{variant.width}w.{extension}"

    def files(self) -> list[tuple[str, str]]:
        """(output path, cache file) for every copy."""
        stored = self.stored
        own = stored.extension
        found = [(self.relpath, f"full.{own}")]
        for variant in stored.variants:
            found.append((self.variant_path(variant, own), f"{variant.width}w.{own}"))
            if stored.webp:
                found.append((self.variant_path(variant, "webp"), f"{variant.width}w.webp"))
        return found

    def url(self, variant: Variant, extension: str) -> str:
        return address(self.site_url, self.variant_path(variant, extension))

    def srcset(self, extension: str) -> str:
        return ", ".join(f"{self.url(v, extension)} {v.width}w" for v in self.stored.variants)

    def fallback(self, most: int) -> Variant:
        """The copy for a browser without srcset: the widest at most ``most`` pixels, else the narrowest."""
        fitting = [v for v in self.stored.variants if v.width <= most]
        return fitting[-1] if fitting else self.stored.variants[0]

    @property
    def largest(self) -> Variant:
        return self.stored.variants[-1]

    def share_image(self, alt: str | None) -> dict:
        """For link previews: the widest copy in the picture's own format (platforms take JPEG and PNG)."""
        largest = self.largest
        return {
            "url": self.url(largest, self.stored.extension),
            "width": largest.width,
            "height": largest.height,
            "type": MIME_TYPES[self.stored.format],
            "alt": alt or "",
        }
