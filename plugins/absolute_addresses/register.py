"""Connect absolute_addresses: every feed's links and ids absolute."""

from pelican import signals

from .feeds import absolute_feed_addresses


def register():
    signals.feed_generated.connect(absolute_feed_addresses)
