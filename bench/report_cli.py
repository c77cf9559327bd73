"""The command line of a budget report over a built output folder: its exit status says whether it held."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def run_report(doc: str, report: Callable[[Path], bool], argv=None) -> None:
    """Parse ``OUTPUT`` (default output/), print ``report`` of it, exit 0 if every budget held, else 1."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=Path("output"))
    args = parser.parse_args(argv)
    sys.exit(0 if report(args.output) else 1)
