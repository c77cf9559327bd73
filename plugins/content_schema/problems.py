"""What an editor did wrong, where, and how to put it right."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .report import format_text

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, at one line, with the fix in plain words."""

    path: str  # relative to the project folder, as editors see it in the forge
    line: int  # 1-based; 0 when the problem is about the whole file
    message: str
    fix: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass
class ProblemList:
    """Problems gathered from every check, with paths shown relative to ``root``."""

    root: str
    problems: list[Problem] = field(default_factory=list)

    def display_path(self, path: str | os.PathLike) -> str:
        path = os.fspath(path)
        if os.path.isabs(path):
            rel = os.path.relpath(path, self.root)
            if not rel.startswith(".."):
                path = rel
        return path.replace(os.sep, "/")

    def error(self, path, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.display_path(path), line, message, fix, ERROR))

    def warning(self, path, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.display_path(path), line, message, fix, WARNING))

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]


class ContentProblems(Exception):
    """Raised to stop a build: the content has errors an editor must fix first.

    ``listed``: the problems were already printed (the checks before a build do): the message points
    to that list. Otherwise the message carries the errors themselves, with their files and lines,
    wherever it is shown (Pelican's "Could not process", a branch's build report, a command's exit)."""

    exitcode = 1

    def __init__(self, problems: list[Problem], listed: bool = False):
        self.problems = problems
        errors = [p for p in problems if p.is_error]
        count = f"{len(errors)} error{'s' if len(errors) != 1 else ''} in the content"
        if listed:
            message = f"{count}: nothing was built. Fix them (see the list above) and build again."
        else:
            message = f"{count}:\n{format_text(errors)}"
        super().__init__(message)
