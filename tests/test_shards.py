"""A build split across CI runners: `make html SHARD=i/N` builds one slice of the branches each, and
`make assemble` builds the national site from every slice's output and records; the result is the
single build's, byte for byte.

Each shard starts from a clean checkout of its own (another folder, other file times), as a CI
runner does; the assembling job starts from one more, and receives the shards' output/ and
.cache/branches/ as artifacts: copies, with new inodes and times.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from branch_subsites.assemble import AssembleRefused
from branch_subsites.build_record import load_record, record_path
from branch_subsites.shard_build import ShardSettingsConflict
from branch_subsites.shards import shard_of
from kit_testing import KIT_ROOT, PUBLISH_SETTINGS_FILE, SETTINGS_FILE, build, copy_fixture, settings_errors

NOW = "1798761600"  # 1 January 2027: the fixture's events are still to come
SHARDS = 3
# the fixture's two branches, and three more like beta-net, so that every one of the 3 shards has one
EXTRA = {"gamma-net": "Gamma", "phi-net": "Phi", "rho-net": "Rho"}
SKIPPED = "nothing changed since the last build"


def checkout(source: Path, dest: Path) -> Path:
    """A clean checkout of ``source``'s files at ``dest``: the same bytes, new inodes and times."""
    shutil.copytree(source, dest, copy_function=shutil.copyfile)
    return dest


def give_artifacts(shard: Path, project: Path) -> None:
    """What a shard's job uploads (output/ and .cache/branches/), downloaded into ``project``: copies
    that keep neither inode nor time."""
    for folder in ("output", ".cache/branches"):
        shutil.copytree(shard / folder, project / folder, copy_function=shutil.copyfile, dirs_exist_ok=True)


