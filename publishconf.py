"""Settings for publishing: the real address, absolute links, branch domains."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://hedgerow.example")
RELATIVE_URLS = False
BRANCH_OWN_DOMAINS = True
