"""Writing a file whole or not at all: beside its target under a temporary name, then renamed over it.

A full disk, a file-size limit or a build stopped half-way leaves the old file as it was, never a
truncated one, and a reader (nginx serving output/, another process) only ever sees a whole file.
Renaming also gives the file a new inode, so a copy hard-linked elsewhere (an rsync --link-dest
release) is never changed under it.
"""

from __future__ import annotations

import contextlib
import os
import secrets

# Hidden, and never a name the build makes: pruning removes one left by a killed build (it is not
# among the files the build produced), and deploying leaves it out (scripts/deploy.sh).
TEMPORARY_PREFIX = ".tmp-"


def is_temporary(name: str) -> bool:
    return os.path.basename(name).startswith(TEMPORARY_PREFIX)


def write_atomic(path: str, data: bytes, mtime_ns: int | None = None) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (a rename is atomic only
    within one file system), then rename it into place; the temporary goes if anything fails.
    ``mtime_ns``: the time to give the file, else now."""
    folder = os.path.dirname(path) or os.curdir
    tmp = os.path.join(folder, f"{TEMPORARY_PREFIX}{os.getpid()}-{secrets.token_hex(6)}")
    # 0o666 less the umask, as open() gives: tempfile.mkstemp's 0o600 would hide pages from the web server
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(tmp, flags, 0o666)
    except FileNotFoundError:  # the folder is made only when it is missing: most writes go where one was made
        os.makedirs(folder, exist_ok=True)
        handle = os.open(tmp, flags, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if mtime_ns is not None:
            os.utime(tmp, ns=(mtime_ns, mtime_ns))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(tmp)
        raise
