"""Import a party's existing content into a site of the kit: `branchsites import-wordpress` (a
Squarespace or WordPress export) and `branchsites import-calendar` (an iCalendar file or feed).
docs/migrating.md walks through both."""

from __future__ import annotations

import argparse
import os
import sys

from editor_checks.command_name import command_name
from editor_checks.run import check_project
from kit_settings.declared_settings import read_kit_settings

from .destination import NoSuchSite, OutsideSite, SiteDestination
from .import_failed import ImportFailed


def _wordpress(args, destination, settings) -> list[str]:
    from .wordpress import import_wordpress

    return import_wordpress(args, destination, settings)


def _calendar(args, destination, settings) -> list[str]:
    from .calendar_feed import import_calendar

    return import_calendar(args, destination, settings)


IMPORTERS = {"wordpress": _wordpress, "calendar": _calendar}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=command_name("python -m site_import"), description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wordpress = commands.add_parser(
        "wordpress",
        help="a Squarespace export (Settings > Import & Export > Export > WordPress) or any WordPress WXR file",
        description="Turn a WXR export into posts and pages, its pictures into images/, its addresses into redirects.",
    )
    wordpress.add_argument("export", help="the export's .xml file")
    wordpress.add_argument(
        "--old-site", default="", help="the old site's address, e.g. https://www.party.example (default: the export's)"
    )
    calendar = commands.add_parser(
        "calendar",
        help="an iCalendar file or feed (Google Calendar, Mobilizon, Facebook, Squarespace): its events as event files",
        description="Turn an iCalendar file or feed into event files; importing it again updates them.",
    )
    calendar.add_argument("feed", help="the .ics file, or its https:// address")
    for sub in (wordpress, calendar):
        sub.add_argument("--branch", default="", help="the branch's slug (default: the main site)")
        sub.add_argument("--force", action="store_true", help="replace files and redirects that would be kept")
        sub.add_argument("--settings", default="pelicanconf.py", help="the settings file")
    return top


def main(argv=None, settings: dict | None = None) -> int:
    args = parser().parse_args(argv)
    settings = settings or read_kit_settings(args.settings)
    try:
        destination = SiteDestination.for_site(settings, args.branch or None, force=args.force)
        notes = IMPORTERS[args.command](args, destination, settings)
    except (ImportFailed, NoSuchSite, OutsideSite) as exc:
        print(f"import-{args.command}: {exc}", file=sys.stderr)
        return 2
    destination.save_record()
    return report(destination, notes, settings)


def report(destination, notes: list[str], settings: dict) -> int:
    """Say what was written, kept and left out, then check the written files as `make check` does:
    0 when everything was written and passes, 1 otherwise."""
    root = settings["KIT_ROOT"]

    def shown(path: str) -> str:
        return os.path.relpath(path, root)

    print(f"{len(destination.written)} files written, {len(destination.unchanged)} unchanged, in {destination.label}")
    for path in destination.written:
        print(f"  wrote {shown(path)}")
    for path, why in destination.refused:
        print(f"  kept {shown(path)}: {why} (--force replaces it)", file=sys.stderr)
    if notes:
        print("Bring these over by hand, or check them:")
        for note in notes:
            print(f"  - {note}")
    written = {shown(p) for p in destination.written + destination.unchanged}
    problems = [p for p in check_project(settings).sorted() if p.path in written]
    for problem in problems:
        kind = "error" if problem.is_error else "warning"
        print(f"{problem.path}:{problem.line}: {kind}: {problem.message}\n    fix: {problem.fix}", file=sys.stderr)
    errors = [p for p in problems if p.is_error]
    if errors:
        print(f"{len({p.path for p in errors})} imported files do not pass `make check` yet: fix them as said above.")
    elif destination.written or destination.unchanged:
        print("Every imported file passes `make check`. Next: `make html`, look at the pages, open a pull request.")
    return 1 if errors or destination.refused else 0


if __name__ == "__main__":
    sys.exit(main())
