"""Connect the front matter reader and its checks."""

from pelican import signals

from editor_checks import check_site

from .addresses import pin_article_addresses, pin_page_addresses
from .checks import check_content_files
from .home_content import gather_home_content
from .pairs import add_language_filters, pair_content, place_article_pairs, place_page_pairs
from .reader import FrontMatterReader


def use_front_matter_reader(readers) -> None:
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    signals.initialized.connect(add_language_filters)
    signals.readers_init.connect(use_front_matter_reader)
    signals.content_object_init.connect(pair_content)
    signals.article_generator_pretaxonomy.connect(place_article_pairs)
    check_site.connect(check_content_files)
    signals.article_generator_finalized.connect(pin_article_addresses)
    signals.page_generator_finalized.connect(place_page_pairs)  # before the addresses are pinned
    signals.page_generator_finalized.connect(pin_page_addresses)
    signals.all_generators_finalized.connect(gather_home_content)
