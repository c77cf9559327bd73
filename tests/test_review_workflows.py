"""The pull-request workflows for each forge, and the "add an event" issue forms."""

from __future__ import annotations

import re

import pytest
import yaml

from events.schema import EVENT
from kit_testing import KIT_ROOT

WORKFLOWS = [".github/workflows/site.yml", ".forgejo/workflows/site.yml"]


def run_lines(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


@pytest.mark.parametrize("path", WORKFLOWS)
def test_actions_workflows_check_build_keep_a_preview_and_deploy_main(path):
    workflow = yaml.safe_load((KIT_ROOT / path).read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    build = workflow["jobs"]["check-and-build"]
    runs = run_lines(build)
    assert runs[-2:] == ["make check FORMAT=github", "make html"]
    upload = next(s for s in build["steps"] if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "output/"
    deploy = workflow["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and deploy["needs"] == "check-and-build"
    steps = [s.get("name", s.get("run")) for s in deploy["steps"]]
    # the site is built before the deploy key is written, and the key's step builds nothing
    assert steps[-3:] == ["make publish", "ssh key for the host", "make upload"]
    assert not any(s.get("env", {}).get("DEPLOY_SSH_KEY") for s in deploy["steps"][: steps.index("make publish") + 1])
    assert any(s.get("with", {}).get("path") == ".cache" for s in build["steps"])


def test_gitlab_pipeline_does_the_same_job():
    pipeline = yaml.safe_load((KIT_ROOT / ".gitlab-ci.yml").read_text())
    assert pipeline["check"]["script"] == ["make check"]
    assert pipeline["build"]["script"] == ["make html"] and pipeline["build"]["artifacts"]["paths"] == ["output/"]
    assert pipeline["deploy"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    # the build runs in a job with no environment, so the production-scoped deploy key is never there
    publish, deploy = pipeline["publish"], pipeline["deploy"]
    assert publish["script"] == ["make publish"] and "environment" not in publish
    assert publish["artifacts"]["paths"] == ["output/"]
    assert deploy["needs"] == ["publish"] and deploy["environment"] == "production"
    assert deploy["script"][-1] == "make upload SSH_KEY=~/.ssh/id_deploy"
    assert not any("make publish" in line or "make html" in line for line in deploy["script"])
    for job in (publish, deploy):
        assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_secrets_the_workflows_use_are_documented():
    docs = (KIT_ROOT / "docs/ci.md").read_text()
    text = "".join((KIT_ROOT / p).read_text() for p in [*WORKFLOWS, ".gitlab-ci.yml"])
    for name in set(re.findall(r"\b(DEPLOY_[A-Z_]+)\b", text)):
        assert f"`{name}`" in docs, name


def test_add_an_event_form_fields_are_event_keys():
    form = yaml.safe_load((KIT_ROOT / ".github/ISSUE_TEMPLATE/add-event.yml").read_text())
    ids = [item["id"] for item in form["body"] if "id" in item]
    keys = {field.name for field in EVENT}
    assert set(ids) - keys == {"branch", "description"}  # the folder and the Markdown text
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {f.name for f in EVENT if f.required} <= required
    gitlab = (KIT_ROOT / ".gitlab/issue_templates/Add an event.md").read_text()
    block = yaml.safe_load(gitlab.split("```yaml\n")[1].split("```")[0])
    assert set(block) <= keys and {"title", "start"} <= set(block)
