"""Connect the official channels generator (main site only)."""

from pelican import signals

from editor_checks.declared_settings import connect_declared_settings

from .generator import OfficialChannelsGenerator


def get_generators(pelican):
    if not pelican.settings.get("BRANCH"):
        return OfficialChannelsGenerator
    return None


def register():
    connect_declared_settings()  # first: every kit setting has its default before any receiver reads it
    signals.get_generators.connect(get_generators)
