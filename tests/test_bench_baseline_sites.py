"""make bench's baselines (bench/baseline_sites.py): a tiny synthetic site's Markdown, all of it, as
one Hugo site and as one plain Pelican site, from copies each reads as the kit reads the original.
Hugo itself is not run here (the benchmark's tool, not the tests'): its copies are checked as YAML
with the dates it reads; plain Pelican is run, as it comes with the kit."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml

from bench.baseline_sites import MAIN, split_front_matter, write_hugo_site, write_plain_site
from bench.synthetic_site import generate

NEWS, EVENTS, PAGES = 3, 17, 4  # the 1st event repeats, the 17th is cancelled; 3 pages have an order


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    dest = tmp_path_factory.mktemp("bench") / "site"
    return generate(dest, branches=2, news=NEWS, events=EVENTS, pages=PAGES, seed=3)


def originals(project):
    """{(site, kind, file name): (front matter, body)} of the project's Markdown."""
    found = {}
    for site, folder in [(MAIN, project / "content"), *((b.name, b) for b in (project / "branches").iterdir())]:
        for kind in ("news", "events", "pages"):
            for path in (folder / kind).glob("*.md"):
                found[site, kind, path.name] = split_front_matter(path.read_text(encoding="utf-8"))
    return found


def when(text: str) -> dt.datetime:
    return dt.datetime.strptime(str(text), "%Y-%m-%d %H:%M")


def test_the_hugo_site_has_a_copy_of_every_file_that_hugo_reads_as_the_kit_does(project, tmp_path):
    site = write_hugo_site(project, tmp_path / "hugo")
    assert (site / "config.toml").is_file()
    assert {p.relative_to(site / "layouts").as_posix() for p in (site / "layouts").rglob("*.html")} == {
        "_default/baseof.html",
        "_default/single.html",
        "_default/list.html",
    }
    found = originals(project)
    assert len(found) == 3 * (NEWS + EVENTS + PAGES)
    kinds = {"news": 0, "events": 0, "pages": 0, "cancelled": 0, "repeat": 0}
    for (site_name, kind, name), (meta, body) in found.items():
        folder = site / "content" / ("" if site_name == MAIN else f"branches/{site_name}") / kind
        copy_meta, copy_body = split_front_matter((folder / name).read_text(encoding="utf-8"))
        assert copy_body == body
        assert copy_meta["title"] == meta["title"]
        assert copy_meta.get("tags") == meta.get("tags")
        if kind == "pages":
            assert "date" not in copy_meta
            assert copy_meta.get("weight") == meta.get("order")
        else:
            # Hugo reads an ISO date with seconds (a date without them is the year 1 to it), in
            # config.toml's time zone; an event's date is its start
            assert isinstance(copy_meta["date"], str)
            assert dt.datetime.strptime(copy_meta["date"], "%Y-%m-%dT%H:%M:%S") == when(
                meta["start" if kind == "events" else "date"]
            )
        for key in set(meta) - {"title", "tags", "date", "order"}:  # the rest, as it was (as text)
            assert copy_meta[key] == (meta[key] if isinstance(meta[key], list) else str(meta[key]))
        kinds[kind] += 1
        kinds["cancelled"] += meta.get("status") == "cancelled"
        kinds["repeat"] += "repeat" in meta
    assert kinds == {"news": 3 * NEWS, "events": 3 * EVENTS, "pages": 3 * PAGES, "cancelled": 3, "repeat": 3 * 4}
    # every folder a section with its list: the home page, the branches, each branch, each site's kinds
    sections = {p.parent.relative_to(site / "content").as_posix() for p in (site / "content").rglob("_index.md")}
    branches = sorted(b.name for b in (project / "branches").iterdir())
    assert sections == {
        ".",
        "news",
        "events",
        "pages",
        "branches",
        *(f"branches/{b}" for b in branches),
        *(f"branches/{b}/{kind}" for b in branches for kind in ("news", "events", "pages")),
    }
    names = {b: yaml.safe_load((project / "branches" / b / "branch.yaml").read_text())["name"] for b in branches}
    for branch, name in names.items():
        assert split_front_matter((site / "content/branches" / branch / "_index.md").read_text())[0] == {"title": name}


def test_plain_pelican_reads_every_copy_as_the_kit_reads_the_original(project, tmp_path):
    settings, output = write_plain_site(project, tmp_path / "plain")
    done = subprocess.run(
        [sys.executable, "-m", "pelican", "-s", str(settings), "--fatal", "warnings"],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    articles, pages = 3 * (NEWS + EVENTS), 3 * PAGES
    assert f"Processed {articles} articles, 0 drafts, 0 hidden articles, {pages} pages" in " ".join(done.stdout.split())

    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    reader = MarkdownReader(read_settings(str(settings)))
    slugs = set()
    for (site_name, kind, name), (meta, _) in originals(project).items():
        folder = tmp_path / "plain/site" / ("content" if site_name == MAIN else f"branches/{site_name}") / kind
        _, read = reader.read(str(folder / name))
        assert read["title"] == meta["title"]
        assert [str(tag) for tag in read.get("tags", [])] == meta.get("tags", [])
        if kind != "pages":
            assert read["date"].replace(tzinfo=None) == when(meta["start" if kind == "events" else "date"])
            assert str(read["category"]) == f"{site_name}-{kind}"  # one list for a site's news, one its events
        assert "status" not in read  # an event's "cancelled" is no Pelican status: it would be skipped
        assert read.get("event_status") == meta.get("status")
        slugs.add(read["slug"])
        assert (output / f"{read['slug']}.html").is_file() or (output / "pages" / f"{read['slug']}.html").is_file()
    assert len(slugs) == articles + pages
