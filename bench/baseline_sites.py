"""The benchmark's baselines: the synthetic site's Markdown, all of it (the main site's and every
branch's news, events and pages), as ONE plain Pelican site and as one Hugo site.

Neither reads the kit's front matter as it is, so each is given converted copies (the synthetic
site itself is never changed):
  - plain Pelican reads "key: value" lines (its Markdown reader's meta extension skips the "---"
    lines) but takes `tags: [a, b]` for the tags "[a" and "b]", finds no `date` in an event (it
    has `start`), and skips a file whose `status` is none of its own (an event's "cancelled");
  - Hugo reads YAML but not a date without seconds ("2026-05-20 18:30" is the year 1 to it), and
    knows no `start` or `order`.
So each copy has a `date` (an event's is its start), its tags as the reader wants them, a slug
and category (Pelican: one site's news, one its events, as the kit lists them) or a weight (Hugo,
for `order`); the rest of the front matter goes along as plain metadata.

    python -m bench.baseline_sites PROJECT DEST   (writes DEST/plain and DEST/hugo)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

KINDS = ("news", "events", "pages")
MAIN = "national"  # the main site's name in the copies (branch slugs end in -NNN, never this)


@dataclass
class Source:
    site: str  # MAIN or the branch's slug
    kind: str  # one of KINDS
    path: Path
    meta: dict
    body: str

    @property
    def folder(self) -> str:
        """Where the file lies in the project: content/news, branches/<slug>/events..."""
        return f"content/{self.kind}" if self.site == MAIN else f"branches/{self.site}/{self.kind}"

    @property
    def date(self) -> dt.datetime | None:
        """When a post was written, or an event starts; None for a page."""
        value = self.meta.get("start" if self.kind == "events" else "date")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time())
        return dt.datetime.fromisoformat(str(value))


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter, body) of a kit Markdown file: YAML between two "---" lines, then Markdown."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    return yaml.safe_load(text[4:end]) or {}, text[end + 5 :]


def sources(project: Path) -> Iterator[Source]:
    """Every news post, event and page of ``project``'s main site and branches, in a steady order."""
    sites = [(MAIN, project / "content")]
    sites += [(b.name, b) for b in sorted((project / "branches").iterdir()) if (b / "branch.yaml").is_file()]
    for site, folder in sites:
        for kind in KINDS:
            for path in sorted((folder / kind).glob("*.md")):
                meta, body = split_front_matter(path.read_text(encoding="utf-8"))
                yield Source(site, kind, path, meta, body)


def site_names(project: Path) -> dict[str, str]:
    """{site: its name} for the main site and each branch (its branch.yaml's `name`)."""
    names = {MAIN: "The national site"}
    for branch in sorted((project / "branches").glob("*/branch.yaml")):
        names[branch.parent.name] = str((yaml.safe_load(branch.read_text(encoding="utf-8")) or {}).get("name"))
    return names


def _listed(value) -> list[str]:
    if value is None:
        return []
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


# ---- one plain Pelican site ---------------------------------------------------------------------

PLAIN_SETTINGS = """\
# One plain Pelican site of the benchmark's synthetic Markdown (bench/baseline_sites.py): the
# default theme, no plugins, no cache. The theme's menu lists no pages or categories: on every page
# it would list all the sites' (thousands at 650 branches), work and bytes no site of the kit has.
PATH = {path!r}
OUTPUT_PATH = {output!r}
ARTICLE_PATHS = ["content/news", "content/events", "branches"]
PAGE_PATHS = {pages!r}
PLUGINS = []
SITENAME = "The national site"
SITEURL = "https://party.example"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
"""

PELICAN_OWN = {"title", "date", "tags", "category", "slug", "summary", "status", "start"}


def plain_copy(source: Source) -> str:
    """``source`` as plain Pelican reads it: "Key: value" lines, a blank line, the Markdown."""
    stem = source.path.stem
    lines = [f"Title: {source.meta.get('title', stem)}"]
    when = source.date
    if when is not None:
        lines.append(f"Date: {when:%Y-%m-%d %H:%M}")
    if source.kind != "pages":
        lines.append(f"Category: {source.site}-{source.kind}")
    lines.append(f"Slug: {source.site}-{source.kind}-{stem}")
    if tags := _listed(source.meta.get("tags")):
        lines.append(f"Tags: {', '.join(tags)}")
    if "summary" in source.meta:
        lines.append(f"Summary: {source.meta['summary']}")
    if "status" in source.meta:  # an event's (cancelled): Pelican's own status is draft, hidden, published
        lines.append(f"Event_status: {source.meta['status']}")
    if "start" in source.meta:
        lines.append(f"Start: {when:%Y-%m-%d %H:%M}")
    for key, value in source.meta.items():
        if key not in PELICAN_OWN:
            lines.append(f"{key.capitalize()}: {', '.join(_listed(value))}")
    return "\n".join(lines) + "\n\n" + source.body


