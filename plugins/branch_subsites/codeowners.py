"""CODEOWNERS from every branch.yaml's `editors`: a branch's editors review changes to its folder.

    make codeowners        (python -m branch_subsites.codeowners_cli --settings pelicanconf.py)

Forges read different files in different syntaxes, so CODEOWNERS_FILES maps each file to its
style: "glob" for GitHub and GitLab (/branches/sheffield/), "regexp" for Forgejo and Gitea
(branches/sheffield/.*). `make check` fails when a file is out of date, with one message for all
of them. Neither writes nor compares while a branch.yaml has an error: a broken branch would be
left out, and its editors would lose the review of their folder without anyone being told.
"""

from __future__ import annotations

import os

from content_schema import ProblemList
from content_schema.problems import ContentProblems

from .branch_config import load_branches

HEADER = (
    "# Written by `make codeowners` from every branch.yaml's `editors`; do not edit by hand.\n"
    "# `make check` fails when this file is out of date.\n"
)


def _handle(user: str) -> str:
    return user if user.startswith("@") else f"@{user}"


def codeowners_text(branches, settings: dict, style: str) -> str:
    national = " ".join(_handle(u) for u in settings["CODEOWNERS_NATIONAL"])
    branches_folder = os.path.basename(os.path.normpath(settings["BRANCHES_PATH"]))
    lines = [HEADER]
    if national:
        lines.append("# The national team reviews everything; each branch's editors review their own folder.")
        lines.append(f"{'*' if style == 'glob' else '.*'} {national}")
    for branch in sorted(branches, key=lambda b: b.slug):
        owners = " ".join(_handle(u) for u in branch.editors)
        if style == "glob":
            lines.append(f"/{branches_folder}/{branch.slug}/ {owners}")
        else:
            # slugs are [a-z0-9-]: nothing in them needs escaping in a regular expression
            lines.append(f"{branches_folder}/{branch.slug}/.* {owners}")
    return "\n".join(lines) + "\n"


def expected_files(settings: dict, report) -> dict[str, str]:
    """{absolute path: the text it should hold}; a branch.yaml's problems go to ``report``."""
    branches = load_branches(settings, report)
    root = settings["KIT_ROOT"]
    return {
        os.path.join(root, path): codeowners_text(branches, settings, style)
        for path, style in settings["CODEOWNERS_FILES"].items()
    }


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def check_codeowners(settings, sites, report) -> None:
    """One error for every CODEOWNERS file that `make codeowners` would change, since one run fixes all."""
    branch_problems = ProblemList(root=report.root)
    expected = expected_files(settings, branch_problems)
    if branch_problems.errors:
        return  # the branch checks report them; `make codeowners` refuses until they are fixed
    missing, stale = [], []
    for path, text in expected.items():
        current = _read(path)
        if current != text:
            (missing if current is None else stale).append(report.display_path(path))
    if not missing and not stale:
        return
    parts = []
    if missing:
        parts.append(f"{_names(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    if stale:
        parts.append(f"{_names(stale)} {'is' if len(stale) == 1 else 'are'} out of date with the `editors` lists")
    report.error(
        sorted(missing + stale)[0],
        0,
        "; ".join(parts),
        "Run `make codeowners` and commit the result, so each branch's editors review its changes.",
    )


def _names(paths: list[str]) -> str:
    paths = sorted(paths)
    return paths[0] if len(paths) == 1 else ", ".join(paths[:-1]) + " and " + paths[-1]


def write_codeowners(settings: dict) -> list[str]:
    """Write every CODEOWNERS file; raise ContentProblems, writing nothing, while a branch.yaml has errors."""
    report = ProblemList(root=settings["KIT_ROOT"])
    expected = expected_files(settings, report)
    if report.errors:
        raise ContentProblems(report.errors)
    written = []
    for path, text in expected.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(os.path.relpath(path, settings["KIT_ROOT"]))
    return written
