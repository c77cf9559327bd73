"""Writes every site's privacy notice."""

from __future__ import annotations

from pelican.generators import Generator

from .places import collection_points
from .reader_postcode import postcode_uses


class PrivacyNoticeGenerator(Generator):
    def generate_context(self):
        self.context["privacy"] = {
            "places": collection_points(self.settings),
            "postcode": postcode_uses(self.settings),
        }

    def generate_output(self, writer):
        writer.write_file(
            self.settings["PRIVACY_SAVE_AS"],
            self.get_template("privacy"),
            self.context,
            url=self.settings["PRIVACY_URL"],
            page_name="privacy",
        )
