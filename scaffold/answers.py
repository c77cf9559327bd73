"""Getting what the scaffolding needs: from make variables, else by asking in the terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable


class MissingAnswer(Exception):
    """A required value was not given and there is no terminal to ask in."""


def ask(name: str, given: str | None, question: str, *, default: str | None = None, required: bool = True,
        check: Callable[[str], str | None] | None = None, stdin=None) -> str | None:  # fmt: skip
    """``given`` (a make variable) if set; else the answer to ``question``; ``check`` returns an error or None."""
    stdin = stdin or sys.stdin
    if given:
        problem = check(given) if check else None
        if problem:
            raise MissingAnswer(f"{name}={given}: {problem}")
        return given
    if not stdin.isatty():
        if default is not None or not required:
            return default
        raise MissingAnswer(f"{name} is needed: add {name}=... to the command, e.g. {question}")
    while True:
        suffix = f" [{default}]" if default else ""
        print(f"{question}{suffix}: ", end="", flush=True)
        answer = stdin.readline().strip() or default
        if not answer and not required:
            return None
        if not answer:
            print("  (this one is needed)")
            continue
        problem = check(answer) if check else None
        if problem:
            print(f"  {problem}")
            continue
        return answer