def tree(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def written_state(project: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the output and the branches' cache, with its time: what a build that writes
    nothing leaves as it was."""
    found = {}
    for folder in ("output", ".cache/branches"):
        for path in sorted((project / folder).rglob("*")):
            if path.is_file():
                found[str(path.relative_to(project))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def slugs(project: Path) -> list[str]:
    return sorted(path.name for path in (project / "branches").iterdir() if (path / "branch.yaml").is_file())


def source_project(dest: Path) -> Path:
    project = copy_fixture("two_branches", dest)
    for slug, name in EXTRA.items():
        shutil.copytree(project / "branches" / "beta-net", project / "branches" / slug)
        yaml = project / "branches" / slug / "branch.yaml"
        yaml.write_text(yaml.read_text().replace("Beta", name).replace("beta", slug.split("-")[0]))
    return project


def split_build(tmp: Path, source: Path, settings_file: Path, shards: int) -> dict:
    """The whole build, each shard in its own checkout, and the assembled build in another, given
    every shard's artifacts; the projects by name."""
    whole = checkout(source, tmp / "whole")
    build(whole, settings_file, now=NOW)
    runs = {"source": source, "whole": whole, "shards": []}
    for index in range(1, shards + 1):
        shard = checkout(source, tmp / f"shard-{index}")
        build(shard, settings_file, now=NOW, BRANCH_SHARD=f"{index}/{shards}")
        runs["shards"].append(shard)
    assembled = checkout(source, tmp / "assembled")
    for shard in runs["shards"]:
        give_artifacts(shard, assembled)
    runs["given"] = written_state(assembled)
    started = time.perf_counter()
    build(assembled, settings_file, now=NOW, BRANCH_ASSEMBLE=True)
    runs["assemble_seconds"] = time.perf_counter() - started
    runs["assembled"] = assembled
    return runs


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The fixture with five branches, never built: what each checkout copies."""
    return source_project(tmp_path_factory.mktemp("source") / "project")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, source):
    """The site built whole, and as 3 shards assembled (`make html`'s settings)."""
    return split_build(tmp_path_factory.mktemp("split"), source, SETTINGS_FILE, SHARDS)


def test_every_shard_has_branches_and_each_branch_one_shard(source):
    assert len(slugs(source)) == 5
    assert sorted({shard_of(slug, SHARDS) for slug in slugs(source)}) == list(range(1, SHARDS + 1))


def test_a_shard_builds_its_branches_and_their_records_and_no_national_page(runs):
    seen = []
    for index, shard in enumerate(runs["shards"], start=1):
        mine = [slug for slug in slugs(shard) if shard_of(slug, SHARDS) == index]
        assert mine
        files = tree(shard / "output")
        # nothing outside the shard's own branches' folders: no home page, no theme, no sitemap
        assert {name.split("/")[1] for name in files} == set(mine)
        assert all(name.startswith("branches/") for name in files)
        assert all((shard / "output" / "branches" / slug / "index.html").is_file() for slug in mine)
        records = sorted(path.parent.name for path in (shard / ".cache/branches").glob("*/build.json"))
        assert records == mine
        alpha = load_record(str(shard / ".cache/branches"), "alpha")
        if "alpha" in mine:  # the events' records the national calendars read, named within the cache
            assert alpha.exports.events.series_file.startswith(str(shard / ".cache/branches/alpha/"))
            assert alpha.exports.cache_files and all(map(os.path.isfile, alpha.exports.cache_files))
            stored = (shard / ".cache/branches/alpha/build.json").read_text()
            assert str(shard) not in stored
        seen += mine
    assert sorted(seen) == slugs(runs["source"])


def test_the_assembled_site_is_the_whole_builds_byte_for_byte(runs):
    whole, assembled = tree(runs["whole"] / "output"), tree(runs["assembled"] / "output")
    assert sorted(whole) == sorted(assembled)
    assert [name for name in whole if whole[name] != assembled[name]] == []
    assert (runs["assembled"] / "output" / "index.html").is_file()


def test_assembling_builds_no_branch(runs):
    """Every branch's output and record are the copies the shards' artifacts brought, untouched."""
    given = runs["given"]
    now = written_state(runs["assembled"])
    assert {name: now[name] for name in given} == given


def test_assembling_with_a_shard_missing_names_its_branches_and_writes_nothing(runs, tmp_path):
    project = checkout(runs["source"], tmp_path / "assembled")
    for shard in runs["shards"][:-1]:
        give_artifacts(shard, project)
    before = written_state(project)
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    missing = [slug for slug in slugs(project) if shard_of(slug, SHARDS) == SHARDS]
    message = str(refused.value)
    line = next(line for line in message.splitlines() if "no build record" in line)
    assert line.endswith(": " + ", ".join(missing))
    assert "nothing was written" in message and "make html SHARD=i/N" in message
    assert written_state(project) == before
    assert not (project / "output" / "index.html").exists()


def test_a_branch_changed_after_its_shard_ran_is_refused_not_rebuilt(runs, tmp_path):
    project = checkout(runs["source"], tmp_path / "assembled")
    for shard in runs["shards"]:
        give_artifacts(shard, project)
    post = project / "branches/alpha/news/2026-02-01-alpha-news.md"
    post.write_text(post.read_text() + "\nZebracrossing, written after the shard ran.\n")
    before = written_state(project)
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    line = next(line for line in str(refused.value).splitlines() if "changed since their shard built them" in line)
    assert line.endswith(": alpha")
    assert written_state(project) == before  # neither built again nor used
    assert "Zebracrossing" not in (project / "output/branches/alpha/news/2026/alpha-news/index.html").read_text()


def test_a_branch_output_damaged_on_the_way_is_refused(runs, tmp_path):
    project = checkout(runs["source"], tmp_path / "assembled")
    for shard in runs["shards"]:
        give_artifacts(shard, project)
    page = project / "output/branches/beta-net/index.html"
    page.write_bytes(page.read_bytes().replace(b"Beta", b"Bxta", 1))  # the same size, other bytes
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    message = str(refused.value)
    assert "output/branches/beta-net/index.html" in message
    line = next(line for line in message.splitlines() if "not as their shard left them" in line)
    assert line.endswith(": beta-net")


def test_a_shard_is_not_skipped_by_the_whole_builds_record_and_leaves_the_whole_build_whole(runs, tmp_path, capfd):
    project = checkout(runs["source"], tmp_path / "whole")
    build(project, now=NOW)
    build(project, now=NOW)
    assert SKIPPED in capfd.readouterr().out  # the whole build's record holds
    before = tree(project / "output")
    build(project, now=NOW, BRANCH_SHARD=f"1/{SHARDS}")
    out = capfd.readouterr().out
    assert SKIPPED not in out and f"shard 1 of {SHARDS}" in out
    assert tree(project / "output") == before  # its branches unchanged, the national pages left alone
    build(project, now=NOW)
    assert SKIPPED not in capfd.readouterr().out  # the shard forgot the whole build's record
    assert tree(project / "output") == before


def test_a_record_made_in_another_folder_is_read_in_this_cache(runs):
    shard = next(shard for shard in runs["shards"] if (shard / ".cache/branches/alpha/build.json").is_file())
    cache = runs["assembled"] / ".cache" / "branches"
    assert (cache / "alpha" / "build.json").read_bytes() == (shard / ".cache/branches/alpha/build.json").read_bytes()
    record = load_record(str(cache), "alpha")
    assert record.exports.events.series_file.startswith(str(cache / "alpha") + os.sep)
    assert os.path.isfile(record.exports.events.series_file)
    assert record_path(str(cache), "alpha") == str(cache / "alpha" / "build.json")


def test_the_published_site_assembles_byte_for_byte_too(source, tmp_path):
    """`make publish`'s settings (absolute addresses, a branch on its own domain, hashed theme files,
    sitemaps, .gz and .br), split in two."""
    project = tmp_path / "source"
    shutil.copytree(source, project)
    with open(project / "branches/beta-net/branch.yaml", "a", encoding="utf-8") as handle:
        handle.write("domain: beta.example\n")
    runs = split_build(tmp_path, project, PUBLISH_SETTINGS_FILE, 2)
    whole, assembled = tree(runs["whole"] / "output"), tree(runs["assembled"] / "output")
    assert (runs["whole"] / "output" / "sitemap.xml").is_file()
    assert any(name.endswith(".br") for name in whole)
    assert sorted(whole) == sorted(assembled)
    assert [name for name in whole if whole[name] != assembled[name]] == []


@pytest.mark.parametrize("value", ["0/2", "3/2", "1", "1/2/3", "a/b", "01/2", " 1/2", "1/0"])
def test_a_shard_that_is_not_i_of_n_stops_the_build_by_name(tmp_path, value):
    project = copy_fixture("two_branches", tmp_path / "project")
    settings = project / "settings.py"
    settings.write_text(f"import sys\nsys.path.insert(0, {str(SETTINGS_FILE.parent)!r})\n"
                        f"from pelicanconf import *  # noqa: F403\nBRANCH_SHARD = {value!r}\n")  # fmt: skip
    assert "BRANCH_SHARD" in settings_errors(project, settings)


def test_a_build_is_never_a_shard_and_the_assembly_at_once(two_branches):
    with pytest.raises(ShardSettingsConflict, match="never both"):
        build(two_branches, now=NOW, BRANCH_SHARD="1/2", BRANCH_ASSEMBLE=True)
    assert not (two_branches / "output").exists()


def test_a_branch_keeps_its_shard_whatever_other_branches_come_and_go():
    names = [f"branch-{number}" for number in range(650)]
    for count in (2, 3, 4, 8):
        shards = [shard_of(name, count) for name in names]
        assert set(shards) == set(range(1, count + 1))
        # a shard of its own per slug: the same when listed alone, or among others
        assert shards == [shard_of(name, count) for name in reversed(names)][::-1]
        sizes = [shards.count(index) for index in range(1, count + 1)]
        assert max(sizes) < 1.3 * 650 / count  # near enough even for CI runners
    assert shard_of("sheffield", 4) == shard_of("sheffield", 4)


def make(*arguments: str) -> subprocess.CompletedProcess:
    """The kit's Makefile with its set-up left out (the stamps empty): only the recipe runs."""
    return subprocess.run(
        ["make", "-s", "-C", str(KIT_ROOT), *arguments, "RUNTIME_STAMP=", "NODE_STAMP="],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_make_html_shard_and_make_assemble_hand_pelican_the_settings():
    html = make("-n", "html", "SHARD=2/4")
    assert html.returncode == 0
    pelican = next(line for line in html.stdout.splitlines() if '/pelican"' in line)
    assert "-e BRANCH_SHARD='\"2/4\"'" in pelican and "--fatal errors" in pelican
    whole = next(line for line in make("-n", "html").stdout.splitlines() if '/pelican"' in line)
    assert "BRANCH_SHARD" not in whole
    assemble = make("-n", "assemble")
    assert assemble.returncode == 0
    pelican = next(line for line in assemble.stdout.splitlines() if '/pelican"' in line)
    assert "-e BRANCH_ASSEMBLE=true" in pelican and "--fatal errors" in pelican and "-o " in pelican


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "1/2/3", "x/2", "1/02"])
def test_make_refuses_a_shard_that_is_not_i_of_n_before_building(value):
    done = make("html", f"SHARD={value}", "PELICAN=false")
    assert done.returncode == 2
    assert f"SHARD={value}" in done.stderr and "i/N" in done.stderr


def test_the_bench_estimates_a_matrix_of_runners_and_assembles_the_same_site(runs, tmp_path):
    from bench.shard_estimate import estimate

    paths = [KIT_ROOT, KIT_ROOT / "plugins", KIT_ROOT / "src"]
    env = {**os.environ, "SOURCE_DATE_EPOCH": NOW, "PYTHONPATH": os.pathsep.join(map(str, paths))}
    result = estimate(runs["source"], 2, env, work=tmp_path / "work", keep=True)
    assert len(result["shard_seconds"]) == 2 and result["longest_shard_seconds"] == max(result["shard_seconds"])
    assert result["wall_seconds"] == result["longest_shard_seconds"] + result["assemble_seconds"]
    assert result["assemble_seconds"] > 0
    assert tree(Path(result["output"])) == tree(runs["whole"] / "output")
    assert not (runs["source"] / "output").exists()  # the project itself is only read


# ---- records from artifacts are not trusted -------------------------------------------------------------

RECORD = ".cache/branches/alpha/build.json"


def assembled_project(runs, tmp_path: Path) -> Path:
    project = checkout(runs["source"], tmp_path / "assembled")
    for shard in runs["shards"]:
        give_artifacts(shard, project)
    return project


def edit_record(project: Path, edit) -> None:
    path = project / RECORD
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data), encoding="utf-8")


