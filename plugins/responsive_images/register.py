"""Connect responsive_images: its checks (pictures, and imprints that fit a card), the reading of
every page's pictures, the withholding of picture files from Pelican's static copy, and the
generator that writes the copies and cards."""

from pelican import signals

from editor_checks import check_site

from .card_imprints import check_card_imprints
from .checks import check_pictures
from .config import image_settings
from .content import prepare_event_pages, prepare_pelican_content, withhold_picture_files
from .generator import ResponsiveImagesGenerator


def check_settings(pelican) -> None:
    image_settings(pelican.settings)  # a wrong RESPONSIVE_IMAGES_* setting stops the build at once


def get_generators(pelican):
    return ResponsiveImagesGenerator


def register():
    check_site.connect(check_pictures)
    check_site.connect(check_card_imprints)
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(prepare_pelican_content)
    signals.all_generators_finalized.connect(prepare_event_pages)
    signals.static_generator_finalized.connect(withhold_picture_files)
    signals.get_generators.connect(get_generators)
