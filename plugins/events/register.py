"""Connect the events generator and its checks."""

from pelican import signals

from editor_checks import check_site

from .checks import check_event_files
from .event_source import listed_place
from .generator import EventsGenerator
from .listing import title_without_status
from .wording import event_date


def add_filters(generator) -> None:
    generator.env.filters["event_date"] = event_date
    generator.env.filters["without_status"] = title_without_status
    generator.env.filters["listed_place"] = listed_place  # `place|listed_place(online)`


def get_generators(pelican):
    return EventsGenerator


def register():
    check_site.connect(check_event_files)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
