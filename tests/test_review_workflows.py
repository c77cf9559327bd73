"""The pull-request workflows for each forge, and the "add an event" issue forms."""

from __future__ import annotations

import re

import pytest
import yaml

from events.schema import EVENT
from kit_testing import KIT_ROOT

WORKFLOWS = [".github/workflows/site.yml", ".forgejo/workflows/site.yml"]
PREVIEW_WORKFLOWS = [".github/workflows/preview.yml", ".forgejo/workflows/preview.yml"]
ISSUE_WORKFLOWS = [".github/workflows/add-event.yml", ".forgejo/workflows/add-event.yml"]
CODEOWNERS_WORKFLOWS = [".github/workflows/codeowners.yml", ".forgejo/workflows/codeowners.yml"]


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
    text = "".join((KIT_ROOT / p).read_text() for p in [*WORKFLOWS, *PREVIEW_WORKFLOWS, ".gitlab-ci.yml"])
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


# The only expressions a `run:` may hold: numbers and commit ids, never text a contributor wrote
# (an issue's or a pull request's title or body would be script injection).
SAFE_IN_RUN = {"${{ github.event.pull_request.number }}", "${{ github.event.pull_request.base.sha }}"}


@pytest.mark.parametrize("path", [*WORKFLOWS, *PREVIEW_WORKFLOWS, *ISSUE_WORKFLOWS, *CODEOWNERS_WORKFLOWS])
def test_no_run_line_holds_an_expression_but_a_number_or_a_commit(path):
    workflow = yaml.safe_load((KIT_ROOT / path).read_text())
    for name, job in workflow["jobs"].items():
        for line in run_lines(job):
            assert set(re.findall(r"\$\{\{[^}]*\}\}", line)) <= SAFE_IN_RUN, (name, line)


@pytest.mark.parametrize("path", PREVIEW_WORKFLOWS)
def test_previews_are_built_without_the_key_uploaded_without_a_build_and_removed(path):
    workflow = yaml.safe_load((KIT_ROOT / path).read_text())
    triggers = workflow[True]
    assert triggers["pull_request"]["types"] == ["opened", "synchronize", "reopened", "closed"]
    assert "schedule" in triggers
    jobs = workflow["jobs"]
    build, upload, remove, prune = jobs["build"], jobs["upload"], jobs["remove"], jobs["prune"]
    # a fork's pull request gets no preview; the build job has no environment, so no secret
    assert "github.event.pull_request.head.repo.full_name == github.repository" in build["if"]
    assert "environment" not in build and "secrets." not in yaml.safe_dump(build)
    assert run_lines(build)[-1] == "make preview-build PR=${{ github.event.pull_request.number }}"
    assert upload["needs"] == "build" and upload["environment"] == "preview"
    steps = [s.get("name", s.get("run")) for s in upload["steps"]]
    key = steps.index("ssh key for the host")
    assert steps[key + 1] == "make preview-upload PR=${{ github.event.pull_request.number }}"
    assert not any(
        "make html" in line or "make publish" in line or "preview-build" in line for line in run_lines(upload)
    )
    assert any("previews/$PR/" in line for line in run_lines(upload))  # the address posted on the pull request
    assert "closed" in remove["if"] and run_lines(remove)[-1].startswith("make preview-remove PR=")
    assert prune["if"] == "github.event_name == 'schedule'" and "make preview-prune" in run_lines(prune)[-1]


def test_gitlab_previews_are_review_apps_stopped_with_the_merge_request():
    pipeline = yaml.safe_load((KIT_ROOT / ".gitlab-ci.yml").read_text())
    build, upload, remove = pipeline["preview-build"], pipeline["preview-upload"], pipeline["preview-remove"]
    for job in (build, upload, remove):
        assert "$CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID" in job["rules"][0]["if"]  # not a fork's
    assert build["script"] == ["make preview-build PR=$CI_MERGE_REQUEST_IID"] and "environment" not in build
    assert upload["needs"] == ["preview-build"]
    assert upload["environment"]["on_stop"] == "preview-remove" and upload["environment"]["auto_stop_in"]
    assert upload["environment"]["url"] == "$SITEURL/previews/$CI_MERGE_REQUEST_IID/"
    assert upload["script"][-1] == "make preview-upload PR=$CI_MERGE_REQUEST_IID SSH_KEY=~/.ssh/id_deploy"
    assert remove["environment"]["action"] == "stop"
    assert remove["script"][-1] == "make preview-remove PR=$CI_MERGE_REQUEST_IID SSH_KEY=~/.ssh/id_deploy"


def test_the_preview_variables_are_documented():
    docs = (KIT_ROOT / "docs/ci.md").read_text()
    for name in ("`SITEURL`", "`PREVIEW_DAYS`", "`preview`"):
        assert name in docs, name


@pytest.mark.parametrize("path", ISSUE_WORKFLOWS)
def test_an_event_issue_reaches_the_command_as_a_file_and_ends_in_a_pull_request_or_an_answer(path):
    workflow = yaml.safe_load((KIT_ROOT / path).read_text())
    assert workflow[True]["issues"]["types"] == ["opened", "edited"]
    job = workflow["jobs"]["event-from-issue"]
    assert "'event'" in job["if"]  # the form's label (.github/ISSUE_TEMPLATE/add-event.yml)
    steps = {step.get("name", step.get("run")): step for step in job["steps"]}
    event = steps["the event file, checked"]
    assert event["env"] == {"BODY": "${{ github.event.issue.body }}"}  # an environment variable, not script
    assert "branchsites event-from-issue --body-file" in event["run"]
    assert steps["a pull request with it"]["if"] == "steps.event.outputs.written == 'true'"
    assert steps["the check's answer on the issue"]["if"] == "steps.event.outputs.written == 'false'"
    assert "comment.md" in steps["the check's answer on the issue"]["run"]
    names = list(steps)
    assert names.index("make setup") < names.index("the event file, checked")


@pytest.mark.parametrize("path", CODEOWNERS_WORKFLOWS)
def test_codeowners_is_written_again_on_a_pull_request_that_changes_a_branch_yaml(path):
    workflow = yaml.safe_load((KIT_ROOT / path).read_text())
    assert workflow[True]["pull_request"]["paths"] == ["branches/*/branch.yaml"]
    job = workflow["jobs"]["codeowners"]
    assert "github.event.pull_request.head.repo.full_name == github.repository" in job["if"]  # not a fork's
    checkout = next(step for step in job["steps"] if "checkout" in step.get("uses", ""))
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.ref }}"
    runs = run_lines(job)
    assert "make codeowners" in runs
    # only a change is committed, to the pull request's own branch
    assert runs[-1].startswith("git diff --quiet && exit 0") and runs[-1].rstrip().endswith("git push origin HEAD")
