"""Connect site_files: the 404 page, robots.txt and security.txt as pages are written; the
sitemaps once every page is there."""

from __future__ import annotations

import glob
import os
import re

from pelican import signals

from incremental_build.files import write_output_file

from .generator import SiteFilesGenerator
from .sitemaps import page_urls, sitemap_files, sitemap_index, urlset


def get_generators(pelican):
    return SiteFilesGenerator


def _sitemaps_in(folder: str, save_as: str) -> list[str]:
    """The sitemap files a site wrote: numbered parts if it was split, else the one file."""
    stem, suffix = os.path.splitext(save_as)
    pattern = re.compile(rf"^{re.escape(stem)}-[0-9]+{re.escape(suffix)}$")
    parts = sorted(
        (os.path.basename(p) for p in glob.glob(os.path.join(folder, f"{stem}-*{suffix}"))),
        key=lambda name: int(name[len(stem) + 1 : -len(suffix)]) if pattern.match(name) else -1,
    )
    parts = [p for p in parts if pattern.match(p)]
    return parts or ([save_as] if os.path.isfile(os.path.join(folder, save_as)) else [])


def write_sitemaps(pelican) -> None:
    settings = pelican.settings
    if not settings.get("SITE_FILES"):
        return
    output, site_url = settings["OUTPUT_PATH"], settings["SITEURL"]
    save_as = settings["SITE_FILES_SITEMAP_SAVE_AS"]
    subsites = settings.get("SITE_FILES_SUBSITES", [])
    urls = page_urls(output, site_url, [folder for folder, _url in subsites])
    files = sitemap_files(urls, save_as, settings["SITE_FILES_SITEMAP_MAX_URLS"])
    for name, part in files.items():
        write_output_file(output, name, urlset(part))
    if len(files) > 1:  # sitemap.xml lists its parts
        write_output_file(output, save_as, sitemap_index([f"{site_url}/{name}" for name in files]))
    if settings.get("BRANCH"):
        return
    # The main site's index: its own sitemap and every branch's served below its address
    # (a branch on its own domain is another host; its robots.txt names its sitemap).
    listed = [f"{site_url}/{name}" for name in files]
    for folder, url in subsites:
        if url.startswith(site_url + "/"):
            listed += [f"{url}/{name}" for name in _sitemaps_in(os.path.join(output, folder), save_as)]
    write_output_file(output, settings["SITE_FILES_SITEMAP_INDEX_SAVE_AS"], sitemap_index(listed))


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_sitemaps)
