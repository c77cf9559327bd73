"""`make codeowners`: write the CODEOWNERS files from every branch.yaml's `editors`."""

from __future__ import annotations

import argparse
import sys

from branch_subsites.codeowners import write_codeowners
from editor_checks.command_name import command_name
from kit_settings.declared_settings import read_kit_settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("make codeowners"), description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    for path in write_codeowners(read_kit_settings(args.settings)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
