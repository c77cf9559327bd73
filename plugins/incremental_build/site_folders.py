"""Which site owns each folder of the output: no site ever writes in another site's folder.

A site owns its output folder, except the folders it hands to the sites built inside it (each
branch's output/branches/<slug>/ lies inside the main site's output/). containment checks every
destination against this record where the file is written, so a national page whose `save_as` or
slug lands in a branch's folder is refused, naming both sites, instead of silently replacing the
branch's page; and a branch, whose output folder is its own, never writes outside it.

One record per process, begun as each Pelican run starts: a branch is built in a worker process of
its own, or after the main site's settings in the same process (`make publish BRANCH=`).
"""

from __future__ import annotations

import os

# a folder's real path, ending in os.sep: the site that owns it, in words for a message
_owners: dict[str, str] = {}


def _folder(path: str) -> str:
    return os.path.join(os.path.realpath(path), "")


def start(output_path: str, site: str) -> None:
    """A run of ``site`` into ``output_path`` begins: it owns that folder, and nothing else yet."""
    _owners.clear()
    _owners[_folder(output_path)] = site


def give(folder: str, site: str) -> None:
    """``folder``, inside the output folder of the site being built, belongs to ``site``."""
    _owners[_folder(folder)] = site


def owner(path: str) -> tuple[str, str] | None:
    """(folder, site) of the innermost recorded folder that holds ``path`` (or is it), else None."""
    path = _folder(path)  # the folder itself counts: a file named like a branch's folder is in its way
    holders = [folder for folder in _owners if path.startswith(folder)]
    if not holders:
        return None
    folder = max(holders, key=len)
    return folder, _owners[folder]


def trespass(output_path: str, path: str) -> str | None:
    """Why the site writing into ``output_path`` may not write ``path``: it is another site's; else None."""
    writer, target = owner(output_path), owner(path)
    if writer is None or target is None or writer == target:
        return None
    return f"{target[0]} is the folder of {target[1]}, and {writer[1]} never writes in another site's folder"
