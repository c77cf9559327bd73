"""Connect precompressed_files: last of all, once every file of the site is written."""

from __future__ import annotations

import logging

from pelican import signals

from .compress import precompress_folder

log = logging.getLogger(__name__)


def compress_site(pelican) -> None:
    settings = pelican.settings
    if not settings.get("PRECOMPRESSED_FILES"):
        return
    # branches below the main site compressed their own files in their own builds
    subsites = [folder for folder, _url in settings.get("SITE_FILES_SUBSITES", [])]
    totals = precompress_folder(settings["OUTPUT_PATH"], settings, subsites)
    log.info(
        "precompressed_files: %d files, %d bytes: %d gzip, %d brotli",
        totals.files,
        totals.raw,
        totals.gz,
        totals.br,
    )


def register():
    signals.finalized.connect(compress_site)
