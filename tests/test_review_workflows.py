"""The pull-request workflows for each forge, and the "add an event" issue forms."""

from __future__ import annotations

import re

import pytest
import yaml

from events.schema import EVENT
from kit_testing import KIT_ROOT

WORKFLOWS = [".github/workflows/site.yml", ".forgejo/workflows/site.yml"]
# the same, with the build split across runners (docs/ci.md, "Splitting the build across runners")
MATRIX_WORKFLOWS = [".github/workflows/site-matrix.yml", ".forgejo/workflows/site-matrix.yml"]
GITLAB_MATRIX = ".gitlab/site-matrix.gitlab-ci.yml"
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


@pytest.mark.parametrize("path", MATRIX_WORKFLOWS)
def test_matrix_workflows_build_shards_side_by_side_then_assemble_then_deploy_main(path):
    text = (KIT_ROOT / path).read_text()
    workflow = yaml.safe_load(text)
    # by hand only until the party switches: then site.yml goes and these triggers are uncommented
    assert workflow[True] == {"workflow_dispatch": None}
    assert "  # pull_request:\n  # push:\n  #   branches: [main]\n" in text
    single = yaml.safe_load((KIT_ROOT / path.replace("site-matrix", "site")).read_text())
    # a group of its own: a trial run by hand never cancels a deploy of site.yml waiting in that one
    assert workflow["concurrency"]["group"] == "site-matrix-${{ github.ref }}"
    assert workflow["concurrency"]["cancel-in-progress"] == single["concurrency"]["cancel-in-progress"]
    jobs = workflow["jobs"]
    assert set(jobs) == {"now", "check", "trust-review", "shard", "assemble", "assemble-and-deploy"}
    assert jobs["trust-review"] == single["jobs"]["trust-review"]
    assert run_lines(jobs["check"])[-1] == "make check FORMAT=github"
    # the publish settings for what is deployed, by the shards and the assembly alike
    assert workflow["env"]["SITE_SETTINGS"] == (
        "${{ github.event_name == 'push' && 'publishconf.py' || 'pelicanconf.py' }}"
    )
    shards = workflow["env"]["SHARDS"]
    epoch = "${{ needs.now.outputs.epoch }}"  # one "now" for every build
    assert "now" in jobs["now"]["outputs"]["epoch"] and "date +%s" in run_lines(jobs["now"])[0]

    shard = jobs["shard"]
    assert shard["needs"] == "now"
    assert shard["strategy"]["matrix"]["shard"] == list(range(1, shards + 1)) and shards >= 2
    assert shard["env"] == {"SHARD": "${{ matrix.shard }}", "SOURCE_DATE_EPOCH": epoch}  # to run: through env
    assert run_lines(shard)[-1] == 'make html SHARD="$SHARD/$SHARDS" CONFFILE="$SITE_SETTINGS"'
    cache = next(s for s in shard["steps"] if s.get("uses", "").endswith("cache@v4"))
    assert (
        cache["with"]["path"] == ".cache" and "shard-${{ matrix.shard }}-of-${{ env.SHARDS }}" in cache["with"]["key"]
    )
    upload = shard["steps"][-1]
    assert "upload-artifact" in upload["uses"] and upload["with"]["name"] == "shard-${{ matrix.shard }}"
    assert upload["with"]["path"].split() == ["output/", ".cache/branches/"]
    assert upload["with"]["include-hidden-files"] is True  # .cache/

    for name in ("assemble", "assemble-and-deploy"):
        job = jobs[name]
        assert job["needs"] == ["now", "check", "shard"] and job["env"] == {"SOURCE_DATE_EPOCH": epoch}
        uses = [s.get("uses", "") for s in job["steps"]]
        download = job["steps"][next(i for i, u in enumerate(uses) if "download-artifact" in u)]
        assert download["with"] == {"pattern": "shard-*", "merge-multiple": True}
        assembling = run_lines(job).index('make assemble CONFFILE="$SITE_SETTINGS"')
        assert job["steps"].index(download) < [s.get("run") for s in job["steps"]].index(run_lines(job)[assembling])
        cache = next(s for s in job["steps"] if s.get("uses", "").endswith("cache@v4"))
        assert cache["with"]["path"] == ".cache/main"  # the branches' records are the shards'
    preview = jobs["assemble"]
    assert preview["if"] == "github.event_name != 'push'" and "environment" not in preview
    assert preview["steps"][-1]["with"] == {"name": "site-preview", "path": "output/", "retention-days": 14}

    deploy = jobs["assemble-and-deploy"]
    assert deploy["if"] == single["jobs"]["deploy"]["if"]
    assert deploy.get("environment") == single["jobs"]["deploy"].get("environment")
    steps = [s.get("name", s.get("run")) for s in deploy["steps"]]
    # assembled before the deploy key is written, and the key's step and the upload are site.yml's
    assert steps[-3:] == ['make assemble CONFFILE="$SITE_SETTINGS"', "ssh key for the host", "make upload"]
    assert deploy["steps"][-2:] == single["jobs"]["deploy"]["steps"][-2:]
    assert not any(s.get("env", {}).get("DEPLOY_SSH_KEY") for s in deploy["steps"][:-2])
    assert "secrets." not in yaml.safe_dump({k: v for k, v in jobs.items() if k != "assemble-and-deploy"})


