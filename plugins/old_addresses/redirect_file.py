"""A site's redirects.yaml: its old addresses (from before the move to the kit) and where each one's
content lives now. An import writes it (site_import); editors may add to it; make server-config makes
each entry a permanent redirect.

    # Old addresses, each sent on to its new place with a permanent redirect (301).
    "/blog/2023/5/1/our-new-office": "{filename}/news/2023-05-01-our-new-office.md"
    "/about-us": "{filename}/pages/about.md"
    "/calendar": "/events/"

An old address is a path of the site (a branch's: of its own site, /branches/<slug>/ is added); the
new place is a `{filename}/` link to a post or page of the same site, or a path of the same site.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass

from content_schema.source_text import FileTooLarge, read_source_text
from content_schema.yaml_source import YamlSyntaxError, load_yaml
from incremental_build.atomic import write_atomic

REDIRECTS_FILE = "redirects.yaml"
FILENAME_LINK = "{filename}/"
HEADER = "# Old addresses, each sent on to its new place with a permanent redirect (301). docs/migrating.md\n"
# An address as the web server compares it: plain ASCII path characters only, nothing a server's
# configuration language reads as syntax (quotes, spaces, braces, $, \\ and ;), no %-escapes (nginx
# and Apache compare the decoded path, Caddy the raw one) and no * (Caddy's wildcard)
OLD_ADDRESS = re.compile(r"^/(?:[A-Za-z0-9._~!'()+,=:@-]+/?)*$")
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Redirect:
    old: str  # a path of the site, as written
    target: str  # a `{filename}/` link or a path of the site
    line: int

    @property
    def to_file(self) -> str | None:
        """The site-relative path of the post or page it names, for a `{filename}/` link."""
        return self.target[len(FILENAME_LINK) :] if self.target.startswith(FILENAME_LINK) else None


def redirects_path(site_path: str) -> str:
    return os.path.join(site_path, REDIRECTS_FILE)


def read_redirects(site_path: str, report) -> list[Redirect]:
    """The site's redirects, each checked for its form; every problem goes to ``report``."""
    path = redirects_path(site_path)
    if not os.path.lexists(path):
        return []
    if os.path.islink(path) or not os.path.isfile(path):
        report.error(path, 0, "is a link or a folder, not a file", "Write the site's own redirects.yaml in its place.")
        return []
    try:
        text = read_source_text(path, MAX_BYTES)
    except FileTooLarge as exc:
        report.error(path, 0, str(exc), "Split the old addresses, or leave out ones nobody links to.")
        return []
    except (OSError, UnicodeDecodeError) as exc:
        report.error(path, 0, f"cannot be read ({exc})", "Save it as UTF-8 text.")
        return []
    try:
        document = load_yaml(text)
    except YamlSyntaxError as exc:
        report.error(path, exc.line, exc.message, exc.fix)
        return []
    if document.data is None:
        return []
    if not isinstance(document.data, dict):
        report.error(path, 1, "is not a list of `old address: new place` lines", f"Write lines like {_example()}.")
        return []
    found = []
    for old, target in document.data.items():
        line = document.line_of(old, default=1)
        old_text = str(old)
        if not OLD_ADDRESS.match(old_text) or ".." in old_text.split("/") or old_text == "/":
            report.error(
                path,
                line,
                f"`{old_text}` is not an address this file can redirect",
                "Write the old address's path, starting with /, without the domain, ?, #, spaces, * or "
                "%-escapes (letters outside A-Z cannot be redirected yet); the home page / stays the home page.",
            )
            continue
        if not isinstance(target, str) or not target.strip():
            report.error(path, line, f"`{old_text}` has no new place", f"Write it like {_example()}.")
            continue
        target = target.strip()
        if not (target.startswith(FILENAME_LINK) or (OLD_ADDRESS.match(target) and ".." not in target.split("/"))):
            report.error(
                path,
                line,
                f"`{old_text}` is sent to `{target}`, which is neither a `{{filename}}/` link nor a path of this site",
                "Write `{filename}/news/<file>.md` for a post or page, or a path like /events/ (no domain).",
            )
            continue
        found.append(Redirect(old_text, target, line))
    return found


def _example() -> str:
    return '"/blog/our-news": "{filename}/news/2024-01-05-our-news.md"'


def write_redirects(site_path: str, entries: dict[str, str]) -> None:
    """Write ``entries`` (old address -> new place) as the site's redirects.yaml, sorted, each value
    quoted (a JSON string is a YAML string), so the same entries always give the same bytes."""
    lines = [HEADER] + [f"{json.dumps(old)}: {json.dumps(target)}\n" for old, target in sorted(entries.items())]
    write_atomic(redirects_path(site_path), "".join(lines).encode("utf-8"))
