"""Writes each site's editor page (CMS_ADMIN_URL: index.html and config.yml) and, on the main site,
the CMS's own files that every site's editor page loads."""

from __future__ import annotations

from pelican.generators import Generator

from branch_subsites.branch_settings import main_site_url
from incremental_build.files import write_output_file

from .cms_config import cms_config_text
from .cms_files import copy_cms_files


def repository_address(settings: dict) -> str:
    """The repository's own page on its forge, for editors without JavaScript."""
    base = "https://github.com" if settings["CMS_FORGE"] == "github" else settings["CMS_BASE_URL"]
    return f"{base.rstrip('/')}/{settings['CMS_REPO']}"


class BrowserEditorGenerator(Generator):
    def generate_output(self, writer):
        settings = self.settings
        if not settings["CMS_REPO"]:
            return
        admin = settings["CMS_ADMIN_URL"]
        writer.write_file(
            f"{admin}index.html",
            self.get_template("admin"),
            self.context,
            page_name="admin",
            CMS_SCRIPT_URL=f"{main_site_url(settings)}/{settings['CMS_FILES_URL']}decap-cms.js",
            CMS_REPOSITORY_ADDRESS=repository_address(settings),
        )
        write_output_file(self.output_path, f"{admin}config.yml", cms_config_text(settings))
        if not settings.get("BRANCH"):
            copy_cms_files(settings["CMS_DIST"], self.output_path, settings["CMS_FILES_URL"])
