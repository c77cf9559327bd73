"""Connect the front matter reader and its checks."""

from pelican import signals

from editor_checks import check_site

from .addresses import pin_article_addresses, pin_page_addresses
from .checks import check_content_files
from .home_content import gather_home_content
from .reader import FrontMatterReader


def use_front_matter_reader(readers) -> None:
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    signals.readers_init.connect(use_front_matter_reader)
    check_site.connect(check_content_files)
    signals.article_generator_finalized.connect(pin_article_addresses)
    signals.page_generator_finalized.connect(pin_page_addresses)
    signals.all_generators_finalized.connect(gather_home_content)
