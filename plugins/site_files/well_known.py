"""robots.txt and /.well-known/security.txt for a site served at the root of a host."""

from __future__ import annotations

import datetime as dt


def robots_txt(disallow: list[str], sitemap_urls: list[str]) -> bytes:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallow] or ["Disallow:"]
    lines.append("")
    lines += [f"Sitemap: {url}" for url in sitemap_urls]
    return ("\n".join(lines) + "\n").encode("utf-8")


def security_txt(settings: dict, canonical_url: str) -> bytes:
    """RFC 9116. Expires is the build's "now" plus SITE_FILES_SECURITY_EXPIRES_DAYS."""
    contacts = settings["SITE_FILES_SECURITY_CONTACT"]
    if not contacts:
        raise ValueError("SITE_FILES_SECURITY_CONTACT needs at least one mailto: or https: address")
    expires = settings["BUILD_NOW"].astimezone(dt.UTC) + dt.timedelta(days=settings["SITE_FILES_SECURITY_EXPIRES_DAYS"])
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}")
    if settings.get("SITE_FILES_SECURITY_LANGUAGES"):
        lines.append(f"Preferred-Languages: {settings['SITE_FILES_SECURITY_LANGUAGES']}")
    lines.append(f"Canonical: {canonical_url}")
    if settings.get("SITE_FILES_SECURITY_POLICY"):
        lines.append(f"Policy: {settings['SITE_FILES_SECURITY_POLICY']}")
    return ("\n".join(lines) + "\n").encode("utf-8")
