"""A site's absolute address, and addresses under it."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


def site_address(settings: dict) -> str:
    """SITEURL if it is absolute (`make publish`); in a preview, SITEURL under the preview address."""
    site_url = settings["SITEURL"].rstrip("/")
    if is_absolute(site_url):
        return site_url
    preview = settings["ABSOLUTE_ADDRESSES_PREVIEW_SITEURL"].rstrip("/")
    return preview + site_url


def absolute_address(settings: dict, url: str) -> str:
    """``url`` as written in a page (absolute, root-relative or relative to the site) made absolute."""
    if is_absolute(url):
        return url
    site = site_address(settings)
    if url.startswith("/"):
        parts = urlsplit(site)
        return f"{parts.scheme}://{parts.netloc}{url}"
    return f"{site}/{url}"


def is_under(address: str, own: str) -> bool:
    """Whether ``address`` is at or below ``own`` (which ends in /) once its path is normalised: no
    `..` or `.` segment (nor one written %2e%2e), no backslash, and ``posixpath.normpath`` of the path
    still under ``own``'s (`.../branches/a/../b/x.jpg` is branch b's, not a's)."""
    if not isinstance(address, str) or not address.startswith(own):
        return False
    path, own_path = unquote(urlsplit(address).path), urlsplit(own).path
    if "\\" in path or any(segment in ("..", ".") for segment in path.split("/")):
        return False
    normal = posixpath.normpath(path) + ("/" if path.endswith("/") else "")
    return normal.startswith(own_path) or normal + "/" == own_path
