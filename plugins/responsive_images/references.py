"""Which pictures a content file uses, where (file and line), and which file each one means.

A content file uses a picture in three ways: its front matter's `image` (shown at the top of the
page), a picture in its text (Markdown `![what it shows](images/photo.jpg)` or an HTML <img>), and
a link to a picture file (`[full size]({static}/images/photo.jpg)`). The checks read them from the
Markdown; the build rewrites the same <img> and <a> tags in the HTML, with the same rules.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from incremental_build.containment import OutsideItsFolder, site_source

from .source_files import PICTURE_EXTENSIONS, PictureTrouble

PELICAN_PREFIX = re.compile(r"^\{(static|attach|filename)\}")  # {filename} for a picture is content_links' to report
# The names of the copies the site makes (photo-480w.jpg): an editor's file may not take one.
COPY_NAME = re.compile(r"-(\d+)w(\.[A-Za-z]+)$")
IMAGE = "image"  # the front matter's picture
TEXT = "text"  # a picture in the text
LINK = "link"  # a link to a picture file


@dataclass(frozen=True)
class PictureUse:
    kind: str  # IMAGE, TEXT or LINK
    target: str  # as written
    line: int
    alt: str | None = None  # None: no alt text given at all
    decorative: bool = False
    decorative_line: int = 0


@dataclass(frozen=True)
class PictureFile:
    relpath: str  # from the site's folder, with /: images/photo.jpg
    path: str  # absolute


def is_picture_target(target: str) -> bool:
    """Whether a link goes to a picture file of this site (not a page, not another website)."""
    target = target.strip()
    if target.startswith("{") and not PELICAN_PREFIX.match(target):
        return False  # {tag}, {index} ...: Pelican's own addresses
    target = PELICAN_PREFIX.sub("", target)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return False
    return posixpath.splitext(unquote(parts.path))[1].lower() in PICTURE_EXTENSIONS


def resolve(use: PictureUse, source_path: str, site_root: str, folder: str) -> PictureFile:
    """The file ``use`` means, or PictureTrouble. The front matter's `image` is written from the
    site's folder (images/photo.jpg); in the text a path may also start at the file's own folder
    (../images/photo.jpg) or at the site's (/images/photo.jpg, {static}/images/photo.jpg)."""
    raw = use.target.strip()
    written = PELICAN_PREFIX.sub("", raw)
    parts = urlsplit(written)
    if parts.scheme == "data":
        raise PictureTrouble(
            "the picture is written into the text itself (a data: address)",
            f"Save the picture as a file in {folder}/ and write `{folder}/name.jpg` instead.",
        )
    if parts.scheme or parts.netloc:
        raise PictureTrouble(
            f"the picture `{raw}` is on another website; the site never loads anything from other websites "
            "(that would tell them who reads our pages)",
            f"If you may use it, save the picture into {folder}/ and write `{folder}/name.jpg` instead.",
        )
    path = unquote(parts.path)
    if not path:
        raise PictureTrouble("the picture's file name is missing", f"Write the file, like `{folder}/photo.jpg`.")
    root = os.path.abspath(site_root)
    if use.kind == IMAGE:
        candidates = [path]
    elif path.startswith("/"):
        candidates = [path.lstrip("/")]
    else:
        here = os.path.relpath(os.path.dirname(os.path.abspath(source_path)), root)
        candidates = [posixpath.join(here.replace(os.sep, "/"), path), path]
    cleaned = [posixpath.normpath(c) for c in candidates]
    inside = [c for c in cleaned if c.startswith(f"{folder}/") and not os.path.isabs(c)]
    if not inside:
        name = f"{folder}/{posixpath.basename(path)}"
        if use.kind == IMAGE:
            raise PictureTrouble(
                f"`image` is `{raw}`; pictures must be in this site's {folder}/ folder",
                f"Put the picture in {folder}/ and write `image: {name}`.",
            )
        raise PictureTrouble(
            f"the picture `{raw}` is not in this site's {folder}/ folder",
            f"Put the picture in {folder}/ and write `{name}`.",
        )
    for relpath in inside:
        copy_name = COPY_NAME.search(relpath)
        if copy_name:
            better = relpath[: copy_name.start()] + f"-{copy_name.group(1)}" + copy_name.group(2)
            raise PictureTrouble(
                f"`{relpath}` has a name the site keeps for the smaller copies it makes of each picture "
                "(ending in a number and w, like -480w.jpg)",
                f"Rename the file, for example to `{posixpath.basename(better)}`, and write the new name here.",
            )
        absolute = os.path.join(root, *relpath.split("/"))
        if os.path.isfile(absolute) or os.path.islink(absolute):
            try:
                site_source(root, relpath)  # git carries symbolic links, which could lead anywhere
            except OutsideItsFolder:
                raise PictureTrouble(
                    f"`{relpath}` is a symbolic link (or in a folder that is one), which the site never follows",
                    f"Copy the picture itself into {folder}/ instead of linking to it.",
                ) from None
            return PictureFile(relpath, absolute)
    subject = f"`image` is `{raw}`, but" if use.kind == IMAGE else f"the picture `{raw}` is missing:"
    raise PictureTrouble(
        f"{subject} there is no such file" + ("" if inside[0] == raw else f" ({inside[0]})"),
        f"Check the spelling (capital letters count) or add the picture to {folder}/.",
    )


