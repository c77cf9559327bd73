"""The main site's branch directory: list, nation and region pages, finder and machine data."""

from __future__ import annotations

import functools

from pelican.generators import Generator

from absolute_addresses.addresses import absolute_address
from branch_subsites.records import BranchExports
from calls_to_action.actions import branch_steps
from incremental_build.files import write_output_file

from .entries import directory_entry
from .finder_data import finder_json
from .grouping import group_branches
from .machine_data import branches_json, branches_opml, calendars_opml


class BranchDirectoryGenerator(Generator):
    """Writes branches/ and its nation and region pages, branches.json, the OPML files and the finder data."""

    def generate_context(self):
        results = self.context.get("branch_results", {})
        self.entries = [
            directory_entry(b, results[b["slug"]].exports if b["slug"] in results else BranchExports(), self.settings)
            for b in self.context.get("branches", [])
        ]
        nations, networks = group_branches(self.entries, self.settings)
        self.context["directory_nations"] = nations
        self.context["directory_networks"] = networks

    def generate_output(self, writer):
        settings = self.settings
        site = {"site_name": settings["SITENAME"], "site_url": settings["SITEURL"]}
        finder_url = f"{settings['SITEURL']}/{settings['BRANCH_FINDER_JSON_SAVE_AS']}"
        writer.write_file(
            settings["BRANCH_DIRECTORY_SAVE_AS"],
            self.get_template("branch_directory"),
            self.context,
            url=settings["BRANCH_DIRECTORY_URL"],
            page_name="branch_directory",
            finder_url=finder_url,
        )
        for nation in self.context["directory_nations"]:
            writer.write_file(
                f"{nation.url}index.html",
                self.get_template("branch_directory_nation"),
                self.context,
                url=nation.url,
                page_name=nation.url.rstrip("/"),
                nation=nation,
            )
            for region in nation.regions:
                if region.url:
                    writer.write_file(
                        f"{region.url}index.html",
                        self.get_template("branch_directory_region"),
                        self.context,
                        url=region.url,
                        page_name=region.url.rstrip("/"),
                        nation=nation,
                        region=region,
                    )
        steps = functools.partial(branch_steps, settings)
        finder = finder_json(
            self.context["directory_nations"],
            site_url=settings["SITEURL"],
            steps=steps,
            language=settings["DEFAULT_LANG"],
        )
        self._write_bytes(settings["BRANCH_FINDER_JSON_SAVE_AS"], finder)
        self._write_bytes(settings["BRANCHES_JSON_SAVE_AS"], branches_json(self.entries, **site))
        # a feed reader or calendar app needs whole addresses, also in a `make html` preview
        opml = {"site_name": settings["SITENAME"], "address": functools.partial(absolute_address, settings)}
        self._write_bytes(settings["BRANCHES_OPML_SAVE_AS"], branches_opml(self.entries, **opml))
        self._write_bytes(settings["BRANCHES_CALENDARS_OPML_SAVE_AS"], calendars_opml(self.entries, **opml))

    def _write_bytes(self, relative: str, data: bytes) -> None:
        write_output_file(self.output_path, relative, data)
