"""front_matter: Markdown files with YAML front matter between `---` lines.

Reads news posts and pages for Pelican, validating every key against the
schemas in ``schemas.py``; the same code checks them for ``make check``.
"""

from .register import register

__all__ = ["register"]
