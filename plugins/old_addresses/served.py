"""The redirects a web server is given for one site: every resolved old address, and the same
address with or without its final slash (a link shared either way), each leading somewhere else."""

from __future__ import annotations

from .new_places import new_places, same_address


def _with_and_without_slash(path: str) -> tuple[str, str]:
    bare = same_address(path)
    return bare, f"{bare}/"


def served_redirects(site_path: str, settings: dict, report, prefix: str = "") -> tuple[tuple[str, str], ...]:
    """(old, new) pairs for the server, sorted; ``prefix`` (``/branches/<slug>``) put before both,
    for a branch served below the main site. An entry with a problem is left out and reported."""
    places = new_places(site_path, settings, report)
    given = {place.old for place in places}
    pairs = {}
    for place in places:
        for old in _with_and_without_slash(place.old):
            if same_address(old) == same_address(place.new) or (old != place.old and old in given):
                continue  # never to itself; the form the file gives is the file's
            pairs[f"{prefix}{old}"] = f"{prefix}{place.new}"
    return tuple(sorted(pairs.items()))
