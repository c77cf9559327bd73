"""editor_checks: find every mistake an editor can make, report them all at once.

Other plugins connect a receiver to ``check_site`` and add the problems they
find; this plugin runs them all before a build and refuses to build on an
error, and ``python -m editor_checks`` (``make check``) runs them on their own.
The problems they report, and the rules content is read by, are ``content_schema``'s.
"""

from .build_gate import register
from .signals import check_site

__all__ = ["check_site", "register"]
