"""`branchsites new-site DIR`: a new party's site, made by copier from the kit's template (site_template/).

Each question of the template (site_template/questions.yml) is an option (`--party-name`, `--domain`...);
copier asks for the others in a terminal; with --defaults, or with no terminal to ask in, each takes its
default (the party's name and domain have none: give them). The imprint's promoter and the privacy and
accessibility contacts may be left empty: the site then does not build until pelicanconf.py sets them,
and the command names those settings. The site is locked to this kit's
version. With --kit-repository (the kit's git address), its .copier-answers.yml names that repository and
this version's tag, so `make upgrade` can take the template of a later version from there
(docs/upgrading.md); made from the installed kit, the template has no tag of its own to record.
"""

from __future__ import annotations

import argparse
import os
import sys

import yaml
from copier import run_copy
from copier.errors import CopierAnswersInterrupt, CopierError

from . import __version__
from .paths import PACKAGE_PATH

TEMPLATE_PATH = os.path.join(PACKAGE_PATH, "site_template")
QUESTIONS_FILE = os.path.join(TEMPLATE_PATH, "questions.yml")
ANSWERS_FILE = ".copier-answers.yml"
SET_BY_THE_COMMAND = {"kit_version"}
# The questions whose settings a site cannot build without, but which may be left empty for now.
REQUIRED_TO_BUILD = {
    "imprint_promoter_name": "IMPRINT_PROMOTER_NAME",
    "imprint_promoter_address": "IMPRINT_PROMOTER_ADDRESS",
    "imprint_on_behalf_of_address": "IMPRINT_ON_BEHALF_OF_ADDRESS",
    "privacy_contact_name": "PRIVACY_DATA_PROTECTION_CONTACT",
    "privacy_contact_email": "PRIVACY_DATA_PROTECTION_CONTACT",
    "accessibility_contact_email": "ACCESSIBILITY_CONTACT_EMAIL",
    "accessibility_prepared_on": "ACCESSIBILITY_PREPARED_ON",
}  # this kit's own version: a site starts on the kit that made it


def template_questions() -> dict[str, dict]:
    """{question name: its definition}, in the template's order (copier's settings left out)."""
    with open(QUESTIONS_FILE, encoding="utf-8") as handle:
        questions = yaml.safe_load(handle)
    return {name: spec for name, spec in questions.items() if not name.startswith("_")}


def option_name(question: str) -> str:
    return "--" + question.replace("_", "-")


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="branchsites new-site",
        description=__doc__.split("\n\n")[0],
        epilog="Then: cd DIR, git init, commit, and `make html` (docs/make-it-your-party.md in the kit).",
    )
    made.add_argument("directory", metavar="DIR", help="the new site's folder (new, or empty)")
    for name, spec in template_questions().items():
        if name in SET_BY_THE_COMMAND:
            continue
        choices = list(spec.get("choices", {}).values()) or None
        metavar = "{" + ",".join(choices) + "}" if choices else name.upper()
        made.add_argument(
            option_name(name), dest=name, metavar=metavar, choices=choices, help=" ".join(spec["help"].split())
        )
    made.add_argument("--defaults", action="store_true", help="ask nothing: every question not given takes its default")
    return made


def read_answers(directory: str) -> tuple[str, dict]:
    """The answers file's comment lines, and its answers."""
    with open(os.path.join(directory, ANSWERS_FILE), encoding="utf-8") as handle:
        text = handle.read()
    return "".join(line for line in text.splitlines(keepends=True) if line.startswith("#")), yaml.safe_load(text)


def record_kit_source(directory: str, repository: str) -> None:
    """Name the kit's repository and this version's tag in the answers file, as `copier copy` from that
    repository at that tag would have (the installed template is that tag's, file for file:
    tests/test_site_upgrade.py compares them)."""
    header, answers = read_answers(directory)
    answers.update({"_commit": f"v{__version__}", "_src_path": repository})
    with open(os.path.join(directory, ANSWERS_FILE), "w", encoding="utf-8") as handle:
        handle.write(header + yaml.safe_dump(dict(sorted(answers.items())), sort_keys=False, allow_unicode=True))


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    if os.path.exists(args.directory) and (not os.path.isdir(args.directory) or os.listdir(args.directory)):
        print(f"branchsites new-site: {args.directory} is not empty: give a new folder.", file=sys.stderr)
        return 1
    data = {name: value for name, value in vars(args).items() if name in template_questions() and value is not None}
    data["kit_version"] = __version__
    ask = not args.defaults and sys.stdin.isatty()
    try:
        run_copy(TEMPLATE_PATH, args.directory, data=data, defaults=not ask, quiet=True)
    except (CopierError, CopierAnswersInterrupt, ValueError) as error:
        print(f"branchsites new-site: nothing was made: {error}", file=sys.stderr)
        return 1
    answers = read_answers(args.directory)[1]
    unset = dict.fromkeys(setting for name, setting in REQUIRED_TO_BUILD.items() if not str(answers[name]).strip())
    if unset:
        print(
            f"branchsites new-site: the site does not build until pelicanconf.py sets {', '.join(unset)} "
            "(docs/imprints.md, docs/privacy-and-accessibility.md): `make check` names them.",
            file=sys.stderr,
        )
    repository = answers["kit_repository"]
    if repository:
        record_kit_source(args.directory, repository)
    else:
        print(
            "branchsites new-site: no --kit-repository given: `make upgrade` needs the kit's git address "
            "in .copier-answers.yml (docs/upgrading.md).",
            file=sys.stderr,
        )
    print(f"made {args.directory}: cd there, `git init`, commit, then `make html`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
