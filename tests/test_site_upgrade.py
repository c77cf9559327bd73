"""Fork and upgrade, as a party does it (docs/upgrading.md): a site made from the template at one
version, with the party's typical edits committed, takes the next version's template with
`make upgrade` (copier update) without a conflict, keeps its edits, gets the kit's
changes, and builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from copier import run_copy

from branchsites import __version__, new_site
from kit_testing import KIT_ROOT, build, settings_errors, with_lunr

NOW = "1798761600"  # 2027-01-01
NEXT = "{}.{}.{}".format(*__version__.split(".")[:2], int(__version__.split(".")[2]) + 1)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Site tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "Site tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "init.defaultBranch=main", *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **GIT_ENV},
    )
    return done.stdout


def commit_all(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{path.name} no longer has {old!r}: update this test"
    path.write_text(text.replace(old, new, 1))


@pytest.fixture(scope="module", autouse=True)
def git_identity():
    saved = {name: os.environ.get(name) for name in GIT_ENV}
    os.environ.update(GIT_ENV)  # copier runs git itself, in its own temporary copies
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


ANSWERS = {
    "party_name": "The Otter Party",
    "domain": "otter.example",
    "web_team": "@otters/web",
    "branch_editor": "olly",
}
IMPRINT_ANSWERS = {
    "imprint_promoter_name": "Olly Holt",
    "imprint_promoter_address": "3 Holt Lane, Bristol BS1 4DJ",
    "privacy_contact_name": "Sam Reed",
    "privacy_contact_email": "privacy@otter.example",
    "accessibility_prepared_on": "2026-12-01",
}


# The questions the template gained with the imprint, the privacy notice and the accessibility statement
# (issue 19): the template of the version before had neither them nor pelicanconf.py's settings for them.
ADDED_QUESTIONS = [
    "imprint_promoter_name",
    "imprint_promoter_address",
    "imprint_on_behalf_of_name",
    "imprint_on_behalf_of_address",
    "privacy_contact_name",
    "privacy_contact_email",
    "privacy_server_log_days",
    "accessibility_contact_email",
    "accessibility_prepared_on",
]


def as_before_the_imprint(template: Path) -> None:
    """The template as the kit's version before issue 19 had it."""
    questions = yaml.safe_load((template / "questions.yml").read_text())
    older = {name: spec for name, spec in questions.items() if name not in ADDED_QUESTIONS}
    (template / "questions.yml").write_text(yaml.safe_dump(older, sort_keys=False, allow_unicode=True))
    settings = template / "site/pelicanconf.py.jinja"
    text = settings.read_text()
    settings.write_text(text[: text.index("{%- macro setting")])


def kit_repository(work: Path, *, before_the_imprint: bool = False) -> Path:
    """The kit's repository as this version's release tag holds it: its copier.yml and the template
    (or the template of the version before the imprint questions)."""
    kit = work / "kit"
    (kit / "src/branchsites").mkdir(parents=True)
    shutil.copy(KIT_ROOT / "copier.yml", kit)
    shutil.copytree(KIT_ROOT / "src/branchsites/site_template", kit / "src/branchsites/site_template")
    if before_the_imprint:
        as_before_the_imprint(kit / "src/branchsites/site_template")
    git(kit, "init", "-q")
    commit_all(kit, "release")
    git(kit, "tag", f"v{__version__}")
    return kit


def made_with_new_site(site: Path, kit: Path) -> Path:
    options = [f"--{name.replace('_', '-')}={value}" for name, value in {**ANSWERS, **IMPRINT_ANSWERS}.items()]
    assert new_site.main([str(site), *options, f"--kit-repository={kit}", "--defaults"]) == 0
    return site


