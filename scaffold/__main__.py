"""Write a correctly formed post, event or branch folder: `branchsites new-post` (`make new-post`)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import zoneinfo

from branch_subsites.branch_config import (
    ENGLISH_REGIONS,
    NATIONS,
    branch_folder,
    forge_user,
    known_branches,
    postcode_district,
)
from content_schema.fields import FieldError, date_or_datetime, email, url
from content_schema.problems import ProblemList
from editor_checks.command_name import command_name
from editor_checks.run import check_project
from editor_checks.scaffold_text import find_scaffold_text
from events.schema import duration as duration_field
from incremental_build.clock import build_now
from kit_settings.declared_settings import read_kit_settings

from .answers import MissingAnswer, ask
from .issue_form import event_answers, form_fields, submitted_answers
from .writers import WouldOverwrite, new_branch, new_event, new_post, slugify


def _problem_with(convert, value, fix_word: str = "") -> str | None:
    """What is wrong with ``value`` for a field kind, with its fix (after ``fix_word``), or None."""
    try:
        convert(value)
    except FieldError as exc:
        return f"{exc.message}. {fix_word}{exc.fix}"
    return None


def _valid(convert):
    return lambda value: _problem_with(convert, value)


def _one_of(choices):
    def check(value):
        return None if value in choices else f"choose one of: {', '.join(choices)}"

    return check


def _site_path(settings: dict, branch: str | None) -> str:
    if not branch:
        return settings["PATH"]
    path = branch_folder(settings, branch)
    if path is None:
        raise MissingAnswer(f"there is no branch `{branch}`; the branches are: {', '.join(known_branches(settings))}")
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


# Each command's own options, with what they are; the others are accepted and unused, as the Makefile
# passes every variable to each of them (SCAFFOLD_VARS).
OPTIONS = {
    "branch": "the branch's folder name (none: the national site)",
    "title": "the title",
    "date": "the post's date, YYYY-MM-DD (default: today)",
    "summary": "a one-sentence summary",
    "tags": "tags, separated by spaces or commas",
    "start": "when it starts, YYYY-MM-DD HH:MM",
    "end": "when it ends, YYYY-MM-DD HH:MM",
    "duration": "how long, e.g. 2h or 90m (default 2h, when there is no --end)",
    "location": "the venue and its address",
    "online": "the https address to join online",
    "name": "the branch's name (a town, city or area)",
    "slug": "its web address (default: made from the name)",
    "kind": "local, or network (not tied to a place)",
    "nation": "its nation",
    "region": "its region (England)",
    "areas": "the postcode districts it covers, e.g. 'S1 S2 S10'",
    "contact": "the branch's email address",
    "editors": "forge user names of its editors, e.g. 'asha-k tomw'",
}
COMMAND_OPTIONS = {
    "new-post": ("write a news post", ("branch", "title", "date", "summary", "tags")),
    "new-event": ("write an event", ("branch", "title", "start", "end", "duration", "location", "online")),
    "new-branch": (
        "start a branch folder",
        ("name", "slug", "kind", "nation", "region", "areas", "contact", "editors"),
    ),
}


ISSUE_FORM = ".github/ISSUE_TEMPLATE/add-event.yml"


def event_from_issue(args, settings) -> tuple[str | None, list[str]]:
    """The event file an "Add an event" issue asks for, written and checked: (its path, []) or
    (None, the problems, each with its fix), and then nothing is left written."""
    root = settings["KIT_ROOT"]
    with open(os.path.join(root, args.form), encoding="utf-8") as handle:
        labels = form_fields(handle.read())
    with open(args.body_file, encoding="utf-8") as handle:
        event = event_answers(submitted_answers(handle.read(), labels))
    by_id = {field_id: label for label, field_id in labels.items()}
    problems = []
    site = settings["PATH"]
    if event.branch:
        site = branch_folder(settings, event.branch)
        if site is None:
            problems.append(
                f"**{by_id['branch']}**: there is no branch `{event.branch}`. "
                f"Fix: write one of {', '.join(known_branches(settings))}, or leave it empty for a national event."
            )
    if not event.title:
        problems.append(f"**{by_id['title']}** is empty. Fix: give the event a name.")
    for name in ("start", "end"):
        value = getattr(event, name)
        if value:
            problem = _problem_with(date_or_datetime, value, "Fix: ")
            if problem:
                problems.append(f"**{by_id[name]}**: {problem}")
    if not event.start:
        problems.append(f"**{by_id['start']}** is empty. Fix: write the date and time, like 2027-03-14 19:00.")
    if event.online:
        problem = _problem_with(url(("https",)), event.online, "Fix: ")
        if problem:
            problems.append(f"**{by_id['online']}**: {problem}")
    if problems:
        return None, problems
    try:
        path = new_event(site, title=event.title, start=event.start, end=event.end or None, duration=None,
                         location=event.location or None, online=event.online or None,
                         more=tuple(event.more), text=event.text or None)  # fmt: skip
    except WouldOverwrite as exc:
        return None, [f"{exc} Fix: edit the existing file, or change the event's name."]
    shown = os.path.relpath(path, root)
    found = [p for p in check_project(settings).sorted() if p.is_error and p.path == shown]
    found += sorted(scaffold_text_left([path], root))
    if found:
        os.remove(path)
        return None, [f"line {p.line} of the event: {p.message}. Fix: {p.fix}" for p in found]
    return path, event.notes


def _tags(text: str) -> list[str]:
    return [x for x in text.replace(",", " ").split() if x]


def parser() -> argparse.ArgumentParser:
    """`new-post`, `new-event` and `new-branch`, each showing its own options; asks for what is missing."""
    top = argparse.ArgumentParser(prog=command_name("python -m scaffold"), description=__doc__)
    commands = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command, (summary, own) in COMMAND_OPTIONS.items():
        sub = commands.add_parser(
            command, help=summary, description=f"{summary.capitalize()}; asks for what is missing."
        )
        sub.add_argument("--settings", default="pelicanconf.py", help="the settings file")
        for option, what in OPTIONS.items():
            shown = what if option in own else argparse.SUPPRESS
            sub.add_argument(f"--{option}", default="", type=_tags if option == "tags" else str, help=shown)
    issue = commands.add_parser(
        "event-from-issue",
        help="write the event an 'Add an event' issue asks for, checked (the issue workflow)",
        description="Write and check the event an 'Add an event' issue asks for; on a problem, write nothing.",
    )
    issue.add_argument("--settings", default="pelicanconf.py", help="the settings file")
    issue.add_argument("--body-file", required=True, help="the issue's body, as the forge submitted the form")
    issue.add_argument("--form", default=ISSUE_FORM, help=f"the issue form (default {ISSUE_FORM})")
    issue.add_argument("--comment-file", default="", help="where to write the answer for the issue, on a problem")
    issue.add_argument("--pr-body-file", default="", help="where to write the pull request's text")
    return top


def issue_main(args, settings) -> int:
    path, said = event_from_issue(args, settings)
    if path is None:
        comment = "This event could not be added to the website yet. Please edit the issue:\n\n"
        comment += "".join(f"- {line}\n" for line in said)
        comment += "\nWhen the issue is edited, it is read again.\n"
        if args.comment_file:
            with open(args.comment_file, "w", encoding="utf-8") as handle:
                handle.write(comment)
        print(comment, file=sys.stderr)
        return 1
    shown = os.path.relpath(path, settings["KIT_ROOT"])
    if args.pr_body_file:
        text = f"The event from the issue, as `{shown}`; it passes `make check`.\n"
        text += "".join(f"\n- {note}" for note in said)
        with open(args.pr_body_file, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    print(shown)
    return 0


def main(argv=None, settings: dict | None = None) -> int:
    args = parser().parse_args(argv)
    settings = settings or read_kit_settings(args.settings)
    if args.command == "event-from-issue":
        return issue_main(args, settings)
    try:
        written = COMMANDS[args.command](args, settings)
    except (MissingAnswer, WouldOverwrite, ValueError) as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 2
    root = settings["KIT_ROOT"]
    shown = [os.path.relpath(p, root) for p in written]
    to_replace = scaffold_text_left(written, root)
    problems = [
        p
        for p in check_project(settings).sorted()
        if p.is_error and any(p.path.startswith(s) for s in shown) and p not in to_replace
    ]
    for path in shown:
        print(f"wrote {path}")
    if problems:
        for problem in problems:
            print(f"{problem.path}:{problem.line}: {problem.message}\n    fix: {problem.fix}", file=sys.stderr)
        return 1
    # The example text is what the editor is to replace: `make check` refuses it until they have.
    print("Next: replace the example text on these lines (`make check` refuses to publish it):")
    for problem in sorted(to_replace):
        print(f"    {problem.path} line {problem.line}")
    if args.command == "new-branch":
        print("then run `make codeowners` so the new editors review their branch, and commit everything.")
    else:
        print("then run `make check`, and open a pull request.")
    return 0


def scaffold_text_left(written: list[str], root: str) -> set:
    """The lines of the files just written that hold the scaffolding's text (each a check error)."""
    report = ProblemList(root=root)
    for path in written:
        with open(path, encoding="utf-8") as handle:
            find_scaffold_text(path, handle.read(), report)
    return set(report.sorted())


if __name__ == "__main__":
    sys.exit(main())
