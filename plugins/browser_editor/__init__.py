"""browser_editor: the pages an editor edits the site from in a web browser (/admin/ on the national
site, /branches/<slug>/admin/ for each branch), with a git-based CMS whose saves open pull requests,
so review and CODEOWNERS stay the boundary (docs/editors.md).
"""

from .register import register

__all__ = ["register"]
