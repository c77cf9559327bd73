"""Slow derived files (national calendars, search indexes) are made again only when their inputs change."""

from __future__ import annotations

from reproducible_output.derived import write_derived


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


def test_map_forked_keeps_the_order_in_workers_and_inline():
    import os

    from reproducible_output.forked import map_forked

    items = list(range(101))
    assert map_forked(abs, [-i for i in items], jobs=2, at_least=10) == items  # in two workers
    assert map_forked(abs, [-i for i in items], jobs=2, at_least=1000) == items  # too few: inline
    assert os.getpid() not in set(map_forked(_pid, items, jobs=2, at_least=10))  # really in workers


def _pid(_item):
    import os

    return os.getpid()
