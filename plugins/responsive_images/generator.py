"""Writes every site's picture copies and share cards, and says how many were made and reused."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict

from pelican.generators import Generator

from branch_subsites.records import PictureCounts
from incremental_build.files import write_output_file

from .references import IMAGE, PictureUse
from .site_pictures import site_pictures


class ResponsiveImagesGenerator(Generator):
    def generate_context(self):
        # Pages with no picture of their own (lists, the directory, search ...) share the site's card.
        site = site_pictures(self.context, self.settings)
        self.context["SHARE_CARD"] = site.site_card()
        branch = self.settings.get("BRANCH") or {}
        if branch.get("picture"):  # branch.yaml's `picture`, for the branch's home page
            use = PictureUse(IMAGE, branch["picture"], branch["picture_line"], branch["picture_alt"])
            self.context["branch_picture"] = site.standalone(use, os.path.join(branch["folder"], "branch.yaml"))

    def generate_output(self, writer):
        site = site_pictures(self.context, self.settings)
        site.write(self.output_path, write_output_file)
        if self.settings.get("BRANCH"):
            self.settings["BRANCH_EXPORTS"].pictures = PictureCounts(**site.counts)
            return
        totals = dict(site.counts)
        built = [r for r in self.context.get("branch_results", {}).values() if r.built]
        for result in built:
            for key, value in asdict(result.exports.pictures).items():
                totals[key] = totals.get(key, 0) + value
        sys.stderr.write(
            f"responsive_images: pictures {totals['processed']} processed, {totals['reused']} reused; "
            f"share cards {totals['cards_drawn']} drawn, {totals['cards_reused']} reused "
            f"(main site {site.seconds:.1f} s, and {len(built)} branches built)\n"
        )
