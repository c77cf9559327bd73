"""A site's absolute address, and addresses under it."""

from __future__ import annotations

from urllib.parse import urlsplit


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
