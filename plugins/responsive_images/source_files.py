"""Open an editor's picture file safely: a still JPEG, PNG or WebP within the pixel limit, or a
PictureTrouble saying in plain words what is wrong with it and what to do.

Nothing is decoded before the size in the file's header has been checked, so a small file that
claims to be enormous (a "decompression bomb") costs nothing; a file cut short or damaged is
found by decoding it in full here, not halfway through writing the site.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings

from PIL import Image, UnidentifiedImageError

# What Pillow calls each format we take, and the file name endings that go with it.
FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
EXTENSION_FORMAT = {ext: fmt for fmt, exts in FORMATS.items() for ext in exts}
# Endings of files that are pictures of some kind: never copied to the output as they are.
PICTURE_EXTENSIONS = frozenset(
    [*EXTENSION_FORMAT, ".gif", ".svg", ".svgz", ".heic", ".heif", ".avif", ".tif", ".tiff", ".bmp", ".ico", ".jxl"]
)
SNIFF_BYTES = 1024
FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF", "TIFF": "TIFF", "BMP": "BMP"}


class PictureTrouble(Exception):
    """What is wrong with a picture file, and the fix, in words for editors."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def _sniff(head: bytes) -> str | None:
    """The kind of file from its first bytes, for the kinds Pillow is not asked to open."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<") and b"<svg" in text:
        return "SVG"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1"):
            return "HEIC"
        if brand in (b"avif", b"avis"):
            return "AVIF"
    return None


def looks_like_picture(path: str) -> bool:
    """Whether a file is a picture by its name or its first bytes (a photo renamed .txt is still one)."""
    if os.path.splitext(path)[1].lower() in PICTURE_EXTENSIONS:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    return (
        _sniff(head) is not None
        or head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"BM", b"II*\x00", b"MM\x00*"))
        or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")
    )


@contextlib.contextmanager
def _our_own_size_check():
    """Pillow's bomb check is global and fixed; ours runs right after open() with the site's limit."""
    saved = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _megapixels(pixels: int) -> str:
    value = pixels / 1_000_000
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def _size_trouble(name: str, width: int, height: int, file_bytes: int, limit: int) -> PictureTrouble:
    message = (
        f"`{name}` is {width} × {height} pixels ({_megapixels(width * height)} megapixels); "
        f"pictures may have at most {_megapixels(limit)} megapixels"
    )
    if file_bytes * 50 < width * height:  # far fewer bytes than a real picture that size ever takes
        message += (
            f", and the file is only {max(1, file_bytes // 1024)} KB: it is built to look small and "
            "swell when opened (a “decompression bomb”)"
        )
    return PictureTrouble(
        message,
        "Save a smaller copy: 4000 pixels across is more than any screen shows. "
        "If you did not make this file yourself, do not use it.",
    )


def _unsupported(name: str, kind: str) -> PictureTrouble:
    if kind == "SVG":
        return PictureTrouble(
            f"`{name}` is an SVG drawing; SVG files can carry programs (scripts), so the site never publishes them",
            "Export the drawing as a PNG picture (most drawing programs have File → Export → PNG) and use that.",
        )
    if kind == "HEIC":
        return PictureTrouble(
            f"`{name}` is an iPhone HEIC photo, which most web browsers cannot show",
            "Save it as a JPEG (on the iPhone: Settings → Camera → Formats → Most Compatible), or export a JPEG copy.",
        )
    return PictureTrouble(
        f"`{name}` is a picture in {FORMAT_NAMES.get(kind, kind)} format; the site takes JPEG, PNG and WebP pictures",
        "Save it as a JPEG (for photos) or a PNG (for drawings and screenshots), and use that file.",
    )


def open_picture(data: bytes, name: str, max_pixels: int) -> Image.Image:
    """Decode ``data`` (the file called ``name``, as editors see it) in full; raise PictureTrouble."""
    kind = _sniff(data[:SNIFF_BYTES])
    extension = os.path.splitext(name)[1].lower()
    if kind or extension in (".svg", ".svgz"):
        raise _unsupported(name, kind or "SVG")
    with _our_own_size_check():
        try:
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
        except UnidentifiedImageError:
            raise _not_ours(data, name) from None
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise _damaged(name, exc) from None
        fmt = image.format
        if EXTENSION_FORMAT.get(extension) != fmt:
            stem = os.path.splitext(os.path.basename(name))[0]
            right = FORMATS[fmt][0]
            raise PictureTrouble(
                f"`{name}` is really a {FORMAT_NAMES[fmt]} picture, but its name "
                + (f"says {FORMAT_NAMES[EXTENSION_FORMAT[extension]]}" if extension in EXTENSION_FORMAT else "does not")
                + f" (a {FORMAT_NAMES[fmt]} file's name ends in {right})",
                f"Rename the file to `{stem}{right}`, and write the new name where the picture is used.",
            )
        width, height = image.size
        if width * height > max_pixels:
            raise _size_trouble(name, width, height, len(data), max_pixels)
        if getattr(image, "is_animated", False):
            raise PictureTrouble(
                f"`{name}` is an animated picture; the site shows still pictures only",
                "Use a still picture (one frame of it), or put the animation on a video site and link to it.",
            )
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError) as exc:
            raise _damaged(name, exc) from None
    return image


def _not_ours(data: bytes, name: str) -> PictureTrouble:
    """A file Pillow would not open as JPEG, PNG or WebP: another kind of picture, or not a picture."""
    with _our_own_size_check(), contextlib.suppress(Exception), Image.open(io.BytesIO(data)) as other:
        return _unsupported(name, other.format)
    return PictureTrouble(
        f"`{name}` is not a picture the site can read: it is damaged, or another kind of file with a picture's name",
        "Open it on your computer to check it is the right file, then save it again as a JPEG or PNG.",
    )


def _damaged(name: str, exc: Exception) -> PictureTrouble:
    if "truncated" in str(exc).lower() or isinstance(exc, EOFError):
        return PictureTrouble(
            f"`{name}` is damaged: the file is cut short (perhaps it did not finish copying)",
            "Copy the picture again from where it came from, and check that it opens on your computer.",
        )
    return PictureTrouble(
        f"`{name}` is damaged and cannot be read ({exc})",
        "Open it on your computer; if it shows, save it again as a new JPEG or PNG. If not, use another copy.",
    )