class Planted:
    """Unpickled, it makes the folder ``marker``: proof that a pickle was read."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.mkdir, (str(self.marker),)


def planted_pickle(path: Path, marker: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(Planted(marker)) + pickle.dumps([]))  # store_keyed's shape: the key first
    return path


def _series(data: dict, value: str) -> None:
    data["exports"]["events"]["series_file"] = value
    data["exports"]["cache_files"] = [value]


TAMPERINGS = {
    # the events' records at a whole path (the pickle outside every cache)
    "whole path": lambda project, outside: _series(project, str(outside)),
    # in another branch's cache
    "another branch's cache": lambda project, outside: _series(project, "beta-net/pelican/events/series-x.pickle"),
    # up and out with ../
    "dot-dot": lambda project, outside: _series(project, "alpha/../../../outside/series.pickle"),
    # an output file of the national site's, not the branch's
    "output outside": lambda project, outside: project["states"].update({"../../index.html": [1, 0, 0, 0, "x"]}),
}


@pytest.mark.parametrize("tampering", sorted(TAMPERINGS))
def test_a_record_naming_a_file_outside_its_branchs_folders_is_refused_and_nothing_read(runs, tmp_path, tampering):
    project = assembled_project(runs, tmp_path)
    marker = tmp_path / "unpickled"
    outside = planted_pickle(tmp_path / "outside" / "series.pickle", marker)
    planted_pickle(project / ".cache/branches/beta-net/pelican/events/series-x.pickle", marker)
    edit_record(project, lambda data: TAMPERINGS[tampering](data, outside))
    before = written_state(project)
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    message = str(refused.value)
    line = next(line for line in message.splitlines() if "naming a file outside the branch's own folder" in line)
    assert line.endswith(": alpha")
    assert f"    alpha: {RECORD}: its " in message  # the record named, and what in it
    assert written_state(project) == before and not (project / "output" / "index.html").exists()
    assert not marker.exists(), "no pickle was read"


def test_a_record_whose_events_file_is_a_link_out_of_its_cache_is_refused(runs, tmp_path):
    project = assembled_project(runs, tmp_path)
    marker = tmp_path / "unpickled"
    outside = planted_pickle(tmp_path / "outside" / "series.pickle", marker)
    link = project / ".cache/branches/alpha/pelican/events/series-link.pickle"
    link.symlink_to(outside)
    edit_record(project, lambda data: _series(data, "alpha/pelican/events/series-link.pickle"))
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    assert "'alpha/pelican/events/series-link.pickle' is not a file in" in str(refused.value)
    assert not marker.exists() and not (project / "output" / "index.html").exists()


def test_a_shards_events_file_changed_after_its_build_is_refused_and_no_calendar_made(runs, tmp_path):
    """A shard's event records arrive as JSON in an artifact; records that no longer hash to the
    digest its build record names are not read into any calendar."""
    project = assembled_project(runs, tmp_path)
    series = (
        project / ".cache/branches" / json.loads((project / RECORD).read_text())["exports"]["events"]["series_file"]
    )
    assert series.suffix == ".json" and series.read_bytes()[:1] == b"{"  # JSON: reading it runs nothing
    data = json.loads(series.read_text(encoding="utf-8"))
    data["value"][0]["title"] = "Tampered meeting"
    series.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match="does not match its branch's last build") as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    assert str(series.relative_to(project)) in str(refused.value) or str(series) in str(refused.value)
    calendars = list((project / "output").rglob("*.ics")) if (project / "output").is_dir() else []
    assert not any("Tampered meeting" in path.read_text(encoding="utf-8") for path in calendars)


def test_a_branch_output_folder_that_is_a_link_is_refused(runs, tmp_path):
    project = assembled_project(runs, tmp_path)
    moved = tmp_path / "elsewhere"
    (project / "output/branches/alpha").rename(moved)
    (project / "output/branches/alpha").symlink_to(moved)
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    assert "its output file" in str(refused.value) and not (project / "output" / "index.html").exists()


def test_markup_in_a_record_is_not_trusted_the_national_site_makes_and_escapes_it(runs, tmp_path):
    project = assembled_project(runs, tmp_path)
    news = json.loads((project / RECORD).read_text(encoding="utf-8"))["exports"]["news"]
    url = news[0]["url"]
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    thumbnail = {
        "src": "/branches/alpha/images/a-480w.jpg",
        "srcset": "/branches/alpha/images/a-480w.jpg 480w",
        "sizes": "6rem",
        "width": 480,
        "height": 320,
        "alt": hostile,
        "webp_srcset": None,
    }

    def tamper(data):
        data["exports"]["news"][0]["thumbnail"] = thumbnail
        data["exports"]["news"][0]["title"] = hostile

    edit_record(project, tamper)
    home = (build(project, now=NOW, BRANCH_ASSEMBLE=True) / "index.html").read_text(encoding="utf-8")
    picture = home.split('<div class="kit-news__thumbnail">', 1)[1].split("</div>", 1)[0]
    escaped = "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"
    assert picture == (
        '<picture><img src="/branches/alpha/images/a-480w.jpg" srcset="/branches/alpha/images/a-480w.jpg 480w"'
        f' sizes="6rem" width="480" height="320" alt="{escaped.replace("&#34;", "&quot;")}" loading="lazy"'
        ' decoding="async"></picture>'
    )
    assert escaped in home  # the title, escaped by the template
    assert "<script>alert" not in home and "onerror=alert(2)>" not in home and url in home


@pytest.mark.parametrize(
    "change",
    [
        {"thumbnail": {"src": "https://tracker.example/a.jpg", "srcset": "https://tracker.example/a.jpg 480w"}},
        {"thumbnail": {"srcset": "/branches/alpha/a.jpg 480w, https://tracker.example/a.jpg 960w"}},
        {"url": "javascript:alert(1)//"},
        # under the branch's address as written, another branch's once normalised
        {"thumbnail": {"src": "/branches/alpha/../beta-net/a.jpg", "srcset": "/branches/alpha/../beta-net/a.jpg 480w"}},
        {"thumbnail": {"srcset": "/branches/alpha/%2e%2e/beta-net/a.jpg 480w"}},
        {"url": "/../beta-net/news/taken/"},
        {"url": "/%2E%2E/beta-net/news/taken/"},
    ],
)
def test_a_recorded_post_or_picture_at_another_address_is_left_out(runs, tmp_path, change):
    project = assembled_project(runs, tmp_path)
    thumbnail = {"src": "/branches/alpha/a.jpg", "srcset": "/branches/alpha/a.jpg 480w", "sizes": "6rem"}
    thumbnail |= {"width": 480, "height": 320, "alt": "A picture", "webp_srcset": None}

    def tamper(data):
        item = data["exports"]["news"][0]
        item["thumbnail"] = {**thumbnail, **change.get("thumbnail", {})}
        if change.get("url", "").startswith("/"):  # the branch's own address, then a way out of it
            item["url"] = item["url"].split("/news/")[0] + change["url"]
        else:
            item["url"] = change.get("url", item["url"])

    edit_record(project, tamper)
    home = (build(project, now=NOW, BRANCH_ASSEMBLE=True) / "index.html").read_text(encoding="utf-8")
    assert "kit-news__thumbnail" not in home
    assert "tracker.example" not in home and "javascript:" not in home
    assert "/../" not in home and "%2e%2e" not in home.lower() and "news/taken" not in home


def test_a_record_holding_markup_where_values_belong_is_refused(runs, tmp_path):
    project = assembled_project(runs, tmp_path)
    markup = '<picture><img src="/branches/alpha/a.jpg" onerror="alert(1)"></picture>'
    edit_record(project, lambda data: data["exports"]["news"][0].update(thumbnail=markup))
    with pytest.raises(AssembleRefused) as refused:
        build(project, now=NOW, BRANCH_ASSEMBLE=True)
    assert f"alpha: {RECORD}: it is not a record this kit reads" in str(refused.value)
    assert not (project / "output" / "index.html").exists()
