"""Which theme files get a hashed name, what that name is, and their rewritten bytes."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass

# import ... from "./x.js" / export ... from "./x.js" / import "./x.js" / import("./x.js"):
# only relative specifiers, which are the ones that name a theme file.
JS_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}/[^"'\s]+)\2""")
# url(../img/x.svg) in a stylesheet, quoted or not; data: and absolute addresses are left alone.
CSS_URL = re.compile(r"""(url\(\s*)(["']?)([^"')\s]+)\2(\s*\))""")


class AssetGraphError(Exception):
    exitcode = 1


@dataclass(frozen=True)
class Asset:
    name: str  # where it lands below THEME_STATIC_DIR, e.g. "js/search.js"
    source: str  # absolute path of the file in the theme (or node_modules)


def theme_assets(settings: dict) -> list[Asset]:
    """Every file the main site copies into THEME_STATIC_DIR, named as Pelican names it
    (a folder's files keep their path inside it; a single file lands at the top)."""
    assets = {}
    for entry in settings.get("THEME_STATIC_PATHS", []):
        source = os.path.join(settings["THEME"], entry)
        if os.path.isfile(source):
            assets[os.path.basename(source)] = source
            continue
        for dirpath, dirnames, filenames in os.walk(source):
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                assets[os.path.relpath(path, source).replace(os.sep, "/")] = path
    return [Asset(name, path) for name, path in sorted(assets.items())]


def hashed_name(name: str, data: bytes, length: int) -> str:
    """css/site.css -> css/site.1f2e3d4c5b.css; lunr.min.js -> lunr.min.1f2e3d4c5b.js."""
    stem, suffix = posixpath.splitext(name)
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:length]}{suffix}"


def _pattern(name: str):
    return CSS_URL if name.endswith(".css") else JS_IMPORT


def _relative_targets(name: str, text: str, names: set[str]) -> list[str]:
    """The hashed assets that ``name`` refers to by relative path."""
    found = []
    for match in _pattern(name).finditer(text):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), match.group(3)))
        if target in names:
            found.append(target)
    return found


def _rewrite(name: str, text: str, renamed: dict[str, str]) -> str:
    def replace(match):
        spec = match.group(3)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), spec))
        if target not in renamed:
            return match.group(0)
        new = posixpath.relpath(renamed[target], posixpath.dirname(name) or ".")
        if spec.startswith("./") and not new.startswith("."):
            new = "./" + new  # a module specifier must start with ./ or ../
        return match.group(0).replace(spec, new)

    return _pattern(name).sub(replace, text)


def hash_assets(settings: dict) -> dict[str, tuple[str, bytes]]:
    """{plain name: (hashed name, bytes to write)} for every theme file with a hashed suffix.

    Files are hashed after their references to other hashed files are rewritten, leaves first;
    a cycle of imports cannot be named this way and is an error.
    """
    suffixes = tuple(settings["HASHED_ASSETS_SUFFIXES"])
    length = settings["HASHED_ASSETS_DIGEST_LENGTH"]
    sources = {a.name: a.source for a in theme_assets(settings) if a.name.endswith(suffixes)}
    texts = {}
    for name, path in sources.items():
        with open(path, "rb") as handle:
            texts[name] = handle.read()
    names = set(texts)
    deps = {name: _relative_targets(name, data.decode("utf-8"), names) for name, data in texts.items()}

    done: dict[str, tuple[str, bytes]] = {}
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise AssetGraphError(
                f"hashed_assets: theme files import each other in a circle ({cycle}); "
                "a file's name cannot carry a digest of a file that carries its own. Break the circle."
            )
        visiting.append(name)
        for dep in deps[name]:
            visit(dep)
        visiting.pop()
        data = texts[name]
        if deps[name]:
            data = _rewrite(name, data.decode("utf-8"), {d: done[d][0] for d in deps[name]}).encode("utf-8")
        done[name] = (hashed_name(name, data, length), data)

    for name in sorted(texts):
        visit(name)
    return done
