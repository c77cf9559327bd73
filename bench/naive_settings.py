"""Settings files for the naive baseline: one plain `pelican` run per site, one after another."""

from __future__ import annotations

import json
from pathlib import Path

from pelican.settings import read_settings

from branch_subsites.branch_config import load_branches
from branch_subsites.branch_settings import branch_overrides
from editor_checks import ProblemList

KIT_ROOT = Path(__file__).resolve().parent.parent
# The settings the kit's own build measures with (bench/build_site.py): the kit's test site's thin
# pelicanconf.py over the kit's defaults.
SITE = KIT_ROOT / "tests" / "fixtures" / "kit_site"

TEMPLATE = """\
import json, sys
sys.path[:0] = [{kit!r}, {site!r}]
from pelicanconf import *
globals().update(json.loads({overrides!r}))
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
        "SEARCH_LUNR_JS": str(KIT_ROOT / "node_modules" / "lunr" / "lunr.min.js"),
    }
    settings = read_settings(str(SITE / "pelicanconf.py"), override=paths)
    settings["MAIN_SITEURL"] = settings["SITEURL"]
    settings["THEME_URL"] = f"{settings['SITEURL']}/{settings['THEME_STATIC_DIR']}"
    runs = []
    main = {**paths, "BRANCHES_PATH": str(dest / "no-branches")}
    (dest / "no-branches").mkdir(exist_ok=True)
    main_file = dest / "main.py"
    main_file.write_text(TEMPLATE.format(kit=str(KIT_ROOT / "src"), site=str(SITE), overrides=json.dumps(main)))
    runs.append(("main", project / "content", main_file))
    for branch in load_branches(settings, ProblemList(root=str(project))):
        overrides = {
            **paths,
            **branch_overrides(branch, settings),
            "BRANCH_EXPORTS": {},
            "EDITOR_CHECKS_ON_BUILD": False,
        }
        path = dest / f"{branch.slug}.py"
        path.write_text(TEMPLATE.format(kit=str(KIT_ROOT / "src"), site=str(SITE), overrides=json.dumps(overrides)))
        runs.append((branch.slug, Path(branch.folder), path))
    return runs
