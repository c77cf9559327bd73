"""Writes each site's 404 page and, when publishing, robots.txt and security.txt."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from pelican.generators import Generator

from branch_subsites.branch_settings import branch_path
from incremental_build.files import write_output_file
from incremental_build.unchanged_build import holds_until

from .well_known import robots_txt, security_txt


def at_host_root(site_url: str) -> bool:
    """robots.txt and /.well-known/ count only at the root of a host, not below /branches/<slug>/."""
    return urlsplit(site_url).path.strip("/") == ""


class SiteFilesGenerator(Generator):
    def generate_context(self):
        # The folders of other sites inside this one's output (the branches, on the main site):
        # their pages are in their own sitemaps. Read again when the build ends (finalized).
        self.settings["SITE_FILES_SUBSITES"] = [
            (branch_path(branch["slug"]), branch["url"]) for branch in self.context.get("branches", [])
        ]

    def generate_output(self, writer):
        settings = self.settings
        writer.write_file(
            settings["SITE_FILES_NOT_FOUND_SAVE_AS"],
            self.get_template("404"),
            self.context,
            page_name="404",
        )
        site_url = settings["SITEURL"]
        if not settings.get("SITE_FILES") or not at_host_root(site_url):
            return
        sitemap = settings[
            "SITE_FILES_SITEMAP_SAVE_AS" if settings.get("BRANCH") else "SITE_FILES_SITEMAP_INDEX_SAVE_AS"
        ]
        write_output_file(
            self.output_path,
            settings["SITE_FILES_ROBOTS_SAVE_AS"],
            robots_txt(settings["SITE_FILES_ROBOTS_DISALLOW"], [f"{site_url}/{sitemap}"]),
        )
        security = settings["SITE_FILES_SECURITY_SAVE_AS"]
        write_output_file(self.output_path, security, security_txt(settings, f"{site_url}/{security}"))
        holds_until(settings, settings["BUILD_NOW"] + dt.timedelta(days=1))  # Expires counts from "now"
