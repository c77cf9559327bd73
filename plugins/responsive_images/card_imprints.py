"""Whether each site's imprint fits its share cards, checked with every other problem before a
build (a check_site receiver): the party's at its settings line, a branch's at the `promoter` line
of its branch.yaml. A page's, post's or event's own promoter is met when its card is drawn, which
then stops the build naming the card (cards.ImprintDoesNotFit)."""

from __future__ import annotations

import os

from branch_subsites.branch_config import BRANCH_FILE, load_branches
from content_schema import ProblemList
from imprints.promoters import more_specific, national_imprint
from kit_settings.declared_settings import settings_files, where_set

from .cards import IMPRINT_FIT_FIX, ImprintDoesNotFit, fit_imprint


def _line_of_key(path: str, key: str) -> int:
    try:
        with open(path, encoding="utf-8") as handle:
            return next((n for n, line in enumerate(handle, 1) if line.startswith(f"{key}:")), 0)
    except (OSError, UnicodeDecodeError):
        return 0


def check_card_imprints(settings, sites, report) -> None:
    national = national_imprint(settings)
    if national is None:
        return  # imprints reports the missing setting
    found = [(national, *where_set("IMPRINT_PROMOTER_ADDRESS", settings_files(settings)))]
    # branch.yaml's own problems are reported by branch_subsites' check: not twice
    for branch in load_branches(settings, ProblemList(root=report.root)):
        if branch.promoter is not None:
            path = os.path.join(branch.folder, BRANCH_FILE)
            found.append((more_specific(branch.promoter, national), path, _line_of_key(path, "promoter")))
    for imprint, path, line in found:
        try:
            fit_imprint(imprint.sentence())
        except ImprintDoesNotFit as trouble:
            report.error(path, line, trouble.message, IMPRINT_FIT_FIX)
