"""404 pages, sitemaps, robots.txt and security.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import PUBLISHED_BRANCH_DOMAIN, PUBLISHED_SITEURL
from site_files.sitemaps import sitemap_files

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locs(path, tag="url") -> list[str]:
    return [e.text for e in ET.parse(path).getroot().findall(f"s:{tag}/s:loc", NS)]


def test_every_site_has_a_404_page_linking_home_that_is_not_indexed(two_branches_output, published_output):
    for output, home in ((two_branches_output, "/"), (published_output, f"{PUBLISHED_SITEURL}/")):
        page = (output / "404.html").read_text(encoding="utf-8")
        assert '<h1 class="kit-title">Page not found</h1>' in page
        assert f'<a href="{home}">' in page
        assert '<meta name="robots" content="noindex">' in page
    alpha = (published_output / "branches" / "alpha" / "404.html").read_text(encoding="utf-8")
    assert f'<a href="{PUBLISHED_SITEURL}/branches/alpha/">Alphaton branch: home page</a>' in alpha


def test_dev_build_writes_no_sitemap_robots_or_security_txt(two_branches_output):
    for name in ("sitemap.xml", "sitemap-index.xml", "robots.txt", ".well-known/security.txt"):
        assert not (two_branches_output / name).exists(), name


def test_main_sitemap_lists_its_own_pages_once_and_no_branch_pages(published_output):
    urls = locs(published_output / "sitemap.xml")
    assert len(urls) == len(set(urls)) and urls == sorted(urls)
    assert f"{PUBLISHED_SITEURL}/" in urls
    assert f"{PUBLISHED_SITEURL}/about/" in urls
    assert f"{PUBLISHED_SITEURL}/branches/" in urls  # the directory is the main site's
    assert f"{PUBLISHED_SITEURL}/branches/england/" in urls
    assert not [u for u in urls if "/branches/alpha/" in u or "/branches/beta-net/" in u]
    assert not [u for u in urls if u.endswith(("404.html", "index.html"))]
    pages = [p for p in published_output.rglob("*.html") if "branches/alpha" not in str(p)]
    assert len(urls) == len([p for p in pages if "branches/beta-net" not in str(p)]) - 1  # all but 404


def test_each_branch_has_its_sitemap_and_the_index_lists_those_below_the_main_site(published_output):
    alpha = locs(published_output / "branches" / "alpha" / "sitemap.xml")
    assert f"{PUBLISHED_SITEURL}/branches/alpha/" in alpha
    assert all(u.startswith(f"{PUBLISHED_SITEURL}/branches/alpha/") for u in alpha)
    beta = locs(published_output / "branches" / "beta-net" / "sitemap.xml")
    assert f"https://{PUBLISHED_BRANCH_DOMAIN}/" in beta
    assert locs(published_output / "sitemap-index.xml", "sitemap") == [
        f"{PUBLISHED_SITEURL}/sitemap.xml",
        f"{PUBLISHED_SITEURL}/branches/alpha/sitemap.xml",  # beta-net is on another host
    ]


def test_robots_txt_at_each_host_root_names_its_sitemap(published_output):
    assert (published_output / "robots.txt").read_text() == (
        f"User-agent: *\nDisallow:\n\nSitemap: {PUBLISHED_SITEURL}/sitemap-index.xml\n"
    )
    beta = (published_output / "branches" / "beta-net" / "robots.txt").read_text()
    assert beta.endswith(f"Sitemap: https://{PUBLISHED_BRANCH_DOMAIN}/sitemap.xml\n")
    assert not (published_output / "branches" / "alpha" / "robots.txt").exists()  # not a host root


def test_security_txt_expires_a_fixed_time_after_the_builds_now(published_output):
    # conftest's PUBLISHED_NOW is 2026-11-01 12:00 UTC; SITE_FILES_SECURITY_EXPIRES_DAYS is 180
    text = (published_output / ".well-known" / "security.txt").read_text()
    assert text == (
        "Contact: mailto:security@test-party.example\n"
        "Expires: 2027-04-30T12:00:00Z\n"
        "Preferred-Languages: en, cy\n"
        f"Canonical: {PUBLISHED_SITEURL}/.well-known/security.txt\n"
    )
    beta = (published_output / "branches" / "beta-net" / ".well-known" / "security.txt").read_text()
    assert f"Canonical: https://{PUBLISHED_BRANCH_DOMAIN}/.well-known/security.txt" in beta


def test_a_sitemap_past_the_limit_is_split_into_numbered_parts():
    urls = [f"https://x.example/{n}/" for n in range(5)]
    assert sitemap_files(urls, "sitemap.xml", 5) == {"sitemap.xml": urls}
    assert sitemap_files(urls, "sitemap.xml", 2) == {
        "sitemap-1.xml": urls[:2],
        "sitemap-2.xml": urls[2:4],
        "sitemap-3.xml": urls[4:],
    }


def test_a_split_main_sitemap_is_listed_part_by_part(tmp_path):
    from conftest import publish, published_fixture

    output = publish(published_fixture(tmp_path / "project"), SITE_FILES_SITEMAP_MAX_URLS=10)
    parts = locs(output / "sitemap.xml", "sitemap")
    assert parts[0] == f"{PUBLISHED_SITEURL}/sitemap-1.xml" and len(parts) > 1
    index = locs(output / "sitemap-index.xml", "sitemap")
    assert index[: len(parts)] == parts
    assert f"{PUBLISHED_SITEURL}/branches/alpha/sitemap-1.xml" in index
    assert (
        sum(len(locs(output / p.rsplit("/", 1)[1])) for p in parts)
        == len([p for p in output.rglob("*.html") if "/branches/alpha/" not in str(p) and "/beta-net/" not in str(p)])
        - 1
    )
