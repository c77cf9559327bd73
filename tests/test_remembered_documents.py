"""front_matter.document remembers the documents it read last: an unchanged file is not read again,
a changed one always is, and a file that cannot be read is reported every time."""

from __future__ import annotations

import os

from content_schema import ProblemList
from front_matter import document


def test_an_unchanged_file_is_read_once_and_a_changed_one_again(tmp_path, monkeypatch):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: One\n---\nText one.\n", encoding="utf-8")
    reads = []
    real = document.read_source_text
    monkeypatch.setattr(document, "read_source_text", lambda *a: reads.append(a[0]) or real(*a))

    first = document.read_document(str(path), ProblemList(root=str(tmp_path)))
    again = document.read_document(str(path), ProblemList(root=str(tmp_path)))
    assert again is first and reads == [str(path)]

    # the same size, the same second: only the nanoseconds of its modification time differ
    stat = path.stat()
    path.write_text("---\ntitle: Two\n---\nText two.\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    changed = document.read_document(str(path), ProblemList(root=str(tmp_path)))
    assert changed.front.data == {"title": "Two"} and changed.body == "Text two.\n"
    assert len(reads) == 2


def test_a_bad_file_is_reported_on_every_read(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("no front matter\n", encoding="utf-8")
    for _ in range(2):
        report = ProblemList(root=str(tmp_path))
        assert document.read_document(str(path), report) is None
        assert [p.line for p in report.problems] == [1]


def test_it_remembers_no_more_than_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "REMEMBERED_DOCUMENTS", 3)
    monkeypatch.setattr(document, "_remembered", type(document._remembered)())
    for index in range(5):
        path = tmp_path / f"post-{index}.md"
        path.write_text(f"---\ntitle: Post {index}\n---\nText.\n", encoding="utf-8")
        document.read_document(str(path), ProblemList(root=str(tmp_path)))
    assert [key[0] for key in document._remembered] == [str(tmp_path / f"post-{i}.md") for i in (2, 3, 4)]
