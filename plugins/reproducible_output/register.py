"""Connect reproducible_output."""

from pelican import signals

from .clock import set_build_now
from .feeds import stable_feed_date


def fix_build_now(pelican) -> None:
    set_build_now(pelican.settings)


def register():
    signals.initialized.connect(fix_build_now)
    signals.feed_generated.connect(stable_feed_date)
