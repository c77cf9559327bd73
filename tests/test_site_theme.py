"""A site's own theme folder over the kit's theme (hashed_assets.site_theme), and the compiled
templates' cache. The build with a party's overrides is in test_packaging.py (a site over the
installed kit): here, what the settings get, with no build."""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

from branchsites import site_settings
from branchsites.paths import THEME_PATH
from hashed_assets.site_theme import cache_compiled_templates, use_site_theme
from reproducible_output.fingerprint import forget_folder_states, theme_and_code_digest


def party_theme(folder, stylesheet=True):
    (folder / "templates").mkdir(parents=True)
    (folder / "templates/base.html").write_text('{% extends "!theme/base.html" %}\n')
    (folder / "static/images").mkdir(parents=True)
    (folder / "static/images/logo.svg").write_text("<svg/>")
    if stylesheet:
        (folder / "static/css").mkdir()
        (folder / "static/css/party.css").write_text(":root { --kit-accent: #6a1b9a; }\n")
    return folder


def kit_settings(**values) -> dict:
    return {"THEME": THEME_PATH, "THEME_STATIC_PATHS": site_settings.THEME_STATIC_PATHS, **values}


def test_a_sites_templates_static_files_and_stylesheet_join_the_kits_theme(tmp_path):
    theme = party_theme(tmp_path / "theme")
    settings = kit_settings(THEME_OVERRIDES_PATH=str(theme), THEME_TEMPLATES_OVERRIDES=[])
    use_site_theme(settings)
    assert settings["THEME_TEMPLATES_OVERRIDES"] == [str(theme / "templates")]
    assert settings["THEME_STATIC_PATHS"] == ["static", str(theme / "static")]  # after the kit's: it wins
    assert settings["THEME_OVERRIDES_STYLESHEET"] == "css/party.css"
    assert site_settings.THEME_STATIC_PATHS == ["static"]  # the kit's own list is never changed
    use_site_theme(settings)  # a second run (live preview) adds nothing twice
    assert settings["THEME_STATIC_PATHS"] == ["static", str(theme / "static")]


def test_without_a_stylesheet_none_is_linked(tmp_path):
    theme = party_theme(tmp_path / "theme", stylesheet=False)
    settings = kit_settings(THEME_OVERRIDES_PATH=str(theme))
    use_site_theme(settings)
    assert settings["THEME_OVERRIDES_STYLESHEET"] is None
    assert settings["THEME_STATIC_PATHS"] == ["static", str(theme / "static")]


def test_the_kits_own_theme_folder_is_not_an_override_of_itself():
    """The demo site in the kit's repository: its theme/ is the kit's theme."""
    settings = kit_settings(THEME_OVERRIDES_PATH=THEME_PATH, THEME_TEMPLATES_OVERRIDES=[])
    use_site_theme(settings)
    assert settings["THEME_TEMPLATES_OVERRIDES"] == []
    assert settings["THEME_STATIC_PATHS"] == ["static"]
    assert settings["THEME_OVERRIDES_STYLESHEET"] is None


def test_a_site_without_a_theme_folder_gets_the_kits_alone(tmp_path):
    settings = kit_settings(THEME_OVERRIDES_PATH=str(tmp_path / "theme"), THEME_TEMPLATES_OVERRIDES=[])
    use_site_theme(settings)
    assert (settings["THEME_TEMPLATES_OVERRIDES"], settings["THEME_STATIC_PATHS"]) == ([], ["static"])


def test_compiled_templates_are_kept_under_cache_path_and_a_branch_keeps_the_main_sites(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "JINJA_ENVIRONMENT": site_settings.JINJA_ENVIRONMENT}
    cache_compiled_templates(settings)
    cache = settings["JINJA_ENVIRONMENT"]["bytecode_cache"]
    assert isinstance(cache, FileSystemBytecodeCache) and cache.directory == str(tmp_path / "cache" / "jinja")
    assert (tmp_path / "cache" / "jinja").is_dir()
    assert settings["JINJA_ENVIRONMENT"]["autoescape"] is True
    assert "bytecode_cache" not in site_settings.JINJA_ENVIRONMENT
    branch = {**settings, "CACHE_PATH": str(tmp_path / "branch")}
    cache_compiled_templates(branch)
    assert branch["JINJA_ENVIRONMENT"]["bytecode_cache"] is cache


def test_a_changed_override_template_changes_what_branches_are_made_with(tmp_path):
    theme = party_theme(tmp_path / "theme")
    settings = {"THEME": THEME_PATH, "THEME_TEMPLATES_OVERRIDES": [str(theme / "templates")], "PLUGIN_PATHS": []}
    before = theme_and_code_digest(settings)
    (theme / "templates/base.html").write_text('{% extends "!theme/base.html" %}\n{# changed #}\n')
    forget_folder_states()  # as a new build starts
    assert theme_and_code_digest(settings) != before
