"""`make check` for each site's redirects.yaml (a check_site receiver): every entry well formed and
leading to a post or page that exists; a warning where two old addresses lead to one new place, or
where an old address is one the site now publishes (the redirect would hide that page)."""

from __future__ import annotations

import os
from collections import defaultdict

from .new_places import new_places, published_addresses, same_address
from .redirect_file import redirects_path


def check_redirects(settings, sites, report) -> None:
    for site in sites:
        if not os.path.lexists(redirects_path(site.path)) or os.path.islink(redirects_path(site.path)):
            continue  # a link: file_policy reports it, as it does any link in a site's folder
        places = new_places(site.path, settings, report)
        path = redirects_path(site.path)
        by_new = defaultdict(list)  # each new place, and the old addresses leading there
        for place in places:
            if same_address(place.old) != same_address(place.new):
                by_new[same_address(place.new)].append(place)
            else:  # the server leaves it out: it would send readers round in circles
                report.warning(
                    path,
                    place.redirect.line,
                    f"`{place.old}` is the address of its new place ({place.new}) already: this line does nothing",
                    "Delete it: the page answers at that address, with or without the / at its end.",
                )
        for new, sharing in by_new.items():
            if len(sharing) < 2:
                continue
            olds = ", ".join(f"`{p.old}` (line {p.redirect.line})" for p in sharing)
            for place in sharing:
                report.warning(
                    path,
                    place.redirect.line,
                    f"{olds} all lead to {new}",
                    "Fine if each old address was in use; otherwise delete the lines you did not mean.",
                )
        published = published_addresses(site.path, settings)
        for place in places:
            shadowed = published.get(same_address(place.old))
            if shadowed and same_address(place.old) != same_address(place.new):
                report.warning(
                    path,
                    place.redirect.line,
                    f"`{place.old}` is the address of {report.display_path(shadowed)} now, "
                    f"so the redirect to {place.new} would hide that page",
                    "Delete this line, or give that page another `slug:`.",
                )
