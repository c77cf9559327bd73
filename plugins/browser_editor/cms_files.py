"""The CMS's own files (Decap CMS from npm, node_modules/decap-cms/dist/), copied once into the main
site's output at CMS_FILES_URL: the script, its lazily loaded parts and their WebAssembly, 6.4 MB.
The source maps and the same bundle under its old name stay behind (60 MB that no editor needs)."""

from __future__ import annotations

import os

from incremental_build.files import write_output_file


class CmsMissing(Exception):
    """node_modules/decap-cms is not installed."""

    exitcode = 1  # a build stopped by it ends with its message, not a traceback (content_schema.last_word)


def cms_file_names(dist: str) -> list[str]:
    """The files of Decap's dist/ to publish, sorted; only plain files, none through a link."""
    if not os.path.isfile(os.path.join(dist, "decap-cms.js")):
        raise CmsMissing(
            f"{dist}/decap-cms.js is missing: the browser editor needs the npm package decap-cms. "
            "Run `make html` (it runs `npm ci`), or set CMS_REPO to an empty text to build without it."
        )
    return sorted(
        entry.name for entry in os.scandir(dist) if entry.is_file(follow_symlinks=False) and shipped(entry.name)
    )


def shipped(name: str) -> bool:
    """decap-cms.js, the parts it loads (123.decap-cms.js), their WebAssembly and the licence text.
    The same bundle under its old name (cms.js, 123.cms.js) and the source maps stay behind."""
    if name.endswith(".wasm"):
        return True
    return name == "decap-cms.js" or name.endswith((".decap-cms.js", "decap-cms.js.LICENSE.txt"))


def copy_cms_files(dist: str, output_path: str, folder: str) -> int:
    """Copy the CMS into ``output_path/folder``; write_output_file refuses a name that leaves it."""
    names = cms_file_names(dist)
    for name in names:
        with open(os.path.join(dist, name), "rb") as handle:
            write_output_file(output_path, f"{folder.strip('/')}/{name}", handle.read())
    return len(names)
