"""CODEOWNERS from every branch.yaml's `editors`: a branch's editors review changes to its folder.

    make codeowners        (python -m branch_subsites.codeowners_cli --settings pelicanconf.py)

Forges read different files in different syntaxes, so CODEOWNERS_FILES maps each file to its
style: "glob" for GitHub and GitLab (/branches/sheffield/), "regexp" for Forgejo and Gitea
(branches/sheffield/.*). `make check` fails when a file is out of date.
"""

from __future__ import annotations

import os

from content_schema import ProblemList

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
    """{absolute path: the text it should hold}."""
    branches = load_branches(settings, report)
    root = settings["KIT_ROOT"]
    return {
        os.path.join(root, path): codeowners_text(branches, settings, style)
        for path, style in settings["CODEOWNERS_FILES"].items()
    }


def check_codeowners(settings, sites, report) -> None:
    for path, text in expected_files(settings, ProblemList(root=report.root)).items():
        try:
            with open(path, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            report.error(
                path,
                0,
                "CODEOWNERS is missing" if current is None else "CODEOWNERS is out of date with the `editors` lists",
                "Run `make codeowners` and commit the result, so each branch's editors review its changes.",
            )


def write_codeowners(settings: dict) -> list[str]:
    written = []
    for path, text in expected_files(settings, ProblemList(root=settings["KIT_ROOT"])).items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        written.append(os.path.relpath(path, settings["KIT_ROOT"]))
    return written
