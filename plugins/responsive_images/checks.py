"""Checks for every picture every content file uses (a check_site receiver).

Each problem is reported at the content file and line that uses the picture, with every other
problem of every site, before anything is built. A file found good is remembered (by its hash)
in the site's cache, so a second check of an unchanged site opens no picture at all.
"""

from __future__ import annotations

import os

from branch_subsites.branch_config import BRANCH_FILE, load_branches
from branch_subsites.branch_settings import branch_cache_path
from content_schema import ProblemList
from content_schema.source_text import FileTooLarge, read_source_text
from editor_checks.sites import markdown_files
from front_matter.converted_texts import ConvertedTexts, converter_key
from front_matter.converter import convert_text, site_markdown
from front_matter.document import read_document, size_limit
from html_policy.converter_settings import site_converter_settings

from .cache import PictureCache
from .config import image_settings
from .references import (
    IMAGE,
    PictureFile,
    PictureUse,
    alt_trouble,
    front_matter_use,
    may_use_pictures,
    resolve,
    text_uses,
)
from .source_files import PictureTrouble, open_picture

MARKDOWN_SUFFIXES = (".md", ".markdown")


def site_cache_path(settings: dict, site) -> str:
    return settings["CACHE_PATH"] if site.slug is None else branch_cache_path(settings, site.slug)


def picture_trouble(found: PictureFile, cache: PictureCache, max_pixels: int) -> PictureTrouble | None:
    """What is wrong with the file itself, if anything (decoded in full unless known good)."""
    digest = cache.source_digest(found.path)
    extension = os.path.splitext(found.relpath)[1]
    if cache.is_known_good(digest, extension):
        return None
    with open(found.path, "rb") as handle:
        data = handle.read()
    try:
        open_picture(data, found.relpath, max_pixels).close()
    except PictureTrouble as trouble:
        return trouble
    cache.remember_good(digest, extension)
    return None


def check_pictures(settings, sites, report) -> None:
    config = image_settings(settings)
    markdown = None
    branches = None
    for site in sites:
        cache = PictureCache(site_cache_path(settings, site), config)
        troubles: dict[str, PictureTrouble | None] = {}  # each file is looked at once per check
        converted = ConvertedTexts(settings, site.slug)
        converter = converter_key(site_converter_settings(settings, site.trusted))
        if site.slug is not None:
            if branches is None:  # read once (and kept) by the branch checks: their problems are theirs
                branches = {b.slug: b for b in load_branches(settings, ProblemList(root=report.root))}
            _check_branch_picture(branches.get(site.slug), site, config, cache, troubles, report)
        for path in markdown_files(site.path, settings):
            try:
                text = read_source_text(path, size_limit(settings))
            except (OSError, UnicodeDecodeError, FileTooLarge):
                continue  # the front matter checks report it
            if not may_use_pictures(text):
                continue
            document = read_document(path, ProblemList(root=report.root), text)  # its errors: other checks
            if document is None:
                continue
            uses = []
            image = front_matter_use(document.front)
            if image is not None:
                uses.append(image)
            elif isinstance(document.front.data, dict) and document.front.data.get("image_decorative") is True:
                report.warning(
                    path,
                    document.front.line_of("image_decorative", default=1),
                    "`image_decorative` is given, but there is no `image`",
                    "Delete the `image_decorative` line, or add the picture with `image:`.",
                )
            if may_use_pictures(document.body):
                kept = converted.get(converter, document.body)  # html_policy's check converted it
                if kept is not None:
                    html_text = kept[1] or kept[0]  # before cleaning, as a trusted site's pages have it
                else:
                    if markdown is None:
                        markdown = site_markdown(settings)
                    html_text = convert_text(markdown, document.body, path, document.body_line, report)
                if html_text is None:
                    continue
                uses += text_uses(html_text, document.body, document.body_line)
            for use in uses:
                missing_words = alt_trouble(use)
                if missing_words:
                    line, trouble = missing_words
                    report.error(path, line, trouble.message, trouble.fix)
                try:
                    found = resolve(use, path, site.path, config.folder)
                except PictureTrouble as trouble:
                    report.error(path, use.line, trouble.message, trouble.fix)
                    continue
                if found.relpath not in troubles:
                    troubles[found.relpath] = picture_trouble(found, cache, config.max_pixels)
                trouble = troubles[found.relpath]
                if trouble is not None:
                    report.error(path, use.line, trouble.message, trouble.fix)
        cache.save_index()


def _check_branch_picture(branch, site, config, cache: PictureCache, troubles: dict, report) -> None:
    """branch.yaml's `picture` is a picture the site can publish (its name and alt text: branch_config)."""
    if branch is None or not branch.picture:
        return
    path = os.path.join(site.path, BRANCH_FILE)
    try:
        found = resolve(PictureUse(IMAGE, branch.picture, branch.picture_line), path, site.path, config.folder)
    except PictureTrouble:
        return  # branch_config reports it
    troubles[found.relpath] = trouble = picture_trouble(found, cache, config.max_pixels)
    if trouble is not None:
        report.error(path, branch.picture_line, trouble.message, trouble.fix)
