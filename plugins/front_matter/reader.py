"""The Pelican reader for Markdown with YAML front matter."""

from __future__ import annotations

import datetime as dt
import html
import logging
import os

from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from content_schema import ContentProblems, ProblemList
from content_schema.fields import SLUG_PATTERN
from content_schema.report import format_line

from .content_file import kind_of, parse_content_file
from .converter import SiteConverter
from .document import reported_as_linked, size_limit
from .languages import wrap_sections

log = logging.getLogger(__name__)


def refused(report: ProblemList) -> ContentProblems:
    """A file the reader cannot read: its errors logged, with file and line (Pelican then logs only
    "Could not process" and the file's name), and the exception that says so."""
    problems = report.sorted()
    for problem in problems:
        if problem.is_error:
            log.error("front_matter: %s", format_line(problem))
    return ContentProblems(problems, listed=True)


class FrontMatterReader(BaseReader):
    """Reads news posts and pages; the Markdown converter is built once per reader."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings):
        super().__init__(settings)
        self._converter = None

    @property
    def converter(self) -> SiteConverter:
        if self._converter is None:
            self._converter = SiteConverter(self.settings)
        return self._converter

    def read(self, source_path):
        site_root = self.settings["PATH"]
        kind = kind_of(source_path, site_root, self.settings, main_site=not self.settings.get("BRANCH"))
        report = ProblemList(root=self.settings.get("KIT_ROOT") or site_root)
        if reported_as_linked(site_root, source_path, report, "page"):
            raise refused(report)
        if kind is None:
            report.error(
                source_path,
                0,
                "this Markdown file is not in a folder that is published",
                "Move it into news/ or pages/.",
            )
            raise refused(report)
        content_file = parse_content_file(source_path, kind, report, max_bytes=size_limit(self.settings))
        if content_file is None:
            raise refused(report)
        content = self.converter.convert(content_file.body, source_path, content_file.body_line, report)
        if content is None:
            raise refused(report)
        if content_file.values.get("languages"):
            content, _ = wrap_sections(content, content_file.values["languages"])  # missing ones: checks.py
        return content, self._metadata(content_file)

    def _check_tag_addresses(self, content_file, tags) -> None:
        """The settings in force make the tag pages' addresses: each must still fit the slug rule."""
        bad = [t for t in tags if not SLUG_PATTERN.match(t.slug)]
        if bad:
            report = ProblemList(root=self.settings.get("KIT_ROOT") or self.settings["PATH"])
            for t in bad:
                report.error(
                    content_file.path,
                    content_file.line_of("tags"),
                    f"`tags` `{t.name}` cannot be a tag: its page address would be `tags/{t.slug}/`",
                    "Use a word or two with letters or digits, e.g. `transport`.",
                )
            raise refused(report)

    def _metadata(self, content_file) -> dict:
        values = content_file.values
        if content_file.kind == "home":
            return self._home_metadata(content_file)
        metadata = {"title": values["title"], "slug": content_file.slug}
        if "date" in values:
            when = values["date"]
            if not isinstance(when, dt.datetime):
                when = dt.datetime.combine(when, dt.time())
            metadata["date"] = SafeDatetime(*when.timetuple()[:6])
        if "summary" in values:
            metadata["summary"] = html.escape(values["summary"], quote=False)
        if values.get("tags"):
            metadata["tags"] = self.process_metadata("tags", values["tags"])
            self._check_tag_addresses(content_file, metadata["tags"])
        if content_file.kind == "page":
            metadata["order"] = values.get("order", self.settings.get("PAGE_DEFAULT_ORDER", 50))
        for key in ("image", "image_alt", "image_decorative", "lang", "translation_of", "promoter"):
            if key in values:
                metadata[key] = values[key]
        return self._source(content_file, metadata)

    def _source(self, content_file, metadata: dict) -> dict:
        metadata["source_line"] = content_file.body_line
        metadata["source_relpath"] = os.path.relpath(content_file.path, self.settings["PATH"])
        return metadata

    def _home_metadata(self, content_file) -> dict:
        """The home page's file: a hidden page with no address of its own (Pelican's writer skips an
        empty save_as); home.html shows its parts (home_content.py)."""
        values = content_file.values
        metadata = {
            "title": values["headline"],
            "slug": content_file.slug,
            "status": "hidden",
            "url": "",
            "save_as": "",
            "order": self.settings.get("PAGE_DEFAULT_ORDER", 50),
            "home_headline": values["headline"],
            "home_lead": values["lead"],
            "home_statements": values["statements"],
            "home_statements_heading": values.get("statements_heading", "What we stand for"),
        }
        for key in ("image", "image_alt", "image_decorative", "lang"):
            if key in values:
                metadata[key] = values[key]
        return self._source(content_file, metadata)
