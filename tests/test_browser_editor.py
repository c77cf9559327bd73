"""browser_editor: the CMS configuration made from the content schemas (and kept in step with
them), the editor pages each site writes, and the CMS files the main site publishes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from browser_editor.cms_config import COLLECTIONS, cms_config
from browser_editor.cms_fields import LEFT_OUT, NoWidget, cms_field, cms_fields
from browser_editor.cms_files import cms_file_names
from browser_editor.csp import admin_content_security_policy
from content_schema.fields import Field, FieldError, text
from events.schema import EVENT
from front_matter.schemas import NEWS, PAGE
from kit_testing import KIT_PYTHONPATH, KIT_ROOT, build, copy_fixture, site_settings_file

CMS_DIST = KIT_ROOT / "node_modules" / "decap-cms" / "dist"
FORGEJO = {
    "CMS_REPO": "party/site",
    "CMS_FORGE": "forgejo",
    "CMS_BASE_URL": "https://git.party.example",
    "CMS_API_ROOT": "https://git.party.example/api/v1",
    "CMS_APP_ID": "0c5e1d2a-client",
    "CMS_DIST": str(CMS_DIST),
}


def fields_by_name(collection: dict) -> dict[str, dict]:
    return {field["name"]: field for field in collection["fields"]}


# ---- the form follows the schema ------------------------------------------------------------


@pytest.mark.parametrize("schema", [NEWS, EVENT, PAGE], ids=["news", "events", "pages"])
def test_every_schema_key_is_in_the_form_or_left_out_with_a_reason(schema):
    form = {field["name"]: field for field in cms_fields(schema)}
    for field in schema:
        if field.name in LEFT_OUT:
            assert field.name not in form
            continue
        assert field.name in form, f"{field.name} is in the schema but not in the browser editor"
        assert form[field.name]["required"] is field.required, field.name
    assert set(form) - {field.name for field in schema} == {"body"}


def test_every_key_left_out_is_still_in_a_schema():
    names = {field.name for schema in (NEWS, EVENT, PAGE) for field in schema}
    assert set(LEFT_OUT) <= names, "LEFT_OUT names a key no schema has any more"
    assert all(reason.strip() for reason in LEFT_OUT.values())


def test_a_key_added_to_a_schema_appears_in_the_form():
    added = Field("speaker", text(max_length=80), required=True, doc="who speaks", example="Ana Jones")
    form = fields_by_name({"fields": cms_fields((*EVENT, added))})
    assert form["speaker"] == {
        "name": "speaker",
        "label": "Speaker",
        "widget": "string",
        "pattern": ["^[\\s\\S]{0,80}$", "At most 80 characters."],
        "required": True,
        "hint": "Who speaks (for example Ana Jones)",
    }


def postcode_or_grid_reference(value):
    """A kind of field no widget is made for (as a plugin might add to a schema)."""
    return value


def test_a_kind_with_no_widget_fails_instead_of_vanishing():
    with pytest.raises(NoWidget, match="postcode_or_grid_reference"):
        cms_field(Field("where", postcode_or_grid_reference))


def test_choices_limits_and_help_come_from_the_schema():
    events = fields_by_name({"fields": cms_fields(EVENT)})
    status = next(field for field in EVENT if field.name == "status")
    assert events["status"]["widget"] == "select"
    for choice in events["status"]["options"]:
        assert status.kind(choice) == choice  # each choice offered is one the check accepts
    with pytest.raises(FieldError):
        status.kind("maybe")
    assert events["start"]["widget"] == "datetime" and events["start"]["required"] is True
    assert events["image"]["widget"] == "image"
    news = fields_by_name({"fields": cms_fields(NEWS)})
    title = next(field for field in NEWS if field.name == "title")
    assert news["title"]["hint"].startswith(title.doc[:1].upper() + title.doc[1:])


# ---- the configuration of one site ----------------------------------------------------------


def test_a_branch_config_edits_only_its_own_folder(tmp_path):
    root = tmp_path / "site"
    settings = {
        **FORGEJO,
        "KIT_ROOT": str(root),
        "PATH": str(root / "branches" / "bangor"),
        "BRANCHES_PATH": str(root / "branches"),
        "CMS_BRANCH": "main",
        "SITEURL": "https://party.example/branches/bangor",
    }
    config = cms_config(settings)
    assert [c["folder"] for c in config["collections"]] == [f"branches/bangor/{name}" for name, *_ in COLLECTIONS]
    assert config["media_folder"] == "branches/bangor/images"
    assert config["public_folder"] == "images"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        "name": "forgejo",
        "repo": "party/site",
        "branch": "main",
        "api_root": "https://git.party.example/api/v1",
        "base_url": "https://git.party.example",
        "app_id": "0c5e1d2a-client",
        "squash_merges": True,
    }


def test_a_site_folder_outside_the_repository_is_refused(tmp_path):
    settings = {**FORGEJO, "KIT_ROOT": str(tmp_path / "site"), "PATH": str(tmp_path / "elsewhere")}
    settings["BRANCHES_PATH"] = str(tmp_path / "site" / "branches")
    with pytest.raises(ValueError, match="not inside the site's repository"):
        cms_config(settings)


def test_the_admin_policy_allows_the_forge_and_nothing_else():
    policy = admin_content_security_policy({**FORGEJO, "CMS_API_ROOT": "https://api.forge.example/v1"})
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["connect-src"] == "'self' https://api.forge.example https://git.party.example"
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # Decap's form checks use new Function
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


# ---- what a build writes --------------------------------------------------------------------


@pytest.fixture(scope="module")
def edited_output(tmp_path_factory):
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("editor") / "project")
    return build(project, **FORGEJO)


def test_each_site_gets_an_editor_page_and_its_config(edited_output):
    for site, folder in (
        ("", "content"),
        ("branches/alpha/", "branches/alpha"),
        ("branches/beta-net/", "branches/beta-net"),
    ):
        page = (edited_output / site / "admin" / "index.html").read_text()
        assert '<meta name="robots" content="noindex">' in page
        assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in page
        assert '<script src="/admin/cms/decap-cms.js"></script>' in page  # the main site's one copy
        assert "https://git.party.example/party/site" in page  # the <noscript> way round
        assert "style=" not in page and "<script>" not in page
        config = yaml.safe_load((edited_output / site / "admin" / "config.yml").read_text())
        assert {c["folder"] for c in config["collections"]} == {f"{folder}/news", f"{folder}/events", f"{folder}/pages"}


def test_the_cms_is_published_once_without_source_maps(edited_output):
    published = sorted(p.name for p in (edited_output / "admin" / "cms").iterdir())
    assert published == cms_file_names(str(CMS_DIST))
    assert "decap-cms.js" in published and any(name.endswith(".wasm") for name in published)
    assert not [name for name in published if name.endswith(".map") or name == "cms.js"]
    assert (edited_output / "admin/cms/decap-cms.js").read_bytes() == (CMS_DIST / "decap-cms.js").read_bytes()
    assert not (edited_output / "branches" / "alpha" / "admin" / "cms").exists()


def test_no_editor_pages_without_a_repository(two_branches_output):
    assert not (two_branches_output / "admin").exists()
    assert not list(two_branches_output.glob("branches/*/admin"))


def test_a_missing_cms_stops_the_build_with_the_fix_and_writes_nothing(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    settings = site_settings_file(project, **{**FORGEJO, "CMS_DIST": str(tmp_path / "no-such-dist")})
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-o", "output", "-s", settings.name, "--fatal", "errors"],
        cwd=project,
        env={**os.environ, "PYTHONPATH": KIT_PYTHONPATH, "COLUMNS": "400"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    said = " ".join((result.stdout + result.stderr).split())
    assert f"{tmp_path / 'no-such-dist'}/decap-cms.js is missing" in said
    assert "Run `make html`" in said
    assert "Traceback" not in said
    assert not (project / "output").exists() or not any((project / "output").rglob("*.html"))
