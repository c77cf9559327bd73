"""Connect the link checks."""

from editor_checks import check_site
from editor_checks.declared_settings import connect_declared_settings

from .checks import check_content_links


def register():
    connect_declared_settings()  # first: every kit setting has its default before any receiver reads it
    check_site.connect(check_content_links)
