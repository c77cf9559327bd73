"""`make check`: check every site folder and print all problems; build nothing.

Exit status 1 when there is an error, 0 when there are only warnings or none.
"""

from __future__ import annotations

import argparse
import sys

from content_schema.report import FORMATS, summary_line
from kit_settings.declared_settings import SettingsProblems, read_kit_settings

from .command_name import command_name
from .run import check_project


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("make check"), description=__doc__)
    parser.add_argument("--settings", default="pelicanconf.py", help="the settings file")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text", help="text, or github annotations")
    args = parser.parse_args(argv)

    try:
        problems = check_project(read_kit_settings(args.settings)).sorted()
    except SettingsProblems as stopped:  # the content is checked once the settings are right
        problems = stopped.problems
    if problems:
        print(FORMATS[args.format](problems))
    print(f"make check: {summary_line(problems)}", file=sys.stderr)
    return 1 if any(p.is_error for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
