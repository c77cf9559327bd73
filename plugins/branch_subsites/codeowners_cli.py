"""`make codeowners`: write the CODEOWNERS files from every branch.yaml's `editors`."""

from __future__ import annotations

import argparse
import sys

from branch_subsites.codeowners import write_codeowners
from content_schema.problems import ContentProblems
from content_schema.report import format_text
from editor_checks.command_name import command_name
from kit_settings.declared_settings import read_kit_settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("make codeowners"), description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    try:
        written = write_codeowners(read_kit_settings(args.settings))
    except ContentProblems as refused:
        print(format_text(refused.problems), file=sys.stderr)
        count = len(refused.problems)
        print(
            f"{command_name('make codeowners')}: {count} error{'s' if count != 1 else ''} in the branch.yaml files; "
            "no CODEOWNERS file was changed, since a broken branch would be left out of it. "
            "Fix them and run it again.",
            file=sys.stderr,
        )
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
