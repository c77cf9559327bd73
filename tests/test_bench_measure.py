"""make bench's CPU time (bench/measure.py): the user and system time of the whole process tree, a
build's worker processes included, however they were started and whoever reaped them."""

from __future__ import annotations

import ctypes
import sys
import textwrap

import pytest

from bench.measure import PR_GET_CHILD_SUBREAPER, run_measured

BURN_S = 0.6  # CPU seconds each grandchild burns (by its own CPU clock: however busy the machine)

BURN = f"""
import time
def burn(seconds={BURN_S}):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return seconds
"""

# A child that starts a grandchild with subprocess and waits for it.
WAITED = (
    BURN
    + f"""
import subprocess, sys
subprocess.run([sys.executable, "-c", {BURN + "burn()"!r}], check=True)
"""
)

# A child with a pool of two worker processes, as the kit's builds have.
POOL = (
    BURN
    + """
import multiprocessing, sys
from concurrent.futures import ProcessPoolExecutor
if __name__ == "__main__":
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(sys.argv[1])) as pool:
        assert sum(pool.map(burn, [0.6, 0.6])) == 1.2
"""
)

# A child that leaves its grandchild behind: it exits first, and the grandchild burns on, an orphan.
ORPHAN = (
    BURN
    + f"""
import subprocess, sys
subprocess.Popen([sys.executable, "-c", {"import time; time.sleep(1)" + BURN + "burn()"!r}])
"""
)


def measured(tmp_path, code: str, *args: str):
    script = tmp_path / "child.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    run = run_measured([sys.executable, str(script), *args], tmp_path, None)
    assert run.returncode == 0, run.output
    return run


def test_a_grandchild_the_child_waits_for_is_counted(tmp_path):
    run = measured(tmp_path, WAITED)
    assert run.cpu_seconds >= BURN_S
    assert run.seconds >= BURN_S


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_the_workers_of_a_pool_are_counted_however_they_start(tmp_path, method):
    # forkserver (Python 3.14's default on Linux): the workers are the fork server's children, and the
    # build never waits for the fork server; they are counted all the same
    run = measured(tmp_path, POOL, method)
    assert run.cpu_seconds >= 2 * BURN_S


def test_an_orphaned_grandchild_is_waited_for_and_counted(tmp_path):
    run = measured(tmp_path, ORPHAN)
    assert run.cpu_seconds >= BURN_S
    assert run.seconds < 1  # the wall time is the child's own: it exits before the grandchild wakes


def test_this_process_is_left_as_it_was():
    libc = ctypes.CDLL(None, use_errno=True)

    def subreaper() -> int:
        flag = ctypes.c_int(-1)
        assert libc.prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0) == 0
        return flag.value

    before = subreaper()
    run_measured([sys.executable, "-c", "pass"], None, None)
    assert subreaper() == before


def test_the_peak_memory_of_a_run_shorter_than_the_samples_interval_is_its_own(tmp_path):
    run = measured(tmp_path, "block = b'x' * (150 * 2**20)\n")
    assert run.peak_mb >= 150
