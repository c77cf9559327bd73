"""Connect the branch directory generator (main site only)."""

from pelican import signals

from .generator import BranchDirectoryGenerator


def get_generators(pelican):
    if not pelican.settings.get("BRANCH"):
        return BranchDirectoryGenerator
    return None


def register():
    signals.get_generators.connect(get_generators)
