"""Connect the link checks."""

from editor_checks import check_site

from .checks import check_content_links


def register():
    check_site.connect(check_content_links)
