"""Writes official/ and official.json on the main site."""

from __future__ import annotations

import json

from pelican.generators import Generator

from incremental_build.files import write_output_file

from .listing import action_pages, official_listing


class OfficialChannelsGenerator(Generator):
    def generate_context(self):
        self.listing = official_listing(self.settings, self.context.get("branches", []))
        self.context["official"] = self.listing
        self.context["official_action_pages"] = action_pages(self.settings, self.context.get("branches", []))

    def generate_output(self, writer):
        settings = self.settings
        writer.write_file(
            settings["OFFICIAL_SAVE_AS"],
            self.get_template("official"),
            self.context,
            url=settings["OFFICIAL_URL"],
            page_name="official",
        )
        public = {
            **self.listing,
            "accounts": [{k: v for k, v in a.items() if k != "type_label"} for a in self.listing["accounts"]],
        }
        data = json.dumps(public, ensure_ascii=False, indent=1) + "\n"
        write_output_file(self.output_path, settings["OFFICIAL_JSON_SAVE_AS"], data.encode("utf-8"))