def merged(base: dict, over: dict) -> dict:
    """GitLab's `include`: the including file's keys over the included one's, mappings merged deeply."""
    result = dict(base)
    for key, value in over.items():
        result[key] = merged(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return result


def test_gitlab_matrix_pipeline_replaces_build_and_publish_with_shards_and_an_assembly():
    over = yaml.safe_load((KIT_ROOT / GITLAB_MATRIX).read_text())
    assert over["include"] == [{"local": ".gitlab-ci.yml"}]
    single = yaml.safe_load((KIT_ROOT / ".gitlab-ci.yml").read_text())
    pipeline = merged(single, {key: value for key, value in over.items() if key != "include"})
    for name in ("check", "trust-review", "preview-build", "preview-upload", "preview-remove"):
        assert pipeline[name] == single[name]  # the rest of the pipeline as it was
    assert pipeline["build"]["rules"] == [{"when": "never"}] and pipeline["publish"]["rules"] == [{"when": "never"}]
    now = pipeline["now"]
    assert now["stage"] == ".pre" and now["artifacts"]["reports"]["dotenv"] == "now.env"
    assert "SOURCE_DATE_EPOCH=$(date +%s)" in now["script"][0]
    settings = pipeline[".site-settings"]
    assert settings["variables"] == {"SITE_SETTINGS": "pelicanconf.py"}
    main = next(rule for rule in settings["rules"] if rule.get("if") == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
    assert main["variables"] == {"SITE_SETTINGS": "publishconf.py"}

    shard = pipeline["shard"]
    assert shard["extends"] == ".site-settings" and shard["stage"] == "build"
    assert isinstance(shard["parallel"], int) and shard["parallel"] >= 2 and shard["needs"] == ["now"]
    assert shard["script"] == ["make html SHARD=$CI_NODE_INDEX/$CI_NODE_TOTAL CONFFILE=$SITE_SETTINGS"]
    assert shard["artifacts"]["paths"] == ["output/", ".cache/branches/"]
    assert "$CI_NODE_INDEX-of-$CI_NODE_TOTAL" in shard["cache"]["key"]

    assemble = pipeline["assemble"]
    assert assemble["extends"] == ".site-settings" and assemble["stage"] == "publish"
    assert assemble["needs"] == ["now", "check", "shard"]  # every parallel shard's artifacts
    assert assemble["script"] == ["make assemble CONFFILE=$SITE_SETTINGS"] and "environment" not in assemble
    assert assemble["artifacts"]["paths"] == ["output/"] and assemble["cache"]["paths"] == [".cache/main/"]

    deploy = pipeline["deploy"]
    assert deploy["needs"] == ["assemble"] and deploy["environment"] == "production"
    assert deploy["script"] == single["deploy"]["script"] and deploy["rules"] == single["deploy"]["rules"]
    assert not any("make html" in line or "make assemble" in line for line in deploy["script"])
    assert pipeline["stages"] == single["stages"]


def test_secrets_the_workflows_use_are_documented():
    docs = (KIT_ROOT / "docs/ci.md").read_text()
    paths = [*WORKFLOWS, *MATRIX_WORKFLOWS, *PREVIEW_WORKFLOWS, ".gitlab-ci.yml", GITLAB_MATRIX]
    text = "".join((KIT_ROOT / p).read_text() for p in paths)
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


@pytest.mark.parametrize(
    "path", [*WORKFLOWS, *MATRIX_WORKFLOWS, *PREVIEW_WORKFLOWS, *ISSUE_WORKFLOWS, *CODEOWNERS_WORKFLOWS]
)
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
