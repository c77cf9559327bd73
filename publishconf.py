"""Settings for publishing (`make publish`): the real address, absolute links, branch domains,
and the files servers and caches want (`make server-config`, docs/hosts.md)."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL") or "https://hedgerow.example"
# `make preview-build PR=N`: a pull request's preview, at SITEURL/previews/N/ (docs/ci.md)
if (pr := os.environ.get("PREVIEW_PR", "")).isascii() and pr.isdigit():
    SITEURL += "/previews/" + pr
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
BRANCH_OWN_DOMAINS = True
HASHED_ASSETS = True
SITE_FILES = True
PRECOMPRESSED_FILES = True
