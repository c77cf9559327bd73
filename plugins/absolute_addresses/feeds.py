"""Atom feeds with absolute links and ids, also when SITEURL is root-relative.

Pelican joins an entry's link to SITEURL and derives its id from the link's host, so with
SITEURL "" a preview's feed has ids like `tag:None,2026-02-01:/news/...` and a feed id `/`,
which no feed reader can tell apart from another site's."""

from __future__ import annotations

from feedgenerator import get_tag_uri

from .addresses import absolute_address, is_absolute


def absolute_feed_addresses(context, feed) -> None:
    """A feed_generated receiver: runs after Pelican made the feed, before it is written."""
    if is_absolute(context["SITEURL"]):
        return
    for key in ("link", "feed_url", "id"):  # a generator's context holds every setting
        if feed.feed.get(key):
            feed.feed[key] = absolute_address(context, feed.feed[key])
    for item in feed.items:
        item["link"] = absolute_address(context, item["link"])
        item["unique_id"] = get_tag_uri(item["link"], item["pubdate"])
