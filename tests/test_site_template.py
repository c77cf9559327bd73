"""The site template (src/branchsites/site_template/) and `branchsites new-site`: a new party's site in
the repository's shape that passes the kit's checks and builds; bad answers make nothing; and the
demo site at the root is what the template makes with the demo's answers (.copier-answers.yml)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from copier import run_copy
from packaging.requirements import Requirement

from branchsites import __version__, new_site
from kit_testing import KIT_ROOT, build, with_lunr

NOW = "1798761600"  # 2027-01-01
ANSWERS = {
    "party_name": "The Otter Party",
    "domain": "otter.example",
    "web_team": "@otters/web",
    "branch_editor": "olly",
}
# The files the template owns at the root: the demo keeps them as the template writes them with its
# answers (the rest, pelicanconf.py, content, branches, theme, are the party's once made).
TEMPLATE_OWNED = ["Makefile", "publishconf.py", "scripts/ensure-venv.sh", "scripts/ensure-node.sh"]
CI_FILES = {
    "github": ".github/workflows/site.yml",
    "gitlab": ".gitlab-ci.yml",
    "forgejo": ".forgejo/workflows/site.yml",
}


def make_site(tmp_path: Path, *options: str) -> tuple[int, Path]:
    site = tmp_path / "site"
    flags = [f"--{name.replace('_', '-')}={value}" for name, value in ANSWERS.items()]
    return new_site.main([str(site), *flags, "--defaults", *options]), site


def files_under(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def test_new_site_has_the_repositorys_shape_and_the_partys_answers(tmp_path):
    status, site = make_site(tmp_path, "--forge=gitlab")
    assert status == 0
    assert files_under(site) == {
        ".copier-answers.yml", ".gitignore", ".gitlab-ci.yml", ".gitlab/CODEOWNERS", "Makefile",
        "branches/riverside/branch.yaml", "branches/riverside/news/2027-01-04-hello-from-riverside.md",
        "content/news/2027-01-04-our-new-website.md", "content/pages/about.md", "package-lock.json", "package.json",
        "pelicanconf.py", "plugins/README.md", "publishconf.py", "requirements.txt", "scripts/ensure-node.sh",
        "scripts/ensure-venv.sh", "tests/test_content.py", "theme/static/css/party.css", "theme/templates/README.md",
    }  # fmt: skip
    settings = (site / "pelicanconf.py").read_text()
    assert settings.count("\n") <= 30
    assert 'SITENAME = "The Otter Party"' in settings
    assert 'CODEOWNERS_FILES = {".gitlab/CODEOWNERS": "glob"}' in settings
    assert "from branchsites.site_settings import *  # noqa: F403\n" in settings
    assert (site / "requirements.txt").read_text().splitlines()[2] == f"branchsites=={__version__}"
    answers = yaml.safe_load((site / ".copier-answers.yml").read_text())
    assert answers["party_name"] == "The Otter Party" and answers["forge"] == "gitlab"


def test_new_site_passes_the_kits_checks_and_builds(tmp_path):
    status, site = make_site(tmp_path)
    assert status == 0
    # a favicon, as docs/make-it-your-party.md says: a file in theme/static/, linked by an override
    (site / "theme/static/favicon.ico").write_bytes(b"\x00\x00\x01\x00")
    (site / "theme/templates/base.html").write_text(
        '{% extends "!theme/base.html" %}\n'
        '{% block party_head %}<link rel="icon" href="{{ MAIN_SITEURL }}/theme/favicon.ico">{% endblock party_head %}\n'
    )
    output = build(with_lunr(site), site / "pelicanconf.py", now=NOW)
    home = (output / "index.html").read_text()
    assert "<title>The Otter Party</title>" in home
    assert "Our new website" in home
    assert "Riverside" in (output / "branches/riverside/index.html").read_text()
    assert (output / "theme/css/party.css").read_bytes() == (site / "theme/static/css/party.css").read_bytes()
    assert 'href="/theme/css/party.css"' in home
    assert (output / "theme/favicon.ico").read_bytes() == b"\x00\x00\x01\x00"
    post = (output / "news/2027/our-new-website/index.html").read_text()  # article.html fills `head` itself
    assert '<link rel="icon" href="/theme/favicon.ico">' in post
    assert '<link rel="icon" href="/theme/favicon.ico">' in (output / "branches/riverside/index.html").read_text()


def test_new_site_writes_a_codeowners_the_check_accepts(tmp_path):
    """The CODEOWNERS the template writes is the one `make codeowners` would write (make check compares)."""
    sys.path.insert(0, str(KIT_ROOT / "plugins"))
    from branch_subsites.codeowners import expected_files
    from content_schema import ProblemList
    from kit_testing import project_settings

    for forge, path in {"github": ".github/CODEOWNERS", "forgejo": ".gitea/CODEOWNERS"}.items():
        status, site = make_site(tmp_path / forge, f"--forge={forge}")
        assert status == 0
        style = "regexp" if forge == "forgejo" else "glob"
        settings = project_settings(site, site / "pelicanconf.py", CODEOWNERS_FILES={path: style})
        ((written, text),) = expected_files(settings, ProblemList(root=str(site))).items()
        assert Path(written) == site / path
        assert (site / path).read_text() == text


def test_new_site_with_a_kit_repository_records_its_tag_for_upgrades(tmp_path):
    status, site = make_site(tmp_path, "--kit-repository=https://git.example.org/kit/branchsites.git")
    assert status == 0
    answers = yaml.safe_load((site / ".copier-answers.yml").read_text())
    assert answers["_src_path"] == "https://git.example.org/kit/branchsites.git"
    assert answers["_commit"] == f"v{__version__}"
    lock = (site / "requirements.txt").read_text().splitlines()
    assert lock[2] == f"branchsites @ git+https://git.example.org/kit/branchsites.git@v{__version__}"


@pytest.mark.parametrize(
    ("option", "named"),
    [
        ("--domain=https://otter.example/", "domain"),
        ("--domain=Otter.Example", "domain"),
        ("--web-team=otters", "web_team"),
        ("--short-name=Otter Party", "short_name"),
        ("--party-name=  ", "party_name"),
        ("--kit-repository=ftp://kit.example/kit", "kit_repository"),
    ],
)
def test_a_bad_answer_makes_nothing_and_names_the_question(tmp_path, capsys, option, named):
    status, site = make_site(tmp_path, option)
    assert status == 1
    assert not site.exists()
    assert f"Validation error for question '{named}'" in capsys.readouterr().err


def test_an_unknown_forge_is_refused_by_the_command_and_makes_nothing(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        make_site(tmp_path, "--forge=bitbucket")
    assert stopped.value.code == 2
    assert not (tmp_path / "site").exists()
    assert "argument --forge: invalid choice: 'bitbucket'" in capsys.readouterr().err


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("ours\n")
    status, _ = make_site(tmp_path)
    assert status == 1
    assert files_under(site) == {"notes.txt"} and (site / "notes.txt").read_text() == "ours\n"
    assert "is not empty" in capsys.readouterr().err


def test_new_site_without_a_terminal_or_a_name_asks_for_it(tmp_path, capsys):
    site = tmp_path / "site"
    assert new_site.main([str(site), "--domain=otter.example"]) == 1
    assert not site.exists()
    assert "The party needs a name." in capsys.readouterr().err


def test_every_question_is_an_option_of_new_site():
    options = new_site.parser().format_help()
    for name in new_site.template_questions():
        if name not in new_site.SET_BY_THE_COMMAND:
            assert new_site.option_name(name) in options


def test_the_templates_kit_version_and_lock_are_this_kits():
    """A release bumps the template's default kit_version with __version__, and its lock holds the kit's
    own pins (requirements.txt): a new site builds with what the kit is tested with."""
    assert new_site.template_questions()["kit_version"]["default"] == __version__
    template_lock = (KIT_ROOT / "src/branchsites/site_template/site/requirements.txt.jinja").read_text()

    def pins(text: str) -> set[str]:
        lines = (line.split("#")[0].strip() for line in text.splitlines() if not line.startswith("{%"))
        return {str(Requirement(line)) for line in lines if line and not line.startswith("branchsites")}

    assert pins(template_lock) == pins((KIT_ROOT / "requirements.txt").read_text())


@pytest.fixture(scope="module")
def demo_rendered(tmp_path_factory) -> dict[str, Path]:
    """The template rendered with the demo's answers (.copier-answers.yml), once for each forge."""
    answers = yaml.safe_load((KIT_ROOT / ".copier-answers.yml").read_text())
    data = {name: value for name, value in answers.items() if not name.startswith("_")}
    rendered = {}
    for forge in CI_FILES:
        out = tmp_path_factory.mktemp(forge) / "site"
        run_copy(
            str(KIT_ROOT / "src/branchsites/site_template"),
            out,
            data={**data, "forge": forge},
            defaults=True,
            quiet=True,
        )
        rendered[forge] = out
    return rendered


