"""make new-branch | new-post BRANCH=... | new-event BRANCH=...  (python -m scaffold ...)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import zoneinfo

from content_schema.fields import FieldError, date_or_datetime, email, url
from kit_settings.declared_settings import read_kit_settings

from branch_subsites.branch_config import ENGLISH_REGIONS, NATIONS, forge_user, postcode_district
from editor_checks.run import check_project
from events.schema import duration as duration_field
from incremental_build.clock import build_now

from .answers import MissingAnswer, ask
from .writers import WouldOverwrite, new_branch, new_event, new_post, slugify


def _valid(convert):
    def check(value):
        try:
            convert(value)
        except FieldError as exc:
            return f"{exc.message}. {exc.fix}"
        return None

    return check


def _one_of(choices):
    def check(value):
        return None if value in choices else f"choose one of: {', '.join(choices)}"

    return check


def _site_path(settings: dict, branch: str | None) -> str:
    if not branch:
        return settings["PATH"]
    path = os.path.join(settings["BRANCHES_PATH"], branch)
    if not os.path.isfile(os.path.join(path, "branch.yaml")):
        known = sorted(n for n in os.listdir(settings["BRANCHES_PATH"]) if not n.startswith("."))
        raise MissingAnswer(f"there is no branch `{branch}`; the branches are: {', '.join(known)}")
    return path


def post(args, settings) -> list[str]:
    site = _site_path(settings, args.branch)
    title = ask("TITLE", args.title, "Title of the post")
    today = build_now().astimezone(zoneinfo.ZoneInfo("Europe/London")).date()
    day = ask("DATE", args.date, "Date (YYYY-MM-DD)", default=f"{today:%Y-%m-%d}", check=_valid(date_or_datetime))
    summary = ask("SUMMARY", args.summary, "One-sentence summary (Enter to skip)", required=False)
    return [new_post(site, title=title, day=dt.date.fromisoformat(day[:10]), summary=summary, tags=args.tags)]


def event(args, settings) -> list[str]:
    site = _site_path(settings, args.branch)
    title = ask("TITLE", args.title, "Name of the event")
    start = ask("START", args.start, "When it starts (YYYY-MM-DD HH:MM)", check=_valid(date_or_datetime))
    end = args.end or None
    if end:
        ask("END", end, "", check=_valid(date_or_datetime))
    duration = (
        None
        if end
        else ask("DURATION", args.duration, "How long (e.g. 2h, 90m)", default="2h", check=_valid(duration_field))
    )
    location = ask("LOCATION", args.location, "Venue and address (Enter if online only)", required=False)
    online = args.online or None
    if online:
        ask("ONLINE", online, "", check=_valid(url(("https",))))
    return [new_event(site, title=title, start=start, end=end, duration=duration, location=location, online=online)]


def branch(args, settings) -> list[str]:
    name = ask("NAME", args.name, "The branch's name (a town, city or area)")
    slug = ask("SLUG", args.slug, "Its web address", default=slugify(name))
    kind = ask(
        "KIND",
        args.kind,
        "local, or network (not tied to a place)",
        default="local",
        check=_one_of(("local", "network")),
    )
    nation = region = None
    areas: list[str] = []
    if kind == "local":
        nation = ask("NATION", args.nation, f"Nation ({', '.join(NATIONS)})", check=_one_of(NATIONS))
        if nation == "England":
            region = ask("REGION", args.region, "Region", check=_one_of(ENGLISH_REGIONS))
        areas_text = ask("AREAS", args.areas, "Postcode districts it covers, e.g. S1 S2 S10", check=_areas_check)
        areas = [postcode_district(a) for a in areas_text.replace(",", " ").split()]
    contact = ask("CONTACT", args.contact, "The branch's email address", check=_valid(email))
    editors = ask("EDITORS", args.editors, "Forge user names of its editors, e.g. asha-k tomw", check=_editors_check)
    return new_branch(
        settings["BRANCHES_PATH"],
        slug=slug,
        name=name,
        kind=kind,
        nation=nation,
        region=region,
        areas=areas,
        contact=contact,
        editors=editors.replace(",", " ").split(),
    )


def _each_valid(convert, what: str):
    """A check for a list typed with spaces or commas: every item must pass ``convert``, and one is needed."""
    single = _valid(convert)

    def check(text: str) -> str | None:
        for item in text.replace(",", " ").split():
            problem = single(item)
            if problem:
                return problem
        return None if text.strip() else f"give at least one {what}"

    return check


_editors_check = _each_valid(forge_user, "editor")
_areas_check = _each_valid(postcode_district, "district")


COMMANDS = {"new-post": post, "new-event": event, "new-branch": branch}


def main(argv=None, settings: dict | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make", description=__doc__)
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("--settings", default="pelicanconf.py")
    for option in ("branch", "title", "date", "summary", "start", "end", "duration", "location", "online", "name",
                   "slug", "kind", "nation", "region", "areas", "contact", "editors"):  # fmt: skip
        parser.add_argument(f"--{option}", default="")
    parser.add_argument("--tags", default="", type=lambda t: [x for x in t.replace(",", " ").split() if x])
    args = parser.parse_args(argv)
    settings = settings or read_kit_settings(args.settings)
    try:
        written = COMMANDS[args.command](args, settings)
    except (MissingAnswer, WouldOverwrite, ValueError) as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 2
    root = settings["KIT_ROOT"]
    shown = [os.path.relpath(p, root) for p in written]
    problems = [p for p in check_project(settings).sorted() if p.is_error and any(p.path.startswith(s) for s in shown)]
    for path in shown:
        print(f"wrote {path}")
    if problems:
        for problem in problems:
            print(f"{problem.path}:{problem.line}: {problem.message}\n    fix: {problem.fix}", file=sys.stderr)
        return 1
    if args.command == "new-branch":
        print("Next: run `make codeowners` so the new editors review their branch, and commit everything.")
    else:
        print(f"Next: edit {shown[0]}, run `make check`, and open a pull request.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
