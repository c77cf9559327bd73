"""Connect the privacy notice's generator (every site: the national one and each branch's)."""

from pelican import signals

from .generator import PrivacyNoticeGenerator


def get_generators(pelican):
    return PrivacyNoticeGenerator


def register():
    signals.get_generators.connect(get_generators)
