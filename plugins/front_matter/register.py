"""Connect the front matter reader and its checks."""

from pelican import signals

from editor_checks import check_site

from .checks import check_content_files
from .reader import FrontMatterReader


def use_front_matter_reader(readers) -> None:
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def register():
    signals.readers_init.connect(use_front_matter_reader)
    check_site.connect(check_content_files)
