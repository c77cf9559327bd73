"""The party's action addresses, checked as `make check` and every build check them (a check_site
receiver): each on an official domain, so that the official-channels page's promise holds. A
branch.yaml's `volunteer:` and `newsletter:` are checked where branch.yaml is read (branch_config)."""

from __future__ import annotations

import os

from kit_settings.declared_settings import settings_files, where_set

from .hosts import ACTION_SETTINGS, host_of, is_official, official_domains


def unofficial_problem(key: str, address: str, domains: set[str], where: str) -> tuple[str, str] | None:
    """(message, fix) when ``address`` is not on one of ``domains``, else None."""
    host = host_of(address)
    if is_official(host, domains):
        return None
    return (
        f"{key} is {address!r}: {host} is not one of the party's official domains "
        f"({', '.join(sorted(domains)) or 'none listed'}), so readers cannot tell it from a fake",
        f"Give the address of the party's own page, or, if the party runs {host}, add it to "
        f"OFFICIAL_DOMAINS in {where}.",
    )


def check_action_hosts(settings, sites, report) -> None:
    if settings.get("BRANCH"):
        return
    files = settings_files(settings)
    domains = official_domains(settings)
    for key in ACTION_SETTINGS:
        address = settings[key]
        problem = unofficial_problem(key, address, domains, "pelicanconf.py") if address else None
        if problem:
            path, line = where_set(key, files)
            report.error(path, line, problem[0], problem[1].replace("pelicanconf.py", os.path.basename(path)))
