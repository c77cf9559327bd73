"""Build one branch on its own, as the site of its own domain (`make publish BRANCH=slug`).

The main site's Pelican is set up (so its receivers run: the build's "now", every check,
the shared addresses, the theme's hashed names) but not run; the branch is then built with
the settings the full build would give it, into its own output folder. The result is the
same as the branch's folder of a full build: its pages, its own copy of the theme, and its
sitemap, robots.txt and security.txt.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from pelican import Pelican
from pelican.log import init as init_logging

from content_schema import ContentProblems, ProblemList
from editor_checks.command_name import command_name
from kit_settings.declared_settings import read_kit_settings

from .branch_config import load_branches
from .branch_settings import branch_settings, has_own_domain
from .build_errors import collected_errors
from .generator import BranchBuildFailed


class NotOnItsOwn(Exception):
    exitcode = 2


def build_branch_alone(settings: dict, slug: str, output_path: str) -> dict:
    """Build branch ``slug`` into ``output_path``; return the settings it was built with."""
    main = Pelican(settings).settings  # runs every `initialized` receiver, writes nothing
    report = ProblemList(root=main["KIT_ROOT"])
    branches = {b.slug: b for b in load_branches(main, report)}
    if report.errors:
        raise ContentProblems(report.sorted())
    branch = branches.get(slug)
    if branch is None:
        raise NotOnItsOwn(f"there is no branch `{slug}` in {main['BRANCHES_PATH']}")
    if not has_own_domain(branch, main):
        raise NotOnItsOwn(
            f"branch `{slug}` has no `domain` in its branch.yaml (or BRANCH_OWN_DOMAINS is off): "
            "it is published as part of the main site, with `make publish`"
        )
    own = branch_settings(branch, main)
    own["OUTPUT_PATH"] = os.path.abspath(output_path)  # the cache stays the full build's: one SEQUENCE per event
    with collected_errors() as errors:  # every error, with its file and line, not --fatal's first one
        Pelican(own).run()
    if errors:
        raise BranchBuildFailed(f"branch `{slug}` failed to build:\n  " + "\n  ".join(errors))
    return own


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("python -m branch_subsites"), description=__doc__.split("\n")[0])
    parser.add_argument("--settings", default="publishconf.py")
    parser.add_argument("--branch", required=True, help="the branch's folder name (slug)")
    parser.add_argument("--output", required=True, help="the folder to build into")
    parser.add_argument(
        "-e", "--extra-settings", nargs="*", default=[], metavar="KEY=JSON", help="as pelican's -e: override settings"
    )
    args = parser.parse_args(argv)
    init_logging(level=logging.WARNING, fatal="errors", name="branch_subsites")  # as `pelican --fatal errors`
    overrides = {}
    for item in args.extra_settings:
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value)
    try:
        build_branch_alone(read_kit_settings(args.settings, override=overrides), args.branch, args.output)
    except Exception as exc:  # the kit's own errors say what is wrong and where: no traceback for them
        if not hasattr(exc, "exitcode"):
            raise
        print(f"make publish BRANCH={args.branch}: {exc}", file=sys.stderr)
        return exc.exitcode
    return 0
