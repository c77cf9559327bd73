"""Problems as text for people, or as annotations for a forge's pull request."""

from __future__ import annotations

from .problems import Problem


def format_text(problems: list[Problem]) -> str:
    lines = []
    for p in problems:
        where = f"{p.path}:{p.line}" if p.line else p.path
        lines.append(f"{where}: {p.severity}: {p.message}")
        lines.append(f"    fix: {p.fix}")
    return "\n".join(lines)


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
