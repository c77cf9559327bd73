"""Running a build as a separate process and measuring it: wall time, CPU time and peak memory of
the whole process tree (the build and its workers together), and which files it wrote.

CPU time is the user and system time that os.wait4 returns for the build: its own and that of
every descendant reaped below it, which for the kit's worker pools (fork or spawn: the pool joins
its workers, so the build reaps them) is all of them. A descendant the build does not reap, such
as the workers of a `forkserver` pool (Python 3.14's default on Linux), which the fork server
reaps and which the build never waits for, would be missed: on Linux this process is made a
"child subreaper" while it measures, so such orphans are handed to it, and it reaps them and adds
their time too."""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PR_SET_CHILD_SUBREAPER, PR_GET_CHILD_SUBREAPER = 36, 37
ORPHANS_WAIT_S = 30  # how long the build's orphans (a fork server, say) may outlive it


def _processes() -> dict[int, tuple[int, int]]:
    """{pid: (parent pid, resident kB)} of every process."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        found[int(entry)] = (int(fields["PPid"]), int(fields.get("VmRSS", "0 kB").split()[0]))
    return found


def _tree_rss_kb(root_pid: int) -> int:
    children: dict[int, list[int]] = {}
    processes = _processes()
    for pid, (parent, _) in processes.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += processes[pid][1] if pid in processes else 0
        todo += children.get(pid, [])
    return total


def _children() -> set[int]:
    me = os.getpid()
    return {pid for pid, (parent, _) in _processes().items() if parent == me}


@contextlib.contextmanager
def _subreaper():
    """This process a child subreaper while the block runs (Linux; elsewhere nothing happens)."""
    if not sys.platform.startswith("linux"):
        yield
        return
    libc = ctypes.CDLL(None, use_errno=True)
    was = ctypes.c_int(0)
    libc.prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(was), 0, 0, 0)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    try:
        yield
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, was.value, 0, 0, 0)


def _reap_orphans(ours_before: set[int]) -> tuple[float, bool]:
    """(CPU seconds, all reaped) of the processes handed to this one since the build started: the
    build's orphans, and theirs. Children this process had before are left alone."""
    cpu, deadline = 0.0, time.monotonic() + ORPHANS_WAIT_S
    while True:
        orphans = _children() - ours_before
        if not orphans:
            return cpu, True
        for pid in orphans:
            with contextlib.suppress(ChildProcessError):
                done, _, usage = os.wait4(pid, os.WNOHANG)
                if done:
                    cpu += usage.ru_utime + usage.ru_stime
        if time.monotonic() > deadline:
            return cpu, False
        time.sleep(0.02)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    output: str
    cpu_seconds: float = 0.0  # user + system, of the process and every descendant


def run_measured(command: list[str], cwd: Path, env: dict) -> Run:
    """Run ``command``; sample the memory of it and its children every 200 ms (and take the
    largest process's own peak, if it is more); its CPU time (and its descendants') as it is reaped."""
    with _subreaper():
        ours_before = _children()
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        ours_before.discard(process.pid)
        peak = [0]
        done = threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_kb(process.pid))
                done.wait(0.2)

        chunks: list[str] = []
        reader = threading.Thread(target=lambda: chunks.append(process.stdout.read()), daemon=True)
        sampler = threading.Thread(target=sample, daemon=True)
        reader.start()
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        orphans_cpu, reaped = _reap_orphans(ours_before)
        reader.join(None if reaped else 1)
        if not reader.is_alive():
            process.stdout.close()
    if not reaped:
        print(f"measure: processes {command[:3]} left behind still run: their CPU time is not counted", flush=True)
    cpu = usage.ru_utime + usage.ru_stime + orphans_cpu
    # the samples miss a run shorter than their interval; wait4 tells the largest process's own peak
    peak_kb = max(peak[0], usage.ru_maxrss if sys.platform.startswith("linux") else 0)
    return Run(seconds, peak_kb / 1024, process.returncode, "".join(chunks), cpu)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """{relative path: (mtime_ns, size)} of every file under ``folder``."""
    found = {}
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = os.path.join(dirpath, name)
            stat = os.stat(path)
            found[os.path.relpath(path, folder)] = (stat.st_mtime_ns, stat.st_size)
    return found


def written(before: dict, after: dict) -> list[str]:
    """Files created or rewritten between two snapshots."""
    return sorted(path for path, (mtime, _) in after.items() if path not in before or before[path][0] != mtime)
