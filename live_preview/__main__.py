"""make devserver [PORT=8000]: build, serve, and rebuild what a saved file affects."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time

import watchfiles

from .server import BuildCounter, start_server

IGNORED = {"output", ".cache", ".venv", "node_modules", ".git", "__pycache__", ".pytest_cache", ".ruff_cache"}


class SourceFilter(watchfiles.DefaultFilter):
    def __call__(self, change, path: str) -> bool:
        parts = set(path.split(os.sep))
        return super().__call__(change, path) and not parts & IGNORED and not path.endswith((".swp", "~"))


ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")  # terminal colours, should any get through
# Pelican's own lines around the kit's list of problems, which say nothing to an editor
NOISE = re.compile(
    r"^(Done: Processed|and \d+ draft pages|branch_subsites: \d+ branches|responsive_images: |\S+\.py:\d+$)"
)
# Pelican's log records: "[12:00:00] CRITICAL ContentProblems: ...   __init__.py:683"
RECORD = re.compile(r"^\[\d\d:\d\d:\d\d\]\s+[A-Z]+\s+(?:[A-Za-z]+: )?|\s{2,}\S+\.py:\d+$")


def problems_in(said: str) -> str:
    """What a failed build printed, as the page shows it: the kit's list of files, lines and fixes,
    then the log's last word on it ("1 error in the content: nothing was built...")."""
    listed, last_word = [], []
    for line in said.splitlines():
        line = ESCAPES.sub("", line).rstrip()
        if not line.strip() or NOISE.match(line.strip()):
            continue
        (last_word if RECORD.match(line) else listed).append(RECORD.sub("", line))
    return "\n".join(listed + last_word).replace("(see the list above)", "(the list above)").strip()


def build(root: str, settings: str, output: str) -> tuple[bool, str]:
    """One `pelican` run: unchanged branches are skipped, so this rebuilds the changed branch and the
    main site. Returns whether it built and, if not, its problems; what it printed is printed too."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", output, "-s", settings, "--fatal", "errors"],
        cwd=root,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"},
        capture_output=True,
        text=True,
        check=False,
    )
    said = result.stdout + result.stderr
    sys.stdout.write(said)
    took = time.monotonic() - started
    print(f"live_preview: {'built' if result.returncode == 0 else 'BUILD FAILED'} in {took:.1f} s", flush=True)
    return result.returncode == 0, "" if result.returncode == 0 else problems_in(said)


def main(argv=None) -> int:
    # as editor_checks.command_name, which is not importable here under `make devserver`
    parser = argparse.ArgumentParser(
        prog=os.environ.get("BRANCHSITES_COMMAND") or "make devserver", description=__doc__
    )
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args(argv)
    root = os.getcwd()
    counter = BuildCounter()
    built, problems = build(root, args.settings, args.output)
    if not built:
        counter.failed(problems)
    server = start_server(os.path.join(root, args.output), args.port, counter, args.bind)
    print(f"live_preview: http://{args.bind}:{args.port}/ (pages reload after each build; Ctrl-C stops)", flush=True)
    watched = [p for p in ("content", "branches", "theme", "plugins", args.settings) if os.path.exists(p)]
    try:
        for changes in watchfiles.watch(*watched, watch_filter=SourceFilter(), debounce=200, step=50):
            names = sorted({os.path.relpath(path, root) for _, path in changes})
            print(f"live_preview: changed {', '.join(names[:3])}{' ...' if len(names) > 3 else ''}", flush=True)
            built, problems = build(root, args.settings, args.output)
            if built:
                counter.bump()
            else:
                counter.failed(problems)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