def write_plain_site(project: Path, dest: Path) -> tuple[Path, Path]:
    """(settings file, output folder) of one plain Pelican site of ``project``'s Markdown in ``dest``."""
    site, output = dest / "site", dest / "output"
    pages = ["content/pages"]
    for source in sources(project):
        folder = site / source.folder
        if source.kind == "pages" and source.folder not in pages:
            pages.append(source.folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / source.path.name).write_text(plain_copy(source), encoding="utf-8")
    settings = dest / "pelicanconf.py"
    settings.write_text(PLAIN_SETTINGS.format(path=str(site), output=str(output), pages=pages), encoding="utf-8")
    return settings, output


# ---- one Hugo site ------------------------------------------------------------------------------

HUGO_CONFIG = """\
# One Hugo site of the benchmark's synthetic Markdown (bench/baseline_sites.py)
baseURL = "https://party.example/"
title = "The national site"
languageCode = "en-gb"
timeZone = "Europe/London"
buildFuture = true
paginate = 10
disableKinds = []

[taxonomies]
tag = "tags"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">
{{- .Date.Format "Monday 2 January 2006, 15:04" }}</time>{{ end }}
{{ with .Params.location }}<p>{{ . }}</p>{{ end }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
</ul>{{ end }}
{{ .Content }}
</article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $paginator := .Paginate .Pages }}
<ul>{{ range $paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- if not .Date.IsZero }} <time datetime="{{ .Date.Format "2006-01-02" }}">
{{- .Date.Format "2 January 2006" }}</time>{{ end }}
{{ with .Summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
}

HUGO_OWN = {"title", "date", "tags", "summary", "order"}


def hugo_copy(source: Source) -> str:
    """``source`` as Hugo reads it: YAML with an ISO date (with seconds), a weight for `order`."""
    meta: dict = {"title": str(source.meta.get("title", source.path.stem))}
    when = source.date
    if when is not None:
        meta["date"] = when.isoformat(timespec="seconds")
    if tags := _listed(source.meta.get("tags")):
        meta["tags"] = tags
    if "summary" in source.meta:
        meta["summary"] = str(source.meta["summary"])
    if "order" in source.meta:
        meta["weight"] = int(source.meta["order"])
    for key, value in source.meta.items():
        if key not in HUGO_OWN:
            meta[key] = _listed(value) if isinstance(value, list) else str(value)
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + source.body


def _section(folder: Path, title: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_index.md").write_text(f"---\ntitle: {json.dumps(title)}\n---\n", encoding="utf-8")


def write_hugo_site(project: Path, dest: Path) -> Path:
    """The Hugo site of ``project``'s Markdown in ``dest`` (its config.toml, layouts/, content/):
    the main site's news, events and pages at content/<kind>/, each branch's at
    content/branches/<slug>/<kind>/, every folder a section with its list."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (dest / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / "layouts" / name).write_text(text, encoding="utf-8")
    names = site_names(project)
    content = dest / "content"
    sections: set[Path] = set()

    def section(folder: Path, title: str) -> None:
        if folder not in sections:
            _section(folder, title)
            sections.add(folder)

    section(content, names[MAIN])
    section(content / "branches", "Branches")
    for source in sources(project):
        name = names.get(source.site, source.site)
        if source.site != MAIN:
            section(content / "branches" / source.site, name)
        folder = content / source.folder.removeprefix("content/")
        section(folder, f"{name}: {source.kind}")
        (folder / source.path.name).write_text(hugo_copy(source), encoding="utf-8")
    return dest


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("dest", type=Path)
    args = parser.parse_args(argv)
    settings, _ = write_plain_site(args.project, args.dest / "plain")
    write_hugo_site(args.project, args.dest / "hugo")
    print(f"plain Pelican: pelican -s {settings}\nHugo: hugo -s {args.dest / 'hugo'}")


if __name__ == "__main__":
    main()
