"""Files derived from many inputs and slow to make (a national calendar, a search index): made again
only when their inputs change. A digest of the inputs is kept in the build cache beside the file's name."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

from .cache_files import write_atomic
from .files import write_output_file
from .fingerprint import code_digest
from .produced import record


def write_derived(settings: dict, output_path: str, relative: str, inputs: str, make: Callable[[], bytes]) -> bool:
    """Write ``output_path/relative`` from ``make()`` unless ``inputs`` (text that determines the
    bytes) are those the file was last made from and it is still there. Returns whether it was made."""
    digest = hashlib.blake2b(inputs.encode("utf-8"), digest_size=16)
    digest.update(code_digest(settings).encode())  # new plugin code or settings make it again too
    digest = digest.hexdigest()
    output = os.path.join(output_path, relative)
    stamp = os.path.join(settings["CACHE_PATH"], "derived", relative + ".digest")
    try:
        with open(stamp, encoding="utf-8") as handle:
            if handle.read() == digest and os.path.isfile(output):
                record(output)
                return False
    except OSError:
        pass
    if os.path.exists(stamp):
        os.remove(stamp)  # a build that stops half-way must not leave a stamp for a half-made file
    write_output_file(output_path, relative, make())
    write_atomic(stamp, digest.encode("utf-8"))
    return True