@pytest.mark.parametrize("path", TEMPLATE_OWNED)
def test_the_demo_holds_the_template_owned_files_as_the_template_makes_them(demo_rendered, path):
    assert (KIT_ROOT / path).read_text() == (demo_rendered["github"] / path).read_text()


@pytest.mark.parametrize(("forge", "path"), CI_FILES.items())
def test_the_demos_ci_for_each_forge_is_the_templates(demo_rendered, forge, path):
    assert (KIT_ROOT / path).read_text() == (demo_rendered[forge] / path).read_text()


def test_the_demos_answers_are_what_the_template_records(demo_rendered):
    rendered = yaml.safe_load((demo_rendered["github"] / ".copier-answers.yml").read_text())
    demo = yaml.safe_load((KIT_ROOT / ".copier-answers.yml").read_text())
    assert {k: v for k, v in rendered.items() if not k.startswith("_")} == {
        k: v for k, v in demo.items() if not k.startswith("_")
    }


def test_the_demos_settings_have_the_templates_shape(demo_rendered):
    """pelicanconf.py is the party's once made; the demo's still starts as the template's does."""
    demo = (KIT_ROOT / "pelicanconf.py").read_text()
    rendered = (demo_rendered["github"] / "pelicanconf.py").read_text()
    first_statement = re.compile(r"^from branchsites\.site_settings import \*  # noqa: F403$", re.M)
    assert first_statement.search(demo) and first_statement.search(rendered)
    names = lambda text: {m[1] for m in re.finditer(r"^([A-Z_]+) = ", text, re.M)}  # noqa: E731
    assert {"SITENAME", "OFFICIAL_DOMAINS", "CODEOWNERS_NATIONAL", "EVENTS_UID_DOMAIN"} <= names(demo) & names(rendered)
