"""make bench's output by kind (bench/output_kinds.py): every file of a build in one kind, by its
name and folder, counted and summed."""

from __future__ import annotations

from bench.output_kinds import KINDS, by_kind, kind_of, sizes, table

FILES = {
    "index.html": 100,
    "branches/ashby-000/news/a-post/index.html": 300,
    "cards/page-about.png": 1000,
    "branches/ashby-000/cards/post-a-post.png": 2000,
    "images/hero-640.webp": 400,
    "images/leaflet.png": 500,  # a PNG, not a share card: not in a cards/ folder
    "cards/odd.webp": 50,  # a share card is a PNG; any other picture there is a picture
    "theme/brand/logo.svg": 60,
    "favicon.ico": 10,
    "calendars/all.ics": 700,
    "branches/ashby-000/events/calendar.ics": 70,
    "feeds/all.atom.xml": 800,
    "sitemap.xml": 80,
    "search/search.json": 900,
    "branches/ashby-000/search/search.json": 90,
    "research/notes.json": 9,  # "search" is the folder's whole name, not part of it
    "events/near/G.json": 11,
    "index.html.gz": 40,
    "search/search.json.br": 30,
    "theme/js/search.js": 5,
    "robots.txt": 1,
}


def write(folder, files):
    for path, size in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(b"x" * size)


def test_each_file_is_of_its_kind(tmp_path):
    write(tmp_path, FILES)
    found = sizes(tmp_path)
    assert found == FILES
    assert by_kind(found) == {
        "HTML": (2, 400),
        "share cards (cards/*.png)": (2, 3000),
        "other pictures": (5, 1020),
        "calendars (.ics)": (2, 770),
        "feeds and other XML": (2, 880),
        "search JSON": (2, 990),
        "other JSON": (2, 20),
        "compressed copies (.gz, .br)": (2, 70),
        "other": (2, 6),
    }
    assert list(by_kind(found)) == KINDS  # in the order they are printed


def test_suffixes_count_whatever_their_case_and_folders_by_their_exact_name():
    assert kind_of("Index.HTML") == "HTML"
    assert kind_of("cards/Page-A.PNG") == "share cards (cards/*.png)"
    assert kind_of("SEARCH/search.json") == "other JSON"
    assert kind_of("share-cards/page-a.png") == "other pictures"


def test_the_table_has_every_kind_the_total_and_the_biggest_kinds_average(tmp_path):
    write(tmp_path, FILES)
    lines = table(sizes(tmp_path))
    assert lines[0].split() == ["output", "by", "kind", "files", "MB", "share"]
    assert [line.rsplit(None, 3)[0] for line in lines[1:10]] == KINDS
    assert lines[10].split() == ["total", "21", "0.01", "100%"]
    # share cards: 3000 bytes in 2 files
    assert lines[11] == "biggest kind: share cards (cards/*.png), 1.5 kB a file on average"
    assert lines[12].startswith("other: .js 0.00 MB, .txt 0.00 MB")


def test_an_empty_output_prints_zeros():
    lines = table({})
    assert lines[10].split() == ["total", "0", "0.00", "-"]
    assert len(lines) == 11
