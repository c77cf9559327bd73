"""absolute_addresses: the site's address with its scheme and host, in a `make html` preview too.

Pages keep root-relative links while SITEURL is "" (`make html`, `make serve`), but some
addresses must be absolute whatever the build: an Atom feed's ids, a calendar's URL and the
subscribe links, the JSON-LD of event pages. In a preview they are made under
ABSOLUTE_ADDRESSES_PREVIEW_SITEURL (where `make serve` shows the site), so a preview's feeds and
calendars can be tried in a real feed reader or calendar app.
"""

from .register import register

__all__ = ["register"]
