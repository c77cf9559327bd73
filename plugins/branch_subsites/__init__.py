"""branch_subsites: build one subsite per folder under branches/, side by side.

Data flows one way: read every branch.yaml, build each changed branch in a
worker process (its own Pelican, its own folder), gather what each branch
exports (latest news, ...) into the main site's context, then the main site
writes its pages.
"""

from .register import register

__all__ = ["register"]
