"""Connect the accessibility statement's generator (every site: the national one and each branch's)."""

from pelican import signals

from .generator import AccessibilityStatementGenerator


def get_generators(pelican):
    return AccessibilityStatementGenerator


def register():
    signals.get_generators.connect(get_generators)
