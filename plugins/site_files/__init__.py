"""site_files: the files a web server and crawlers expect beside the pages.

Every site gets a 404 page. With SITE_FILES on (publishconf.py), every site also gets
sitemap.xml; the main site a sitemap index listing its own sitemap and those of the branches
it serves; and each site served at the root of a host (the main site, a branch on its own
domain) robots.txt and /.well-known/security.txt (RFC 9116), whose expiry is counted from
the build's "now", so the same input gives the same file.
"""

from .register import register

__all__ = ["register"]
