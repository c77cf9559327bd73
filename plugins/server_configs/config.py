"""The settings server_configs owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, list_of, text_to_text

# The policy the theme keeps to (tests/browser.py loads every page under it): nothing from any other
# site, no inline script or style, no forms sent elsewhere, never in a frame.
CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # A year of HTTPS only. Add "; includeSubDomains" only once every subdomain has HTTPS.
    "Strict-Transport-Security": "max-age=31536000",
    # Other sites are not told which of our pages a reader came from.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def _aliases(settings: dict) -> list[str]:
    from .values import site_host  # the host checks live with the other values

    host = site_host(settings)
    return [f"www.{host}"] if host and "." in host and not host.startswith("www.") and host[-1].isalpha() else []


SETTINGS = [
    Setting(
        "SERVER_CONFIG_ROOT",
        None,
        (str, type(None)),
        "The live site's folder on the host: DEPLOY_PATH/current (or DEPLOY_PATH with DEPLOY_METHOD=direct); "
        "`make server-config` sets it from DEPLOY_PATH.",
    ),
    Setting(
        "SERVER_CONFIG_HEADERS",
        SECURITY_HEADERS,
        dict,
        "Headers every response carries, 404s included (the Content-Security-Policy the theme keeps to).",
        text_to_text,
    ),
    Setting(
        "SERVER_CONFIG_ALIASES",
        None,
        list,
        "Other hosts sent on to SITEURL's (by default www. before it).",
        list_of(str),
        default_from=_aliases,
    ),
    Setting(
        "SERVER_CONFIG_PREVIEWS",
        True,
        bool,
        "Serve previews (`make preview-upload`) from DEPLOY_PATH/previews at /previews/<number>/, noindex.",
    ),
    Setting("SERVER_CONFIG_TLS", True, bool, "Serve HTTPS (and send plain HTTP there); False behind a TLS proxy."),
    Setting("SERVER_CONFIG_HTTP_LISTEN", "80", str, "Where plain HTTP is served: a port, or address:port."),
    Setting("SERVER_CONFIG_HTTPS_LISTEN", "443", str, "Where HTTPS is served: a port, or address:port."),
    Setting(
        "SERVER_CONFIG_CERTIFICATES",
        "/etc/letsencrypt/live/{host}",
        str,
        "The folder of each host's fullchain.pem and privkey.pem, for nginx and Apache (Caddy gets its own).",
    ),
    Setting(
        "SERVER_CONFIG_ACME_ROOT",
        "/var/www/letsencrypt",
        str,
        "Where certbot's webroot challenges are written, served over plain HTTP (nginx, Apache).",
    ),
]
