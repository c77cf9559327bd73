"""One build at a time per checkout: two at once would race on the build cache (the share cards, the
reader caches, the last-build record) and on the output folder.

The lock is an flock on a file in the main site's CACHE_PATH, so the system releases it when the
process holding it dies, however it dies. Branch builds run inside the main build (in worker
processes it forks, which share its lock) and never take it themselves. A script that must hold it
across several commands (scripts/publish.sh: its build and its swap) runs them under
`python plugins/incremental_build/build_lock.py` (main, below; run as a file, the package and so
Pelican are not imported: a publish starts at once), which hands the locked file down to them (LOCK_FD_ENV).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import runpy
import sys

LOCK_FILE = "build.lock"
# "<fd>": a parent process holds the lock on this inherited descriptor, for this process too
LOCK_FD_ENV = "REPRODUCIBLE_OUTPUT_BUILD_LOCK_FD"


class BuildRunning(Exception):
    exitcode = 1


# What this process holds, by lock file: (descriptor, pid of the process that took it). A forked
# worker inherits the entry with the lock itself.
_held: dict[str, tuple[int, int]] = {}


def lock_path(settings: dict) -> str:
    return os.path.join(os.path.abspath(settings["CACHE_PATH"]), LOCK_FILE)


def hold_build_lock(settings: dict) -> bool:
    """Take the lock of ``settings``' checkout, or raise BuildRunning at once if another build holds it.
    Nothing else is written first: the cache folder and the empty lock file aside. Returns whether
    it was taken now (False: this process, or the one it came from, holds it already)."""
    if settings.get("BRANCH"):
        return False  # part of a main build, which holds the lock
    path = lock_path(settings)
    if path in _held or _inherited(path):
        return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(handle, 32).decode("ascii", "replace").strip() or "unknown"
        os.close(handle)
        message = f"another build of this checkout is running (pid {holder}); wait for it or stop it"
        print(f"build: {message}", file=sys.stderr)
        raise BuildRunning(message) from None
    os.ftruncate(handle, 0)
    os.write(handle, f"{os.getpid()}\n".encode("ascii"))
    _held[path] = (handle, os.getpid())
    return True


def release_build_lock(settings: dict) -> None:
    """Let the next build run, if this process took the lock (a forked worker's copy stays until it ends)."""
    path = lock_path(settings)
    handle, owner = _held.get(path, (None, None))
    if owner == os.getpid():
        del _held[path]
        os.close(handle)  # never LOCK_UN: that would release it for every process sharing it


def lock_each_run(pelican) -> None:
    """Hold the lock while ``pelican.run`` runs, and let it go when the run ends, however it ends (a
    test process builds many projects; `pelican --autoreload` runs one instance again and again)."""
    settings, run = pelican.settings, pelican.run

    def run_holding_the_lock():
        hold_build_lock(settings)
        try:
            run()
        finally:
            release_build_lock(settings)

    pelican.run = run_holding_the_lock


def _inherited(path: str) -> bool:
    """Whether the descriptor named in LOCK_FD_ENV is ``path``, locked by the process that started this one."""
    try:
        handle = int(os.environ.get(LOCK_FD_ENV, ""))
        same = os.path.samestat(os.fstat(handle), os.stat(path))
    except (ValueError, OSError):
        return False
    if not same:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # succeeds on the parent's own lock, else not held
    except OSError:
        return False
    return True


def _cache_path(settings_file: str, overrides: dict) -> str:
    """CACHE_PATH as pelican.settings.read_settings gives it (relative to the settings file), without
    importing Pelican."""
    folder = os.path.dirname(os.path.abspath(settings_file))
    if "CACHE_PATH" in overrides:
        value = overrides["CACHE_PATH"]
    else:
        sys.path.insert(0, folder)  # publishconf.py imports pelicanconf.py beside it
        value = runpy.run_path(settings_file).get("CACHE_PATH", "cache")
    return os.path.normpath(os.path.join(folder, value))


def main(argv=None) -> int:
    """Run COMMAND holding the build lock of the checkout SETTINGS (with pelican's -e overrides) describe."""
    parser = argparse.ArgumentParser(prog="build_lock.py", description=main.__doc__)
    parser.add_argument("settings")
    parser.add_argument("-e", "--extra-settings", nargs="*", default=[], metavar="KEY=JSON")
    parser.add_argument("command", nargs="+")
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.extra_settings:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    settings = {"CACHE_PATH": _cache_path(args.settings, overrides)}
    try:
        hold_build_lock(settings)
    except BuildRunning:
        return 1
    if lock_path(settings) in _held:  # else a process this one runs under holds it, and handed it down
        handle, _ = _held[lock_path(settings)]
        os.set_inheritable(handle, True)
        os.environ[LOCK_FD_ENV] = str(handle)
    os.execvp(args.command[0], args.command)
    return 0  # not reached: the command has taken this process's place


if __name__ == "__main__":
    del sys.path[0]  # this file's folder: its modules' names must not shadow those the settings import
    sys.exit(main())