# ---- in the front matter ---------------------------------------------------------


def front_matter_use(front) -> PictureUse | None:
    """The `image` of a parsed front matter (an editor_checks YamlDocument), if it is usable text."""
    data = front.data if isinstance(front.data, dict) else {}
    image = data.get("image")
    if not isinstance(image, str) or not image.strip():
        return None  # missing, or not text: the front matter checks say so
    alt = data.get("image_alt")
    return PictureUse(
        kind=IMAGE,
        target=image.strip(),
        line=front.line_of("image", default=1),
        alt=alt.strip() if isinstance(alt, str) and alt.strip() else None,
        decorative=data.get("image_decorative") is True,
        decorative_line=front.line_of("image_decorative", default=0),
    )


# ---- in the text -----------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("img", "a"):
            self.found.append((tag, {name: value for name, value in attrs}))

    handle_startendtag = handle_starttag


def tags_in(rendered: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    return parser.found


def _locate(body: str, target: str, start: int) -> tuple[int, int] | None:
    """Where ``target`` is next written in ``body`` from ``start``: (its offset, the offset after it)."""
    for needle in (target, html.escape(target), unquote(target), posixpath.basename(unquote(target))):
        if needle:
            found = body.find(needle, start)
            if found >= 0:
                return found, found + len(needle)
    return None


def text_uses(rendered: str, body: str, body_line: int) -> list[PictureUse]:
    """The pictures and picture links in ``rendered`` (the body's HTML), each with its line in the file."""
    uses, position = [], 0
    for tag, attrs in tags_in(rendered):
        if tag == "img":
            target = attrs.get("src") or ""
            alt = attrs.get("alt")
            use_kind = TEXT
        elif attrs.get("href") and is_picture_target(attrs["href"]):
            target, alt, use_kind = attrs["href"], None, LINK
        else:
            continue
        found = (_locate(body, target, position) or _locate(body, target, 0)) if target else None
        line = body_line
        if found is not None:
            line += body.count("\n", 0, found[0])
            position = found[1]
        text_alt = alt.strip() if isinstance(alt, str) and alt.strip() else None
        uses.append(PictureUse(kind=use_kind, target=target, line=line, alt=text_alt))
    return uses


def may_use_pictures(text: str) -> bool:
    """A quick look before parsing: most posts have no picture at all."""
    lowered = text.lower()
    return "image" in lowered or "![" in text or "<img" in lowered or any(e in lowered for e in PICTURE_EXTENSIONS)


def alt_trouble(use: PictureUse) -> tuple[int, PictureTrouble] | None:
    """A picture without words for readers who cannot see it, unless it is marked as decoration.

    The front matter's picture is decoration when it has `image_decorative: true` (and then no
    `image_alt`); a picture in the text always needs its words: ![what it shows](images/photo.jpg).
    """
    if use.kind == IMAGE:
        if use.decorative and use.alt:
            return use.decorative_line or use.line, PictureTrouble(
                "the picture has `image_alt` text but is also marked `image_decorative: true`",
                "Keep one: `image_alt` to say what the picture shows, or `image_decorative: true` "
                "if it is only decoration and says nothing.",
            )
        if not use.decorative and not use.alt:
            return use.line, PictureTrouble(
                "the picture has no `image_alt` text",
                "Add `image_alt:` saying what the picture shows, for readers who cannot see it. "
                "If it is only decoration, write `image_decorative: true` instead.",
            )
    elif use.kind == TEXT and not use.alt:
        return use.line, PictureTrouble(
            f"the picture `{use.target}` has no words saying what it shows (alt text)",
            f"Write them between the square brackets: ![Volunteers at the market stall]({use.target}). "
            "A picture that is only decoration cannot go in the text; it can be the page's `image:`, "
            "with `image_decorative: true`.",
        )
    return None
