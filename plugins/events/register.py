"""Connect the events generator and its checks."""

from jinja2 import pass_context
from pelican import signals

from editor_checks import check_site
from interface_language import page_language
from interface_language.catalogs import catalog_folders

from .checks import check_event_files
from .event_source import listed_place
from .generator import EventsGenerator
from .listing import title_without_status
from .wording import event_date


def add_filters(generator) -> None:
    default = generator.settings.get("DEFAULT_LANG")
    catalogs = catalog_folders(generator.settings)

    @pass_context
    def page_event_date(context, starts_at, timezone, all_day, with_year=False):
        """``starts|event_date(timezone, all_day)``: in the language of the page that shows it."""
        return event_date(starts_at, timezone, all_day, with_year, page_language(context, default), catalogs)

    @pass_context
    def local_when(context, entry) -> str:
        """``entry|local_when``: a listed event's date (listing.ListedEvent) in the page's language."""
        return entry.when_in(page_language(context, default), catalogs)

    @pass_context
    def local_time_of_day(context, entry) -> str:
        """``entry|local_time_of_day``: "7yh", or all day, in the page's language (a month's agenda)."""
        return entry.time_of_day_in(page_language(context, default), catalogs)

    generator.env.filters["event_date"] = event_date  # in English, whatever the page's language
    # a new name, not event_date's: a filter that takes the context is compiled so, and a template
    # compiled before (Jinja's bytecode cache, by source) would call it without
    generator.env.filters["local_event_date"] = page_event_date
    generator.env.filters["local_when"] = local_when
    generator.env.filters["local_time_of_day"] = local_time_of_day
    generator.env.filters["without_status"] = title_without_status
    generator.env.filters["listed_place"] = listed_place  # `place|listed_place(online)`


def get_generators(pelican):
    return EventsGenerator


def register():
    check_site.connect(check_event_files)
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_filters)
