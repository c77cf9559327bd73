"""The party's action addresses, checked as `make check` and every build check them (a check_site
receiver): each on an official domain, so that the official-channels page's promise holds, and the
newsletter's on one of NEWSLETTER_HOSTS, the only hosts the servers let a form post to. A
branch.yaml's `volunteer:` and `newsletter:` are checked where branch.yaml is read (branch_config)."""

from __future__ import annotations

import os

from branch_subsites.official_domains import newsletter_host_problem, official_domains, unofficial_problem
from kit_settings.declared_settings import settings_files, where_set

from .hosts import ACTION_SETTINGS


def check_action_hosts(settings, sites, report) -> None:
    if settings.get("BRANCH"):
        return
    files = settings_files(settings)
    domains = official_domains(settings)
    for key in ACTION_SETTINGS:
        address = settings[key]
        if not address:
            continue
        problem = unofficial_problem(key, address, domains, "add it to OFFICIAL_DOMAINS in {file}")
        if problem is None and key == "NEWSLETTER_URL":
            problem = newsletter_host_problem(key, address, settings, "add it to NEWSLETTER_HOSTS in {file}")
        if problem:
            path, line = where_set(key, files)
            report.error(path, line, problem[0], problem[1].replace("{file}", os.path.basename(path)))