def test_new_site_makes_what_copier_copy_of_the_release_tag_makes(tmp_path):
    """The installed kit's template is its release tag's: `branchsites new-site` and `copier copy` from
    the kit's repository at that tag write the same files and the same answers."""
    kit = kit_repository(tmp_path)
    installed = made_with_new_site(tmp_path / "new-site", kit)
    copied = tmp_path / "copier-copy"
    data = {**ANSWERS, **IMPRINT_ANSWERS, "kit_repository": str(kit), "kit_version": __version__}
    run_copy(str(kit), copied, data=data, vcs_ref=f"v{__version__}", defaults=True, quiet=True)
    files = sorted(p.relative_to(copied) for p in copied.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(installed) for p in installed.rglob("*") if p.is_file())
    for name in files:
        if name != Path(".copier-answers.yml"):
            assert (installed / name).read_bytes() == (copied / name).read_bytes(), name
    answers = [yaml.safe_load((site / ".copier-answers.yml").read_text()) for site in (installed, copied)]
    assert answers[0] == answers[1]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("upgrade")
    kit = kit_repository(work, before_the_imprint=True)

    # The party makes its site from the kit's repository at the version before the imprint questions
    # (what `branchsites new-site --kit-repository` of that version made: the test above), and commits it.
    site = work / "site"
    data = {**ANSWERS, "kit_repository": str(kit), "kit_version": __version__}
    run_copy(str(kit), site, data=data, vcs_ref=f"v{__version__}", defaults=True, quiet=True)
    assert "IMPRINT_" not in (site / "pelicanconf.py").read_text()
    git(site, "init", "-q")
    commit_all(site, "our site, from the kit's template")

    # The party's typical edits: its name, its colours, a footer, its own branch, no GitHub workflow.
    edit(site / "pelicanconf.py", 'SITENAME = "The Otter Party"', 'SITENAME = "The River Otter Party"')
    edit(site / "theme/static/css/party.css", "  --kit-accent: #1d5c2e;", "  --kit-accent: #7a2e8f;")
    (site / "theme/templates/base.html").write_text(
        '{% extends "!theme/base.html" %}\n'
        '{% block footer %}<p class="otter-footer">Join the Otters at the riverbank.</p>'
        "{% endblock footer %}\n"
    )
    shutil.copytree(site / "branches/riverside", site / "branches/estuary")
    edit(site / "branches/estuary/branch.yaml", "name: Riverside", "name: Estuary")
    edit(site / "branches/estuary/branch.yaml", "areas: [BS1]", "areas: [BS2]")
    (site / ".github/workflows/site.yml").unlink()
    commit_all(site, "our name, colours, footer and branches; CI elsewhere")

    # The kit's next release is this one, with the imprint questions, and changes files the template
    # owns, some of them edited by the party.
    template = kit / "src/branchsites/site_template"
    shutil.rmtree(template)
    shutil.copytree(KIT_ROOT / "src/branchsites/site_template", template)
    edit(template / "site/Makefile", "# Step 2 of an upgrade", "# Kit change: a new line.\n# Step 2 of an upgrade")
    edit(
        template / "site/publishconf.py.jinja", "PRECOMPRESSED_FILES = True", "PRECOMPRESSED_FILES = True\n# kit change"
    )
    edit(
        template / "site/theme/static/css/party.css", "/* The party's colours", "/* Kit change.\n   The party's colours"
    )
    edit(template / "site/pelicanconf.py.jinja", "A misspelt one stops", "A misspelt setting stops")
    edit(
        template / "site/{% if forge == 'github' %}.github{% endif %}/workflows/site.yml", "name: site", "name: site-v2"
    )
    # the first pin, three lines below the kit's line that the party raises: a three-way merge, not a patch
    edit(template / "site/requirements.txt.jinja", "\npelican==4.12.0\n", "\npelican==4.12.0  # kit change\n")
    (template / "site/.editorconfig").write_text("root = true\n")
    edit(template / "questions.yml", f'default: "{__version__}"', f'default: "{NEXT}"')
    commit_all(kit, "next release")
    git(kit, "tag", f"v{NEXT}")

    # Upgrading: 1. raise the kit's version in the lock (and commit); 2. `make upgrade`.
    edit(site / "requirements.txt", f"@v{__version__}\n", f"@v{NEXT}\n")
    commit_all(site, "kit: take the next version")
    # `make upgrade` as the volunteer runs it, with this interpreter's virtualenv (copier is in the kit's
    # lock); RUNTIME_STAMP= skips the set-up, which would install the new lock from the network.
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["make", "upgrade", f"VENV={venv}", "RUNTIME_STAMP="],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **GIT_ENV},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f'--vcs-ref "v{NEXT}" --data kit_version="{NEXT}"' in done.stdout
    return site


def site_files(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.is_file() and ".git" not in path.relative_to(site).parts]


def test_the_upgrade_leaves_no_conflict(upgraded):
    assert [path for path in site_files(upgraded) if path.suffix == ".rej"] == []
    marked = [p for p in site_files(upgraded) if any(m in p.read_text() for m in ("<<<<<<<", ">>>>>>>"))]
    assert marked == []


def test_the_partys_edits_are_still_there(upgraded):
    assert 'SITENAME = "The River Otter Party"' in (upgraded / "pelicanconf.py").read_text()
    assert "  --kit-accent: #7a2e8f;" in (upgraded / "theme/static/css/party.css").read_text()
    assert "Join the Otters at the riverbank." in (upgraded / "theme/templates/base.html").read_text()
    assert "name: Estuary" in (upgraded / "branches/estuary/branch.yaml").read_text()
    assert not (upgraded / ".github/workflows/site.yml").exists()  # deleted by the party: stays deleted


def test_the_kits_changes_arrived(upgraded):
    assert "# Kit change: a new line.\n" in (upgraded / "Makefile").read_text()
    assert "PRECOMPRESSED_FILES = True\n# kit change\n" in (upgraded / "publishconf.py").read_text()
    assert "/* Kit change.\n" in (upgraded / "theme/static/css/party.css").read_text()
    assert "A misspelt setting stops" in (upgraded / "pelicanconf.py").read_text()
    assert (upgraded / ".editorconfig").read_text() == "root = true\n"
    answers = yaml.safe_load((upgraded / ".copier-answers.yml").read_text())
    assert answers["_commit"] == f"v{NEXT}"
    assert answers["kit_version"] == NEXT
    assert answers["party_name"] == "The Otter Party"
    lock = (upgraded / "requirements.txt").read_text()
    assert f"branchsites @ git+{answers['kit_repository']}@v{NEXT}\n" in lock
    assert "\npelican==4.12.0  # kit change\n" in lock


