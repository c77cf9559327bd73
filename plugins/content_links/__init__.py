"""content_links: every link an editor writes is checked before the build (a check_site receiver).

Links to other files of the site ({filename}, {static}, {attach} and plain relative paths) must
point at a file that exists; web addresses must be well formed. Pictures (![...](...)) are the
image checks' concern.
"""

from .register import register

__all__ = ["register"]
