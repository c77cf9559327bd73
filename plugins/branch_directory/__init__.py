"""branch_directory: the main site's list of every branch, grouped by nation and region."""

from .register import register

__all__ = ["register"]
