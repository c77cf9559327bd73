"""The export's pictures brought into the site's images/ folder: each fetched once, checked to be a
picture the site can publish, and written under a safe name of the import's choosing.

Squarespace serves every picture from its CDN (images.squarespace-cdn.com, static1.squarespace.com)
and asks for a size with a query (`?format=750w`, `?format=1500w`): the query is dropped, so the
original is fetched, and the same picture at two sizes is one file. The name in the address is only
a hint: the file's name is slugified here, and its ending is the one of the format Pillow finds in
the bytes, never the one the address claims.
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import urllib.request
from collections.abc import Callable
from urllib.error import URLError
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from PIL import Image, UnidentifiedImageError

from responsive_images.source_files import FORMATS
from scaffold.writers import slugify

IMAGES_FOLDER = "images"
FETCH_TIMEOUT_SECONDS = 20
MAX_PICTURE_BYTES = 25 * 1024 * 1024
CDN_HOSTS = ("images.squarespace-cdn.com", "static1.squarespace.com")
# Squarespace's size request, on its CDN and on a site's own /s/ files alike.
SIZE_QUERY = re.compile(r"^format=(\d+w|original)$")
# The site keeps names ending in -<number>w for the smaller copies it makes (responsive_images).
COPY_NAME = re.compile(r"-(\d+)w$")
ENDINGS = {fmt: endings[0] for fmt, endings in FORMATS.items()}


def original_address(address: str) -> str:
    """The address of the picture itself: no fragment, and no size query on Squarespace's CDN
    (or a `format=` size query anywhere: Squarespace adds it to a site's own files too)."""
    parts = urlsplit(address.strip())
    host = (parts.hostname or "").lower()
    query = parts.query
    if host in CDN_HOSTS or host.endswith(".squarespace-cdn.com") or SIZE_QUERY.match(query):
        query = ""
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, query, ""))


def _fetch(address: str, timeout: float, limit: int) -> bytes:
    request = urllib.request.Request(address, headers={"User-Agent": "branchsites import-wordpress"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise ValueError(f"it is larger than {limit // (1024 * 1024)} MB")
        data = response.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"it is larger than {limit // (1024 * 1024)} MB")
    return data


def picture_format(data: bytes) -> str:
    """The format Pillow finds in ``data`` (JPEG, PNG, WEBP); ValueError when it is not one the site publishes."""
    try:
        with Image.open(io.BytesIO(data)) as picture:
            found = picture.format or ""
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValueError(f"it is not a picture ({exc.__class__.__name__})") from None
    if found not in ENDINGS:
        raise ValueError(f"it is a {found or 'kind of'} picture, which the site cannot publish: save it as JPEG or PNG")
    return found


class SitePictures:
    """The pictures of one import, by their original address: each fetched once, whatever its size
    query, and each given the `{static}/images/...` link the Markdown uses (or None: not brought)."""

    def __init__(
        self,
        destination,
        old_site: str = "",
        *,
        timeout: float = FETCH_TIMEOUT_SECONDS,
        max_bytes: int = MAX_PICTURE_BYTES,
        fetch: Callable[[str, float, int], bytes] = _fetch,
    ):
        self.destination = destination
        self.old_site = old_site
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.fetch = fetch
        self.links: dict[str, str | None] = {}  # original address -> {static}/images/name.ext, or None
        self.notes: list[str] = []
        self._names: dict[str, str] = {}  # images/name.ext -> original address, in this import

    def absolute(self, address: str) -> str:
        """A picture's address as the old site meant it: root-relative ones (/s/x.jpg) on the old site."""
        address = address.strip()
        if address.startswith("//"):
            return "https:" + address
        if self.old_site and not urlsplit(address).scheme:
            return urljoin(self.old_site.rstrip("/") + "/", address)
        return address

    def known(self, address: str) -> str | None:
        """The link of a picture brought over already, for a link to it (None: not one of them)."""
        return self.links.get(original_address(self.absolute(address)))

    def link_for(self, address: str) -> str | None:
        """``address``'s picture as `{static}/images/name.ext`, fetching it the first time it is met;
        None, with a note, when it cannot be brought over."""
        original = original_address(self.absolute(address))
        if original in self.links:
            return self.links[original]
        self.links[original] = link = self._bring(original)
        return link

    def _bring(self, original: str) -> str | None:
        if urlsplit(original).scheme not in ("http", "https"):
            self.notes.append(
                f"the picture `{original}` was not brought over: only http and https addresses are fetched"
                + ("" if self.old_site else " (give the old site's address with --old-site)")
                + "; it stays a link"
            )
            return None
        try:
            data = self.fetch(original, self.timeout, self.max_bytes)
            found = picture_format(data)
        except (URLError, OSError, ValueError) as exc:
            why = getattr(exc, "reason", None) or exc
            self.notes.append(
                f"the picture {original} could not be brought over ({why}): it stays a link to where it was; "
                "save it into images/ by hand and write ![what it shows]({static}/images/name.jpg)"
            )
            return None
        relpath = self._name_for(original, data, ENDINGS[found])
        if self.destination.write(relpath, data, source=original) is None:
            self.notes.append(f"the picture {original} was not written to {relpath}: that file is kept (see above)")
        return "{static}/" + relpath

    def _name_for(self, original: str, data: bytes, ending: str) -> str:
        """The name this import gave ``original`` before, else a free one made from the address."""
        for earlier in self.destination.written_by_import(original):
            if earlier.startswith(IMAGES_FOLDER + "/") and earlier not in self._names:
                self._names[earlier] = original
                return earlier
        stem = posixpath.splitext(posixpath.basename(unquote(urlsplit(original).path)))[0]
        stem = COPY_NAME.sub(r"-\1", slugify(stem)) or "picture"
        number = 1
        while True:
            relpath = f"{IMAGES_FOLDER}/{stem}{'' if number == 1 else f'-{number}'}{ending}"
            taken = relpath in self._names or self._taken_on_disk(relpath, data)
            if not taken:
                self._names[relpath] = original
                return relpath
            number += 1

    def _taken_on_disk(self, relpath: str, data: bytes) -> bool:
        path = self.destination.inside(relpath)
        if not os.path.lexists(path):
            return False
        if os.path.isfile(path) and not os.path.islink(path):
            with open(path, "rb") as handle:
                return handle.read() != data  # the same picture, there already: it may be reused
        return True