def test_the_new_questions_took_their_defaults(upgraded):
    """`make upgrade` runs copier with --defaults: each new question takes its default, so the party's
    name, the promoter's address (none yet) and the data protection contact's email (none yet)."""
    answers = yaml.safe_load((upgraded / ".copier-answers.yml").read_text())
    assert {name: answers[name] for name in ADDED_QUESTIONS if name != "accessibility_prepared_on"} == {
        "imprint_promoter_name": "",
        "imprint_promoter_address": "",
        "imprint_on_behalf_of_name": "The Otter Party",
        "imprint_on_behalf_of_address": "",
        "privacy_contact_name": "",
        "privacy_contact_email": "",
        "privacy_server_log_days": 14,
        "accessibility_contact_email": "",
    }
    settings = (upgraded / "pelicanconf.py").read_text()
    assert 'IMPRINT_ON_BEHALF_OF_NAME = "The Otter Party"\n' in settings
    assert "PRIVACY_SERVER_LOG_DAYS = 14  #" in settings
    assert f'ACCESSIBILITY_PREPARED_ON = "{answers["accessibility_prepared_on"]}"\n' in settings  # the upgrade's day


def test_the_check_then_names_what_the_party_must_fill_in(upgraded):
    lines = (upgraded / "pelicanconf.py").read_text().splitlines()
    unset = [line.split(" = ")[0] for line in lines if line.endswith(" = None  # required: fill it in")]
    unset += [line.split(" = ")[0] for line in lines if line.startswith("PRIVACY_DATA_PROTECTION_CONTACT = None  #")]
    imprint = ["IMPRINT_PROMOTER_NAME", "IMPRINT_PROMOTER_ADDRESS", "IMPRINT_ON_BEHALF_OF_ADDRESS"]
    assert sorted(unset) == sorted([*imprint, "PRIVACY_DATA_PROTECTION_CONTACT", "ACCESSIBILITY_CONTACT_EMAIL"])
    at = {name: 1 + next(n for n, line in enumerate(lines) if line.startswith(f"{name} = ")) for name in unset}
    del at["IMPRINT_ON_BEHALF_OF_ADDRESS"]  # may be None: the imprint check names it once the promoter is set
    assert settings_errors(upgraded, upgraded / "pelicanconf.py") == at


def filled_in(site: Path, work: Path) -> Path:
    """The upgraded site once the party has set what the check named."""
    filled = work / "filled-in"
    shutil.copytree(site, filled)
    settings = filled / "pelicanconf.py"
    for name, value in {
        "IMPRINT_PROMOTER_NAME": '"Olly Holt"',
        "IMPRINT_PROMOTER_ADDRESS": '"3 Holt Lane, Bristol BS1 4DJ"',
        "IMPRINT_ON_BEHALF_OF_ADDRESS": "IMPRINT_PROMOTER_ADDRESS",
        "PRIVACY_DATA_PROTECTION_CONTACT": '{"name": "Sam Reed", "email": "privacy@otter.example"}',
        "ACCESSIBILITY_CONTACT_EMAIL": '"access@otter.example"',
    }.items():
        text = settings.read_text()
        start = text.index(f"\n{name} = None") + 1
        end = text.index("\n", start)
        settings.write_text(f"{text[:start]}{name} = {value}{text[end:]}")
    assert settings_errors(filled, settings) == {}
    return filled


def test_the_upgraded_site_builds_once_filled_in(upgraded, tmp_path):
    site = filled_in(upgraded, tmp_path)
    output = build(with_lunr(site), site / "pelicanconf.py", now=NOW)
    home = (output / "index.html").read_text()
    assert "<title>The River Otter Party</title>" in home
    assert "Join the Otters at the riverbank." in home
    assert "Estuary" in (output / "branches/estuary/index.html").read_text()
    assert "--kit-accent: #7a2e8f;" in (output / "theme/css/party.css").read_text()
    imprint = "Promoted by Olly Holt on behalf of The Otter Party, both at 3 Holt Lane, Bristol BS1 4DJ."
    assert json.loads((output / "official.json").read_text())["imprint"]["text"] == imprint
    # the party's own footer replaces the kit's block, never the imprint or the notices' links after it
    for page in (output / "index.html", output / "branches/estuary/index.html"):
        text = page.read_text()
        assert imprint in text and ">Privacy notice</a>" in text and ">Accessibility statement</a>" in text, page
    assert "Sam Reed" in (output / "privacy/index.html").read_text()
