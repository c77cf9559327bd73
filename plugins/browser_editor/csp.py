"""The Content-Security-Policy the admin pages are served under, and only they.

Every other page keeps ``default-src 'self'`` (server_configs.config). The CMS needs more, and
nothing else: it builds its form checks with ``new Function`` ('unsafe-eval'), its editor sets
``style=`` ('unsafe-inline' for styles, not scripts), previews pictures from ``blob:`` and ``data:``
addresses, and talks to the forge's API and sign-in page (connect-src). No script from another host.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def origin(url: str) -> str:
    """``https://host[:port]`` of an address, or '' when it has none."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in {"https", "http"} and parts.netloc else ""


def forge_origins(settings: dict) -> list[str]:
    """The origins the admin pages talk to: the forge's API and where editors sign in."""
    found = []
    for name in ("CMS_API_ROOT", "CMS_BASE_URL"):
        value = origin(settings.get(name) or "")
        if value and value not in found:
            found.append(value)
    return found


def admin_content_security_policy(settings: dict) -> str:
    connect = " ".join(["'self'", *forge_origins(settings)])
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:; connect-src {connect}; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
