"""Settings files for the naive baseline: one plain `pelican` run per site, one after another."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.settings import read_settings

from branch_subsites.branch_config import load_branches
from branch_subsites.branch_settings import branch_overrides
from content_schema import ProblemList

KIT_ROOT = Path(__file__).resolve().parent.parent

TEMPLATE = """\
import json, os, sys
sys.path.insert(0, {kit!r})
sys.path.insert(1, os.path.join({kit!r}, "plugins"))
from pelicanconf import *
from branch_subsites.records import BranchExports
globals().update(json.loads({overrides!r}))
if globals().get("BRANCH"):
    BRANCH_EXPORTS = BranchExports()  # what a branch build hands back: here, to no one
"""


def write_naive_settings(project: Path, out: Path, dest: Path) -> list[tuple[str, Path, Path]]:
    """[(name, content folder, settings file)] for the main site (with no branches) and each branch."""
    dest.mkdir(parents=True, exist_ok=True)
    paths = {
        "KIT_ROOT": str(project),
        "PATH": str(project / "content"),
        "BRANCHES_PATH": str(project / "branches"),
        "OUTPUT_PATH": str(out),
        "CACHE_PATH": str(dest / "cache-main"),
        "BRANCH_CACHE_PATH": str(dest / "cache-branches"),
        "CODEOWNERS_FILES": {},
    }
    settings = read_settings(str(KIT_ROOT / "pelicanconf.py"), override=paths)
    settings["MAIN_SITEURL"] = settings["SITEURL"]
    settings["THEME_URL"] = f"{settings['SITEURL']}/{settings['THEME_STATIC_DIR']}"
    runs = []
    main = {**paths, "BRANCHES_PATH": str(dest / "no-branches")}
    (dest / "no-branches").mkdir(exist_ok=True)
    main_file = dest / "main.py"
    main_file.write_text(TEMPLATE.format(kit=str(KIT_ROOT), overrides=json.dumps(main)))
    runs.append(("main", project / "content", main_file))
    for branch in load_branches(settings, ProblemList(root=str(project))):
        overrides = {
            **paths,
            **branch_overrides(branch, settings),
            "EDITOR_CHECKS_ON_BUILD": False,
        }
        path = dest / f"{branch.slug}.py"
        path.write_text(TEMPLATE.format(kit=str(KIT_ROOT), overrides=json.dumps(overrides)))
        runs.append((branch.slug, Path(branch.folder), path))
    return runs
