"""The name a kit command's usage line shows: ``branchsites check`` when the ``branchsites`` command
runs it (src/branchsites/cli.py says so in ``BRANCHSITES_COMMAND``: runpy puts the module's own file in
``sys.argv[0]``), else how a checkout's Makefile starts it."""

from __future__ import annotations

import os


def command_name(otherwise: str) -> str:
    """The ``branchsites`` command running this one, else ``otherwise`` (``make check``)."""
    return os.environ.get("BRANCHSITES_COMMAND") or otherwise
