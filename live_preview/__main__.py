"""make devserver [PORT=8000]: build, serve, and rebuild what a saved file affects."""

from __future__ import annotations

import argparse
import os
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


def build(root: str, settings: str, output: str) -> bool:
    """One `pelican` run: unchanged branches are skipped, so this rebuilds the changed branch and the main site."""
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", output, "-s", settings, "--fatal", "errors"],
        cwd=root,
        check=False,
    )
    took = time.monotonic() - started
    print(f"live_preview: {'built' if result.returncode == 0 else 'BUILD FAILED'} in {took:.1f} s", flush=True)
    return result.returncode == 0


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
    build(root, args.settings, args.output)
    server = start_server(os.path.join(root, args.output), args.port, counter, args.bind)
    print(f"live_preview: http://{args.bind}:{args.port}/ (pages reload after each build; Ctrl-C stops)", flush=True)
    watched = [p for p in ("content", "branches", "theme", "plugins", args.settings) if os.path.exists(p)]
    try:
        for changes in watchfiles.watch(*watched, watch_filter=SourceFilter(), debounce=200, step=50):
            names = sorted({os.path.relpath(path, root) for _, path in changes})
            print(f"live_preview: changed {', '.join(names[:3])}{' ...' if len(names) > 3 else ''}", flush=True)
            if build(root, args.settings, args.output):
                counter.bump()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
