"""Writes every PDF document a site publishes, without its metadata (documents.py)."""

from __future__ import annotations

import os

from pelican.generators import Generator

from incremental_build.containment import OutsideItsFolder, read_site_file
from incremental_build.files import write_output_file

from .documents import DocumentTrouble, published_document
from .problems import build_error
from .published import DOCUMENTS_KEY


class PublishedDocumentsGenerator(Generator):
    def generate_context(self):
        pass

    def generate_output(self, writer):
        # after the pages are written: an {attach} link moves its file beside its page as it is written
        for static in self.context.get(DOCUMENTS_KEY, []):
            relative = os.path.relpath(os.path.join(self.path, static.source_path), self.path)
            try:
                data = published_document(read_site_file(self.path, relative), relative.replace(os.sep, "/"))
                write_output_file(self.output_path, static.save_as, data)
            except (DocumentTrouble, OutsideItsFolder) as trouble:
                fix = getattr(trouble, "fix", "Link only to files in this site's folder.")
                build_error(self.settings, os.path.join(self.path, relative), 0, str(trouble), fix)
