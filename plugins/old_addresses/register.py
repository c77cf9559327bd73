"""Connect the redirects' check; the redirects themselves are the server's (server_configs)."""

from editor_checks import check_site

from .checks import check_redirects


def register():
    check_site.connect(check_redirects)
