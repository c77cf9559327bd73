"""The `branchsites` command: each subcommand runs one of the kit's own commands (those the Makefile runs
with `python -m`), with the kit's plugins importable by their names. Run in a site's folder."""

from __future__ import annotations

import argparse
import os
import runpy
import sys

from . import __version__
from .paths import CHECKOUT_PATH, PACKAGE_PATH, PLUGINS_PATH

# subcommand: (the module run as __main__, arguments put before the user's, what it does)
COMMANDS = {
    "new-site": (
        "branchsites.new_site",
        [],
        "make a new party's site from the kit's template (docs/make-it-your-party.md)",
    ),
    "check": ("editor_checks", [], "check all content and report every problem; build nothing (make check)"),
    "new-branch": ("scaffold", ["new-branch"], "start a branch folder (make new-branch)"),
    "new-post": ("scaffold", ["new-post"], "write a news post (make new-post)"),
    "new-event": ("scaffold", ["new-event"], "write an event (make new-event)"),
    "event-from-issue": (
        "scaffold",
        ["event-from-issue"],
        "write and check the event an 'Add an event' issue asks for (the issue workflow)",
    ),
    "import-wordpress": (
        "site_import",
        ["import-wordpress"],
        "turn a Squarespace or WordPress export into posts, pages, pictures and redirects (make import-wordpress)",
    ),
    "import-calendar": (
        "site_import",
        ["import-calendar"],
        "turn an iCalendar file or feed into event files; again, to update them (make import-calendar)",
    ),
    "codeowners": ("branch_subsites.codeowners_cli", [], "write CODEOWNERS from every branch.yaml (make codeowners)"),
    "trust-review": (
        "branch_subsites.trust_review",
        [],
        "fail if a reviewed branch.yaml key changed (make trust-review)",
    ),
    "branch": ("branch_subsites", [], "build one branch alone, for its own domain (make publish BRANCH=slug)"),
    "preview": ("live_preview", [], "serve, rebuild on every save, reload the page (make devserver)"),
    "server-config": (
        "server_configs",
        [],
        "write nginx's, Apache's or Caddy's configuration for the published site (make server-config)",
    ),
}
KIT_TOOLS = {"scaffold", "live_preview", "site_import"}  # packaged inside branchsites; at the root of a kit checkout


def _module_name(module: str) -> str:
    if module not in KIT_TOOLS:
        return module
    if os.path.isdir(os.path.join(PACKAGE_PATH, module)):
        return f"{__package__}.{module}"
    sys.path.insert(0, CHECKOUT_PATH)
    return module


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="branchsites",
        description=__doc__,
        epilog="`branchsites COMMAND --help` tells a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (_, _, summary) in COMMANDS.items():
        commands.add_parser(name, help=summary, add_help=False)
    args, rest = parser.parse_known_args(argv)
    module, leading, _ = COMMANDS[args.command]
    sys.path.insert(0, PLUGINS_PATH)
    # The name the command's usage shows (editor_checks.command_name): a module that takes the
    # subcommand as its own first argument (scaffold) adds it itself.
    os.environ["BRANCHSITES_COMMAND"] = "branchsites" if leading else f"branchsites {args.command}"
    sys.argv = [f"branchsites {args.command}", *leading, *rest]
    runpy.run_module(_module_name(module), run_name="__main__", alter_sys=True)  # its sys.exit ends the command
    return 0


if __name__ == "__main__":
    sys.exit(main())
