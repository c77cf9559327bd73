"""A pull request's preview build: the site built for SITEURL/previews/N/ with SITE_FILES_NOINDEX.
Every page says noindex, every link to the site stays under the prefix and resolves, and there is
no sitemap or robots.txt claiming to be the live site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import PUBLISHED_SITEURL, publish, published_fixture

PREFIX = f"{PUBLISHED_SITEURL}/previews/21"
NOINDEX = '<meta name="robots" content="noindex">'
LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = published_fixture(tmp_path_factory.mktemp("preview") / "project")
    return publish(project, SITEURL=PREFIX, BRANCH_OWN_DOMAINS=False, SITE_FILES=False, SITE_FILES_NOINDEX=True)


def test_every_preview_page_says_noindex_once(preview):
    pages = sorted(preview.rglob("*.html"))
    assert len(pages) > 10
    assert [p.relative_to(preview) for p in pages if p.read_text(encoding="utf-8").count(NOINDEX) != 1] == []


def test_every_link_to_the_site_stays_under_the_prefix_and_resolves(preview):
    escaping, missing = [], []
    for page in sorted(preview.rglob("*.html")):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if url.startswith("/") or parts.netloc == urlsplit(PREFIX).netloc:
                if not (parts.path + "/").startswith(urlsplit(PREFIX).path + "/"):  # https: and webcal:
                    escaping.append(f"{page.relative_to(preview)}: {url}")
                    continue
                path = parts.path[len(urlsplit(PREFIX).path) :].lstrip("/")
                target = preview / path
                if path == "" or path.endswith("/") or target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    missing.append(f"{page.relative_to(preview)}: {url}")
    assert escaping == []
    assert missing == []


def test_a_preview_has_no_sitemap_or_robots_but_the_live_build_does(preview, published_output):
    for name in ("sitemap.xml", "robots.txt", "sitemap-index.xml"):
        assert not (preview / name).exists()
    assert (published_output / "sitemap.xml").is_file()
    live_pages = [p for p in published_output.rglob("*.html") if NOINDEX in p.read_text(encoding="utf-8")]
    assert sorted(p.name for p in live_pages) == ["404.html"] * len(live_pages) and live_pages
