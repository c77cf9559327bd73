"""accessibility_statement: every site's accessibility statement, in the form UK public bodies use.

GOV.UK's sample statement: how accessible the site is, how to get another format or report a
problem and how soon we answer, the enforcement bodies when the party names them, the compliance
status against WCAG 2.2 AA, the known problems, and how the statement was prepared. What was
tested is what the kit's own browser suite checks (``tested``); a test keeps the two the same.
"""

from .register import register

__all__ = ["register"]
