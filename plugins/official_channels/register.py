"""Connect the official channels generator (main site only)."""

from pelican import signals

from .generator import OfficialChannelsGenerator


def get_generators(pelican):
    if not pelican.settings.get("BRANCH"):
        return OfficialChannelsGenerator
    return None


def register():
    signals.get_generators.connect(get_generators)
