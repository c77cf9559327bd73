"""Old addresses, kept working: each site's redirects.yaml (written by `branchsites import-wordpress`,
or by hand) checked by `make check` and made permanent redirects by `make server-config`."""

from .register import register

__all__ = ["register"]
