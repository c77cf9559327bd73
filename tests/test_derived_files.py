"""Slow derived files (national calendars, search indexes) are made again only when their inputs change."""

from __future__ import annotations

from incremental_build.derived import write_derived


def test_made_once_for_the_same_inputs_and_again_when_they_change(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    out = tmp_path / "out"
    calls = []

    def make(text):
        def run():
            calls.append(text)
            return text.encode()

        return run

    assert write_derived(settings, str(out), "calendars/all.ics", "inputs 1", make("one"))
    assert not write_derived(settings, str(out), "calendars/all.ics", "inputs 1", make("one"))
    assert calls == ["one"] and (out / "calendars/all.ics").read_text() == "one"
    assert write_derived(settings, str(out), "calendars/all.ics", "inputs 2", make("two"))
    (out / "calendars/all.ics").unlink()  # a missing file is made again, whatever the cache says
    assert write_derived(settings, str(out), "calendars/all.ics", "inputs 2", make("two"))
    assert calls == ["one", "two", "two"]
