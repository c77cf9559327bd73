"""The old addresses an import found, added to the site's redirects.yaml (old_addresses' file)."""

from __future__ import annotations

from content_schema.problems import ProblemList
from old_addresses.new_places import file_address, same_address
from old_addresses.redirect_file import FILENAME_LINK, read_redirects, redirects_path, write_redirects


def record_old_addresses(destination, found: dict[str, str], settings: dict) -> list[str]:
    """Add ``found`` (old address -> `{filename}/` link or path) to the destination's redirects.yaml,
    but for an old address that is its new place's address too (a page whose slug kept its name).
    An old address the file already sends elsewhere keeps its entry unless the import is forced;
    each such one is returned as a sentence for the editor. The file is rewritten only on a change."""
    report = ProblemList(root=destination.path)
    existing = {r.old: r.target for r in read_redirects(destination.path, report)}
    if report.errors:
        return [
            f"{redirects_path(destination.path)}: {p.message}: the old addresses were not recorded. {p.fix}"
            for p in report.errors
        ]
    merged, kept = dict(existing), []
    for old, target in found.items():
        new = (
            file_address(destination.path, target[len(FILENAME_LINK) :], settings)
            if target.startswith(FILENAME_LINK)
            else target
        )
        if new and same_address(new) == same_address(old):
            continue  # the address works as it is
        if old in existing and existing[old] != target and not destination.force:
            kept.append(f"{old} already goes to {existing[old]} in redirects.yaml, not {target} (--force replaces it)")
            continue
        merged[old] = target
    if merged != existing:
        destination.inside("redirects.yaml")  # refuses a redirects.yaml that is a link out of the site
        write_redirects(destination.path, merged)
    return kept
