"""Connect absolute_addresses: every feed's links and ids absolute."""

from pelican import signals

from editor_checks.declared_settings import connect_declared_settings

from .feeds import absolute_feed_addresses


def register():
    connect_declared_settings()  # first: every kit setting has its default before any receiver reads it
    signals.feed_generated.connect(absolute_feed_addresses)
