"""Deterministic .gz and .br siblings of the text files."""

from __future__ import annotations

import gzip

import brotli

from kit_testing import tree_digest
from precompressed_files.compress import precompress_folder

SETTINGS = {
    "PRECOMPRESSED_FILES_SUFFIXES": [".html", ".css", ".js", ".json", ".xml", ".ics", ".txt"],
    "PRECOMPRESSED_FILES_MIN_SIZE": 256,
    "PRECOMPRESSED_FILES_GZIP_LEVEL": 9,
    "PRECOMPRESSED_FILES_BROTLI_QUALITY": 11,
}


def test_every_text_file_of_the_published_site_has_siblings_that_decompress_to_it(published_output):
    texts = [p for p in published_output.rglob("*") if p.suffix in {".html", ".css", ".js", ".json", ".ics"}]
    assert len(texts) > 50
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) < 256:
            continue
        assert gzip.decompress(gz.read_bytes()) == data, path
        assert brotli.decompress(br.read_bytes()) == data, path
        assert br.stat().st_mtime_ns == path.stat().st_mtime_ns  # nginx's Last-Modified comes from it


def test_small_files_and_binary_ones_are_left_alone(tmp_path):
    (tmp_path / "tiny.html").write_text("<p>hi</p>")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8" + bytes(5000))
    (tmp_path / "page.html").write_text("<p>words</p>\n" * 100)
    (tmp_path / "tiny.html.gz").write_bytes(b"stale")  # from an earlier build
    precompress_folder(str(tmp_path), SETTINGS)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "page.html",
        "page.html.br",
        "page.html.gz",
        "photo.jpg",
        "tiny.html",
    ]


def test_compressing_again_gives_the_same_bytes_and_leaves_files_untouched(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "data.json").write_text('{"a": "' + "x y " * 500 + '"}')
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "other.html").write_text("<p>other site</p>\n" * 100)
    precompress_folder(str(tmp_path), SETTINGS, skip_folders=["skip"])
    first = tree_digest(tmp_path)
    times = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.br")}
    precompress_folder(str(tmp_path), SETTINGS, skip_folders=["skip"])
    assert tree_digest(tmp_path) == first
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.br")} == times
    assert not list((tmp_path / "skip").glob("*.gz"))  # compressed by the other site's own build
    assert gzip.decompress((tmp_path / "sub" / "data.json.gz").read_bytes())[:6] == b'{"a": '
