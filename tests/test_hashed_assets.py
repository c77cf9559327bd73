"""Theme files under content-hashed names, and the modules that import each other by name."""

from __future__ import annotations

import re

import pytest

from conftest import PUBLISHED_BRANCH_DOMAIN, PUBLISHED_SITEURL
from hashed_assets.manifest import AssetGraphError, hash_assets


def fake_theme(tmp_path, files: dict[str, str]) -> dict:
    for name, text in files.items():
        path = tmp_path / "static" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {
        "THEME": str(tmp_path),
        "THEME_STATIC_PATHS": ["static"],
        "HASHED_ASSETS_SUFFIXES": [".css", ".js"],
        "HASHED_ASSETS_DIGEST_LENGTH": 10,
    }


def test_an_import_names_the_hashed_file_and_its_change_renames_the_importer(tmp_path):
    files = {
        "js/leaf.js": "export const x = 1;\n",
        "js/main.js": 'import { x } from "./leaf.js";\nimport("./leaf.js");\n// ./leaf.js in a comment stays\n',
        "js/other.js": "export const y = 2;\n",
        "css/site.css": "body { color: red; }\n",
    }
    first = hash_assets(fake_theme(tmp_path, files))
    leaf, main = first["js/leaf.js"][0], first["js/main.js"][0]
    assert re.fullmatch(r"js/leaf\.[0-9a-f]{10}\.js", leaf)
    text = first["js/main.js"][1].decode()
    assert f'from "./{leaf[3:]}"' in text and f'import("./{leaf[3:]}")' in text
    assert "// ./leaf.js in a comment stays" in text

    files["js/leaf.js"] = "export const x = 2;\n"
    second = hash_assets(fake_theme(tmp_path, files))
    assert second["js/leaf.js"][0] != leaf
    assert second["js/main.js"][0] != main  # only its import changed, yet it must be renamed
    assert second["js/other.js"] == first["js/other.js"]
    assert second["css/site.css"] == first["css/site.css"]


def test_a_stylesheet_url_is_rewritten_too(tmp_path):
    assets = hash_assets(
        fake_theme(tmp_path, {"css/site.css": "@import url('print.css');\n", "css/print.css": "p {}\n"})
    )
    assert f"url('{assets['css/print.css'][0][4:]}')" in assets["css/site.css"][1].decode()


def test_a_circle_of_imports_is_an_error_naming_it(tmp_path):
    files = {"a.js": 'import "./b.js";\n', "b.js": 'import "./a.js";\n'}
    with pytest.raises(AssetGraphError, match=r"a\.js -> b\.js -> a\.js"):
        hash_assets(fake_theme(tmp_path, files))


def test_dev_build_keeps_plain_names(two_branches_output):
    home = (two_branches_output / "index.html").read_text(encoding="utf-8")
    assert 'href="/theme/css/site.css"' in home
    assert not list((two_branches_output / "theme").rglob("site.*.css"))


def linked_assets(html: str) -> list[str]:
    """The theme's stylesheets and scripts a page links (party_brand's icons keep plain names)."""
    return re.findall(r'(?:href|src)="([^"]*/theme/[^"]+\.(?:css|js))"', html)


def test_published_pages_link_hashed_files_that_exist(published_output):
    pages = {
        "": published_output / "index.html",
        "search": published_output / "search" / "index.html",
        "finder": published_output / "branches" / "index.html",
    }
    seen = set()
    for page in pages.values():
        for url in linked_assets(page.read_text(encoding="utf-8")):
            assert url.startswith(f"{PUBLISHED_SITEURL}/theme/"), url
            assert re.search(r"\.[0-9a-f]{10}\.(css|js)$", url), url
            assert (published_output / url.removeprefix(PUBLISHED_SITEURL + "/")).is_file(), url
            seen.add(url.rsplit("/", 1)[1].split(".")[0])
    assert seen == {"site", "lunr", "search", "branch-finder", "home-events"}


def test_published_module_imports_resolve_to_hashed_files(published_output):
    js = published_output / "theme" / "js"
    for module in js.glob("*.*.js"):
        for spec in re.findall(r'from "(\./[^"]+)"', module.read_text(encoding="utf-8")):
            assert re.fullmatch(r"\./[a-z-]+\.[0-9a-f]{10}\.js", spec), (module.name, spec)
            assert (js / spec[2:]).is_file(), spec


def test_branch_below_main_site_uses_the_main_copy_and_own_domain_its_own(published_output):
    alpha = (published_output / "branches" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert all(u.startswith(f"{PUBLISHED_SITEURL}/theme/") for u in linked_assets(alpha))
    assert not (published_output / "branches" / "alpha" / "theme").exists()
    beta = (published_output / "branches" / "beta-net" / "index.html").read_text(encoding="utf-8")
    urls = linked_assets(beta)
    assert urls and all(u.startswith(f"https://{PUBLISHED_BRANCH_DOMAIN}/theme/") for u in urls)
    for url in urls:
        assert (published_output / "branches" / "beta-net" / url.split("/", 3)[3]).is_file()
