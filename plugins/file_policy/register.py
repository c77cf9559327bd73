"""Connect file_policy: its check, the escaping of file addresses, the withholding of files a site
may not publish, the documents' generator, and the check of every page written."""

from pelican import signals

from editor_checks import check_site

from .addresses import escape_file_addresses
from .checks import check_site_files
from .generator import PublishedDocumentsGenerator
from .published import withhold_unpublishable
from .written_pages import check_written_page


def get_generators(pelican):
    return PublishedDocumentsGenerator


def register():
    check_site.connect(check_site_files)
    signals.initialized.connect(escape_file_addresses)
    signals.static_generator_finalized.connect(withhold_unpublishable)
    signals.get_generators.connect(get_generators)
    signals.content_written.connect(check_written_page)
