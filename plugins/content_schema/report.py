"""Problems as text for people, or as annotations for a forge's pull request."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from content_schema.problems import Problem


def where(problem: Problem) -> str:
    """`path:line`, or the path alone for a problem about the whole file."""
    return f"{problem.path}:{problem.line}" if problem.line else problem.path


def format_text(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        lines.append(f"{where(p)}: {p.severity}: {p.message}")
        lines.append(f"    fix: {p.fix}")
    return "\n".join(lines)


def format_line(problem: Problem) -> str:
    """One problem on one line, as the build logs it: `path:line: message. Fix: fix`."""
    return f"{where(problem)}: {problem.message}. Fix: {problem.fix}"


def summary_line(problems: list[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: list[Problem]) -> str:
    """GitHub/Forgejo workflow commands: each problem shows on its line of the diff."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.path)}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_escape_property(p.message[:80])}")
        message = _escape_data(f"{p.message}. Fix: {p.fix}")
        lines.append(f"::{p.severity} {','.join(props)}::{message}")
    return "\n".join(lines)


FORMATS = {"text": format_text, "github": format_github}
