"""Writes every site's privacy notice."""

from __future__ import annotations

from pelican.generators import Generator

from interface_language import translations

from .places import collection_points
from .reader_postcode import postcode_uses


class PrivacyNoticeGenerator(Generator):
    def generate_context(self):
        words = translations(self.settings, self.settings["DEFAULT_LANG"])  # the notice is in the site's language
        self.context["privacy"] = {
            "places": collection_points(self.settings, words),
            "postcode": postcode_uses(self.settings, words),
        }

    def generate_output(self, writer):
        writer.write_file(
            self.settings["PRIVACY_SAVE_AS"],
            self.get_template("privacy"),
            self.context,
            url=self.settings["PRIVACY_URL"],
            page_name="privacy",
        )
