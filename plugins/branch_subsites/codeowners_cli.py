"""`make codeowners`: write the CODEOWNERS files from every branch.yaml's `editors`."""

from __future__ import annotations

import argparse
import sys

from kit_settings.declared_settings import read_kit_settings

from branch_subsites.codeowners import write_codeowners


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="make codeowners", description=__doc__.splitlines()[0])
    parser.add_argument("--settings", default="pelicanconf.py")
    args = parser.parse_args(argv)
    for path in write_codeowners(read_kit_settings(args.settings)):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
