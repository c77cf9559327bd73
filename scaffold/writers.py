"""The files the scaffolding writes: a branch folder, a news post, an event.

Every line is the editor's answer, the files' layout, or a text of editor_checks.scaffold_text, which
`make check` refuses until the editor has replaced it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata

from content_schema.fields import SLUG_PATTERN
from editor_checks.scaffold_text import ABOUT_PAGE_TEXT, BRANCH_DESCRIPTION, BRANCH_MEETS, EVENT_TEXT, POST_TEXT


class WouldOverwrite(Exception):
    pass


def slugify(text: str) -> str:
    """ "Café & Cake Night!" -> "cafe-cake-night"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-") or "untitled"


def yaml_text(value: str) -> str:
    """A YAML scalar that always stays text (a JSON string is a YAML string)."""
    return json.dumps(value, ensure_ascii=False)


def _write_new(path: str, text: str) -> str:
    if os.path.exists(path):
        raise WouldOverwrite(f"{path} already exists: nothing was written. Choose another title or date.")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:
        handle.write(text)
    return path


def new_post(site_path: str, *, title: str, day: dt.date, summary: str | None, tags: list[str]) -> str:
    lines = ["---", f"title: {yaml_text(title)}", f"date: {day:%Y-%m-%d}"]
    if summary:
        lines.append(f"summary: {yaml_text(summary)}")
    if tags:
        lines.append(f"tags: [{', '.join(slugify(t) for t in tags)}]")
    lines += ["---", POST_TEXT.line(), ""]
    path = os.path.join(site_path, "news", f"{day:%Y-%m-%d}-{slugify(title)}.md")
    return _write_new(path, "\n".join(lines))


# Values written without quotes (dates, durations, districts, addresses, user names) are checked
# before writing by scaffold/__main__.py; free text (titles, places, links) is always quoted.


def new_event(site_path: str, *, title: str, start: str, end: str | None, duration: str | None,
              location: str | None, online: str | None, more: tuple[str, ...] = (),
              text: str | None = None) -> str:  # fmt: skip
    """``more``: further front-matter lines, each already YAML (scaffold.issue_form's); ``text``: the
    event's own words, else the scaffolding's line for the editor to replace."""
    lines = ["---", f"title: {yaml_text(title)}", f"start: {start}"]
    if end:
        lines.append(f"end: {end}")
    elif duration:
        lines.append(f"duration: {duration}")
    if location:
        lines.append(f"location: {yaml_text(location)}")
    if online:
        lines.append(f"online: {yaml_text(online)}")
    lines += more
    # No `accessibility:` line unless ``more`` has the editor's: only they know what the venue offers.
    lines += ["---", text.strip() if text else EVENT_TEXT.line(), ""]
    path = os.path.join(site_path, "events", f"{start[:10]}-{slugify(title)}.md")
    return _write_new(path, "\n".join(lines))


def new_branch(branches_path: str, *, slug: str, name: str, kind: str, nation: str | None, region: str | None,
               areas: list[str], contact: str, editors: list[str]) -> list[str]:  # fmt: skip
    if not SLUG_PATTERN.match(slug):
        raise ValueError(f"`{slug}` cannot be a branch's address: use lower-case letters, digits and hyphens")
    folder = os.path.join(branches_path, slug)
    if os.path.exists(folder):
        raise WouldOverwrite(f"{folder} already exists: nothing was written.")
    lines = [f"name: {yaml_text(name)}", f"kind: {kind}"]
    if nation:
        lines.append(f"nation: {nation}")
    if region:
        lines.append(f"region: {region}")
    if areas:
        lines.append(f"areas: [{', '.join(areas)}]")
    lines += [
        f"contact: {contact}",
        BRANCH_DESCRIPTION.line(),
        BRANCH_MEETS.line(),
        f"editors: [{', '.join(e.lstrip('@') for e in editors)}]",
        "",
    ]
    written = [_write_new(os.path.join(folder, "branch.yaml"), "\n".join(lines))]
    written.append(
        _write_new(
            os.path.join(folder, "pages", "about.md"),
            f"---\ntitle: {yaml_text('About ' + name)}\norder: 1\n---\n{ABOUT_PAGE_TEXT.line()}\n",
        )
    )
    for sub in ("news", "events", "images"):
        written.append(_write_new(os.path.join(folder, sub, ".gitkeep"), ""))
    return written
