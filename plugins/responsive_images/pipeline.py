"""Make the published copies of one picture: turned the right way up, colours in sRGB, every piece
of metadata gone, and resized (never enlarged) to each width, in its own format and in WebP.

Metadata goes because nothing of the file but its pixels is ever saved: the pixels are copied into
a new image, which has no EXIF (GPS position, camera and its serial number, dates), XMP, IPTC,
comment or colour profile to carry over, and the encoders are given none.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from .config import ImageSettings

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int


@dataclass(frozen=True)
class ProcessedPicture:
    """The copies of one picture: ``files`` maps a name (``full.jpg``, ``480w.jpg``, ``480w.webp``) to bytes."""

    format: str
    width: int
    height: int
    variants: tuple[Variant, ...]
    webp: bool  # whether WebP copies are offered besides the picture's own format
    files: dict

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


def variant_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The configured widths narrower than the picture, and the picture's own width if it is narrower
    than the widest: 480, 960, 1600 for a 4000-pixel photo; 480, 960, 1200 for a 1200-pixel one."""
    return sorted({w for w in widths if w < width} | {min(width, max(widths))})


def clean_pixels(image: Image.Image) -> Image.Image:
    """Orientation applied to the pixels, colours converted to sRGB, and nothing but pixels kept."""
    image = ImageOps.exif_transpose(image)
    icc = image.info.get("icc_profile")
    mode = image.mode
    if mode in ("RGB", "RGBA", "L", "LA"):
        target = mode
    elif mode == "1":
        target = "L"
    else:
        target = "RGBA" if image.has_transparency_data else "RGB"
    if icc and target in ("RGB", "RGBA") and mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode=target)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: take the numbers as they are, as browsers do
    if image.mode != target:
        image = image.convert(target)
    return Image.frombytes(image.mode, image.size, image.tobytes())


def encode(image: Image.Image, fmt: str, config: ImageSettings, paletted: bool = False) -> bytes:
    """``paletted``: the source was a PNG of at most 256 colours (a drawing, a poster), and so are its copies:
    resizing adds in-between colours that would otherwise make a copy several times the original's size."""
    out = io.BytesIO()
    if paletted and image.mode in ("RGB", "RGBA"):
        method = Image.Quantize.FASTOCTREE if image.mode == "RGBA" else Image.Quantize.MEDIANCUT
        image = image.quantize(colors=256, method=method, dither=Image.Dither.NONE)
    if fmt == "JPEG":
        image.save(out, "JPEG", quality=config.jpeg_quality, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(out, "PNG", compress_level=9)
    elif paletted:  # a drawing: lossless WebP keeps its edges sharp, and is smaller than the PNG
        image.save(out, "WEBP", lossless=True, quality=100, method=4)
    else:
        image.save(out, "WEBP", quality=config.webp_quality, method=4)
    return out.getvalue()


def process_picture(image: Image.Image, config: ImageSettings) -> ProcessedPicture:
    """The full-size copy and every variant of ``image`` (opened by source_files.open_picture)."""
    fmt = image.format
    paletted = fmt == "PNG" and image.mode in ("P", "PA", "1")
    pixels = clean_pixels(image)
    width, height = pixels.size
    ext = EXTENSIONS[fmt]
    files = {f"full.{ext}": encode(pixels, fmt, config, paletted)}
    variants, webp = [], {}
    for w in variant_widths(width, config.widths):
        h = max(1, round(height * w / width))
        resized = (
            pixels if (w, h) == (width, height) else pixels.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        )
        variants.append(Variant(w, h))
        files[f"{w}w.{ext}"] = files[f"full.{ext}"] if resized is pixels else encode(resized, fmt, config, paletted)
        if fmt != "WEBP":
            webp[f"{w}w.webp"] = encode(resized, "WEBP", config, paletted)
    # WebP is offered only where it saves bytes (it nearly always does, but not for every drawing).
    own_bytes = sum(len(files[f"{v.width}w.{ext}"]) for v in variants)
    offer_webp = bool(webp) and sum(map(len, webp.values())) < own_bytes
    if offer_webp:
        files.update(webp)
    return ProcessedPicture(fmt, width, height, tuple(variants), offer_webp, files)
