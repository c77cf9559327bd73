"""Files derived from many inputs and slow to make (a national calendar, a search index): made again
only when their inputs change. A digest of the inputs (a stamp) is kept in the build cache beside the
file's name; a page made without inputs leaves none, and at the end of a build the stamps of files it
did not make are removed (prune_stamps), so a stamp only ever describes the file as it is."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable

from .cache_files import write_atomic
from .files import write_output_file
from .fingerprint import code_digest, folder_state, plain_value, theme_and_code_digest
from .produced import produced, record

# what may differ between two runs without changing a page: "now" is in each page's own data
RUN_SETTINGS = frozenset({"BUILD_NOW", "BRANCH_EXPORTS", "OUTPUT_PRUNE_KEEP"})
STAMPS, STAMP = "derived", ".digest"  # CACHE_PATH/derived/<the file's name>.digest


def write_derived(settings: dict, output_path: str, relative: str, inputs: str, make: Callable[[], bytes]) -> bool:
    """Write ``output_path/relative`` from ``make()`` unless ``inputs`` (text that determines the
    bytes) are those the file was last made from and it is still there. Returns whether it was made."""
    return _unless_made_from(
        settings, output_path, relative, inputs, lambda: write_output_file(output_path, relative, make())
    )


def write_derived_page(
    settings: dict, output_path: str, relative: str, inputs: str | None, write: Callable[[], None]
) -> bool:
    """A page rendered from many inputs (a national list of events), written by ``write()`` (Pelican's
    writer) unless ``inputs`` are those it was last made from and it is still there: then it is not
    rendered at all. ``inputs`` must hold everything the page shows (site_inputs, and the page's own
    data); None renders it whatever they are (EVENTS_REUSE_NATIONAL_PAGES off), and removes its stamp:
    the page is no longer the one the stamp describes. Returns whether it was written."""
    if inputs is None:
        _remove_stamp(_stamp_path(settings, relative))
        write()
        return True
    return _unless_made_from(settings, output_path, relative, inputs, write)


def _stamp_path(settings: dict, relative: str) -> str:
    return os.path.join(settings["CACHE_PATH"], STAMPS, relative + STAMP)


def _remove_stamp(stamp: str) -> None:
    if os.path.exists(stamp):
        os.remove(stamp)


def prune_stamps(settings: dict) -> int:
    """At the end of a build, remove the stamps of the files it did not make (a month that has passed
    out of the pages, a calendar of a region no longer listed): the next build that makes one again
    makes it whole. Returns how many were removed."""
    folder = os.path.join(settings["CACHE_PATH"], STAMPS)
    output = os.path.abspath(settings["OUTPUT_PATH"])
    made = produced(output)
    removed = 0
    for dirpath, _dirnames, filenames in os.walk(folder, topdown=False):
        for name in filenames:
            stamp = os.path.join(dirpath, name)
            relative = os.path.relpath(stamp, folder)
            if not name.endswith(STAMP) or os.path.join(output, relative[: -len(STAMP)]) not in made:
                os.remove(stamp)
                removed += 1
        if dirpath != folder and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return removed


def _unless_made_from(settings: dict, output_path: str, relative: str, inputs: str, write: Callable[[], None]) -> bool:
    digest = hashlib.blake2b(inputs.encode("utf-8"), digest_size=16)
    digest.update(code_digest(settings).encode())  # new plugin code or settings make it again too
    digest = digest.hexdigest()
    output = os.path.join(output_path, relative)
    stamp = _stamp_path(settings, relative)
    try:
        with open(stamp, encoding="utf-8") as handle:
            if handle.read() == digest and os.path.isfile(output):
                record(output)
                return False
    except OSError:
        pass
    _remove_stamp(stamp)  # a build that stops half-way must not leave a stamp for a half-made file
    write()
    write_atomic(stamp, digest.encode("utf-8"))
    return True


def site_inputs(settings: dict, context: dict) -> str:
    """What every page of the site shows besides its own data, as text for write_derived_page: the
    theme and the kit's code, the site's own content folder (each file's name, size and time), every
    setting (as the templates see them) and the branches the site lists. Made once per build."""
    settings_part = {key: value for key, value in context.items() if key.isupper() and key not in RUN_SETTINGS}
    parts = [
        theme_and_code_digest(settings),
        folder_state(settings["PATH"]),
        json.dumps(plain_value(settings_part), sort_keys=True),
        json.dumps(plain_value(context.get("branches", [])), sort_keys=True),
    ]
    return "\n".join(parts)
