"""incremental_build.atomic: a file is written whole under a temporary name and renamed into place,
its folder made when missing, and nothing is left behind when the write fails."""

from __future__ import annotations

import os

import pytest

from incremental_build.atomic import TEMPORARY_PREFIX, write_atomic


def test_a_missing_folder_is_made_and_the_file_written_whole(tmp_path):
    target = tmp_path / "news" / "2027" / "index.html"
    write_atomic(str(target), b"<p>one</p>")
    assert target.read_bytes() == b"<p>one</p>"
    assert os.listdir(target.parent) == ["index.html"]


def test_a_file_is_replaced_by_a_new_one_and_keeps_no_temporary(tmp_path):
    target = tmp_path / "index.html"
    target.write_bytes(b"old")
    before = target.stat().st_ino
    write_atomic(str(target), b"new", mtime_ns=1_798_761_600_000_000_000)
    assert target.read_bytes() == b"new" and target.stat().st_ino != before
    assert target.stat().st_mtime_ns == 1_798_761_600_000_000_000
    assert os.listdir(tmp_path) == ["index.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "index.html"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(str(target), b"new")
    assert target.read_bytes() == b"old"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(TEMPORARY_PREFIX)]


def test_a_folder_where_a_file_is_refuses_the_write(tmp_path):
    (tmp_path / "news").write_bytes(b"a file, not a folder")
    with pytest.raises(OSError):
        write_atomic(str(tmp_path / "news" / "index.html"), b"x")
    assert (tmp_path / "news").read_bytes() == b"a file, not a folder"
