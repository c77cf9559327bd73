"""Connect branch_subsites: its checks, its generator (main site), its exports (branches), and a shard's build."""

from pelican import signals

from editor_checks import check_site

from .branch_config import load_branches
from .branch_names import add_filters
from .branch_settings import main_site_url
from .codeowners import check_codeowners
from .exports import export_latest_news
from .generator import BranchSubsitesGenerator
from .shard_build import split_build


def check_branch_files(settings, sites, report) -> None:
    load_branches(settings, report)


def set_main_site_url(pelican) -> None:
    """Settings every site's templates use; a branch build receives them ready-made."""
    settings = pelican.settings
    if settings.get("BRANCH"):
        return
    settings["MAIN_SITEURL"] = main_site_url(settings)
    settings["MAIN_SITENAME"] = settings["SITENAME"]
    settings["THEME_URL"] = f"{settings['MAIN_SITEURL']}/{settings['THEME_STATIC_DIR']}"


def get_generators(pelican):
    if not pelican.settings.get("BRANCH"):
        return BranchSubsitesGenerator
    return None


def register():
    check_site.connect(check_branch_files)
    check_site.connect(check_codeowners)
    signals.initialized.connect(set_main_site_url)
    signals.initialized.connect(add_filters)
    signals.initialized.connect(split_build)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(export_latest_news)
