"""Each Markdown text converted once per build: the HTML the checks made, kept for the reader.

The checks convert every post, page and event of a site before anything is built (html_policy looks
at the HTML before and after cleaning); the site's build reads the same files again. What the check
made is kept here, one file per site in CONVERTED_MARKDOWN_PATH, under the text itself and the
converter's settings (MARKDOWN, as the site's build has them), so that the reader and the events
take it instead of converting again. A text or a setting that changed finds nothing and is converted
as before; the file is written again with only the texts the site has now, so it never grows past
them, and what shapes the HTML is its key (store_version): an upgrade starts it afresh.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os

from incremental_build.cache_files import load_keyed, store_keyed
from incremental_build.fingerprint import plugins_digest

# What one text's entry holds: the site's HTML, then the HTML before cleaning if that differs (the
# check's warnings are made from the two), else None.
Entry = tuple[str, str | None]

META = "markdown.extensions.meta"  # front matter is read by this plugin, not by Markdown (site_markdown drops it)


def converter_key(markdown_config: dict) -> str:
    """The converter's settings as a digest: two converters with the same settings write the same HTML."""
    extensions = [e for e in markdown_config.get("extensions", []) if e != META]
    text = json.dumps({**markdown_config, "extensions": extensions}, sort_keys=True, default=repr)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@functools.cache
def _library_versions(modules: tuple[str, ...]) -> str:
    """The installed versions of the libraries ``modules`` (import names) come from, "name=version"
    each; a module of no installed distribution (a plugin's) is in plugins_digest instead."""
    distributions = importlib.metadata.packages_distributions()
    found = sorted({name for module in modules for name in distributions.get(module, [])})
    return ",".join(f"{name}={importlib.metadata.version(name)}" for name in found)


def store_version(settings: dict) -> str:
    """What a kept text's HTML is made with besides its converter's settings (converter_key): the
    plugins' code (the policy's extension, its cleaning), Markdown's and the cleaner's versions and those
    of the extensions MARKDOWN names. Not the whole settings digest (code_digest): that one takes in
    files a plugin adds as the build starts (party_brand's logos), after the checks kept the HTML, so
    the build would never find it."""
    folders = settings.get("PLUGIN_PATHS", [])
    modules = ["markdown", "nh3"]
    for extension in settings["MARKDOWN"].get("extensions", []):
        if not isinstance(extension, str):
            continue  # an Extension object: converter_key has it
        top = extension.split(":")[0].split(".")[0]
        # the policy's own extension, which the build's MARKDOWN has and the check's not, is a plugin's
        if not any(os.path.exists(os.path.join(f, name)) for f in folders for name in (top, f"{top}.py")):
            modules.append(top)
    return f"{plugins_digest(settings)}:{_library_versions(tuple(sorted(set(modules))))}"


def site_file(settings: dict, slug: str | None) -> str:
    """The file of the site ``slug`` (None: the main site) in CONVERTED_MARKDOWN_PATH."""
    name = "main" if slug is None else f"branch-{slug}"
    return os.path.join(settings["CONVERTED_MARKDOWN_PATH"], f"{name}.pickle")


def forget_deleted_branches(settings: dict, slugs: set[str]) -> list[str]:
    """Remove the files of branches not in ``slugs`` (every branch the site has now): a deleted branch's
    texts are never asked for again. The names of the files removed."""
    folder = settings["CONVERTED_MARKDOWN_PATH"]
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    kept = {os.path.basename(site_file(settings, slug)) for slug in slugs}
    stale = [name for name in names if name.startswith("branch-") and name.endswith(".pickle") and name not in kept]
    for name in stale:
        os.remove(os.path.join(folder, name))
    return stale


def site_slug(settings: dict) -> str | None:
    """The slug of the site whose build ``settings`` are (None for the main site)."""
    branch = settings.get("BRANCH")
    return branch.get("slug") if isinstance(branch, dict) else None


class ConvertedTexts:
    """One site's converted texts: ``get`` what a check kept, ``put`` and ``save`` what it made."""

    def __init__(self, settings: dict, slug: str | None):
        self.path = site_file(settings, slug)
        self.version = store_version(settings)
        self.stored: dict[str, Entry] | None = None  # read when first asked
        self.made: dict[str, Entry] = {}

    @staticmethod
    def _key(converter: str, body: str) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(converter.encode("ascii"))
        digest.update(body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, converter: str, body: str) -> Entry | None:
        """The entry kept for ``body`` converted by the converter ``converter`` (converter_key), or None."""
        if self.stored is None:
            self.stored = load_keyed(self.path, self.version) or {}
        key = self._key(converter, body)
        found = self.made.get(key) or self.stored.get(key)
        if found is not None:
            self.made[key] = found
        return found

    def put(self, converter: str, body: str, html: str, before_cleaning: str | None = None) -> None:
        self.made[self._key(converter, body)] = (html, before_cleaning if before_cleaning != html else None)

    def save(self) -> None:
        """Keep the texts asked for or made since this site's file was read, and no others."""
        if self.made != self.stored:
            store_keyed(self.path, self.version, dict(sorted(self.made.items())))
