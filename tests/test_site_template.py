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
from jinja2.sandbox import SandboxedEnvironment
from packaging.requirements import Requirement

from branchsites import __version__, new_site
from kit_testing import KIT_ROOT, build, kit_on_path, settings_errors, with_lunr

NOW = "1798761600"  # 2027-01-01
ANSWERS = {
    "party_name": "The Otter Party",
    "domain": "otter.example",
    "web_team": "@otters/web",
    "branch_editor": "olly",
    "imprint_promoter_name": "Olly Holt",
    "imprint_promoter_address": "3 Holt Lane, Bristol BS1 4DJ",
    "privacy_contact_name": "Sam Reed, Data Protection Officer",
    "privacy_contact_email": "privacy@otter.example",
    "accessibility_prepared_on": "2026-12-01",
}
# The files the template owns at the root: the demo keeps them as the template writes them with its
# answers (the rest, pelicanconf.py, content, branches, theme, are the party's once made).
TEMPLATE_OWNED = [
    "Makefile",
    "publishconf.py",
    "scripts/ensure-venv.sh",
    "scripts/ensure-node.sh",
    ".devcontainer/devcontainer.json",
]
CI_FILES = {
    "github": [
        ".github/workflows/site.yml",
        ".github/workflows/site-matrix.yml",
        ".github/workflows/preview.yml",
        ".github/workflows/codeowners.yml",
    ],
    "gitlab": [".gitlab-ci.yml", ".gitlab/site-matrix.gitlab-ci.yml"],
    "forgejo": [
        ".forgejo/workflows/site.yml",
        ".forgejo/workflows/site-matrix.yml",
        ".forgejo/workflows/preview.yml",
        ".forgejo/workflows/codeowners.yml",
    ],
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
        ".copier-answers.yml", ".devcontainer/devcontainer.json", ".gitignore", ".gitlab-ci.yml",
        ".gitlab/CODEOWNERS", ".gitlab/site-matrix.gitlab-ci.yml", "Makefile",
        "branches/riverside/branch.yaml", "branches/riverside/news/2027-01-04-hello-from-riverside.md",
        "content/news/2027-01-04-our-new-website.md", "content/pages/about.md", "content/pages/home.md",
        "package-lock.json", "package.json",
        "pelicanconf.py", "plugins/README.md", "publishconf.py", "requirements.txt", "scripts/ensure-node.sh",
        "scripts/ensure-venv.sh", "tests/test_content.py", "theme/static/css/party.css", "theme/templates/README.md",
    }  # fmt: skip
    settings = (site / "pelicanconf.py").read_text()
    assert settings.count("\n") <= 48  # 45, and the browser editor's repository (3 lines)
    assert 'SITENAME = "The Otter Party"' in settings
    assert 'CODEOWNERS_FILES = {".gitlab/CODEOWNERS": "glob"}' in settings
    assert "from branchsites.site_settings import *  # noqa: F403\n" in settings
    assert (site / "requirements.txt").read_text().splitlines()[2] == f"branchsites=={__version__}"
    assert 'IMPRINT_PROMOTER_ADDRESS = "3 Holt Lane, Bristol BS1 4DJ"' in settings
    assert 'IMPRINT_ON_BEHALF_OF_NAME = "The Otter Party"' in settings  # the party, at the promoter's address
    assert 'IMPRINT_ON_BEHALF_OF_ADDRESS = "3 Holt Lane, Bristol BS1 4DJ"' in settings
    assert 'ACCESSIBILITY_CONTACT_EMAIL = "privacy@otter.example"' in settings  # the data protection contact's
    assert "PRIVACY_SERVER_LOG_DAYS = 14  #" in settings
    answers = yaml.safe_load((site / ".copier-answers.yml").read_text())
    assert answers["party_name"] == "The Otter Party" and answers["forge"] == "gitlab"


def test_new_site_passes_the_kits_checks_and_builds(tmp_path):
    status, site = make_site(tmp_path)
    assert status == 0
    # the logo, where docs/make-it-your-party.md says (found without a setting), and a line of the
    # party's own in <head>, through an override that fills one block
    (site / "theme/brand").mkdir()
    (site / "theme/brand/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"><rect width="2" height="1" fill="#1d5c2e"/></svg>'
    )
    (site / "theme/templates/base.html").write_text(
        '{% extends "!theme/base.html" %}\n'
        '{% block party_head %}<link rel="me" href="https://social.otter.example/@otter">{% endblock party_head %}\n'
    )
    output = build(with_lunr(site), site / "pelicanconf.py", now=NOW)
    home = (output / "index.html").read_text()
    assert "<title>The Otter Party</title>" in home
    assert "Our new website" in home
    assert "Riverside" in (output / "branches/riverside/index.html").read_text()
    assert (output / "theme/css/party.css").read_bytes() == (site / "theme/static/css/party.css").read_bytes()
    assert 'href="/theme/css/party.css"' in home
    assert (output / "theme/brand/logo.svg").read_text().startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert '<img class="kit-header__logo kit-header__logo--on-plate" src="/theme/brand/logo.svg"' in home
    post = (output / "news/2027/our-new-website/index.html").read_text()  # article.html fills `head` itself
    branch = (output / "branches/riverside/index.html").read_text()
    for page in (post, branch):
        assert '<link rel="me" href="https://social.otter.example/@otter">' in page
        assert '<link rel="icon" href="/theme/brand/favicon.ico" sizes="16x16 32x32 48x48">' in page
    imprint = "Promoted by Olly Holt on behalf of The Otter Party, both at 3 Holt Lane, Bristol BS1 4DJ."
    assert imprint in home and imprint in (output / "branches/riverside/index.html").read_text()
    privacy = (output / "privacy/index.html").read_text()
    assert "Sam Reed, Data Protection Officer" in privacy and "14 days" in privacy
    statement = (output / "accessibility/index.html").read_text()
    assert "privacy@otter.example" in statement and "1 December 2026" in statement


def test_new_site_with_a_repository_gets_the_browser_editor(tmp_path):
    status, site = make_site(tmp_path, "--forge=forgejo", "--repository=otters/site")
    assert status == 0
    settings = (site / "pelicanconf.py").read_text()
    assert 'CMS_REPO = "otters/site"\nCMS_FORGE = "forgejo"\n' in settings
    dist = KIT_ROOT / "node_modules" / "decap-cms" / "dist"  # the site's own, once `make html` has run npm ci
    output = build(with_lunr(site), site / "pelicanconf.py", now=NOW, CMS_DIST=str(dist))
    config = yaml.safe_load((output / "branches/riverside/admin/config.yml").read_text())
    assert config["backend"]["repo"] == "otters/site" and config["backend"]["name"] == "forgejo"
    assert config["collections"][0]["folder"] == "branches/riverside/news"
    assert (output / "admin/cms/decap-cms.js").is_file()


def test_new_site_without_a_repository_has_no_editor_pages(tmp_path):
    status, site = make_site(tmp_path)
    assert status == 0
    assert 'CMS_REPO = ""\n' in (site / "pelicanconf.py").read_text()
    output = build(with_lunr(site), site / "pelicanconf.py", now=NOW)
    assert not (output / "admin").exists() and not (output / "branches/riverside/admin").exists()


def test_new_site_with_the_contacts_left_empty_is_made_and_the_check_names_each_setting(tmp_path, capsys):
    """Left empty (as `make upgrade` leaves them, docs/upgrading.md), the settings are None in pelicanconf.py,
    and the kit's settings check stops the build naming each one at its line."""
    unanswered = [f"--{name.replace('_', '-')}=" for name in new_site.REQUIRED_TO_BUILD]
    status, site = make_site(tmp_path, *unanswered)
    assert status == 0
    told = capsys.readouterr().err
    expected = [
        "IMPRINT_PROMOTER_NAME",
        "IMPRINT_PROMOTER_ADDRESS",
        "IMPRINT_ON_BEHALF_OF_ADDRESS",
        "PRIVACY_DATA_PROTECTION_CONTACT",
        "ACCESSIBILITY_CONTACT_EMAIL",
        "ACCESSIBILITY_PREPARED_ON",
    ]
    assert f"does not build until pelicanconf.py sets {', '.join(expected)} " in told
    settings = (site / "pelicanconf.py").read_text().splitlines()
    lines = {
        name: settings.index(next(line for line in settings if line.startswith(f"{name} = "))) + 1 for name in expected
    }
    assert all(settings[lines[name] - 1].startswith(f"{name} = None  # required") for name in expected)
    expected_errors = {name: lines[name] for name in expected if "ON_BEHALF" not in name}  # the imprint check's
    assert settings_errors(site, site / "pelicanconf.py") == expected_errors


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
        ("--imprint-promoter-address=3 Holt Lane, Bristol", "imprint_promoter_address"),
        ("--imprint-promoter-address=3 Holt Lane, Nowhere QQ1 4DJ", "imprint_promoter_address"),
        ("--imprint-on-behalf-of-address=BS1 4DJ", "imprint_on_behalf_of_address"),
        ("--privacy-contact-email=Sam <privacy@otter.example>", "privacy_contact_email"),
        ("--accessibility-contact-email=mailto:access@otter.example?subject=x", "accessibility_contact_email"),
        ("--privacy-server-log-days=0", "privacy_server_log_days"),
        ("--accessibility-prepared-on=1/12/2026", "accessibility_prepared_on"),
    ],
)
def test_a_bad_answer_makes_nothing_and_names_the_question(tmp_path, capsys, option, named):
    status, site = make_site(tmp_path, option)
    assert status == 1
    assert not site.exists()
    assert f"Validation error for question '{named}'" in capsys.readouterr().err


def test_a_bad_address_is_refused_with_the_imprint_checks_rule(tmp_path, capsys):
    kit_on_path()
    from imprints.postal_addresses import POSTAL_ADDRESS_RULE

    status, site = make_site(tmp_path, "--imprint-promoter-address=https://otter.example/contact")
    assert status == 1
    assert not site.exists()
    assert POSTAL_ADDRESS_RULE in capsys.readouterr().err


def postal_addresses_to_try() -> list[str]:
    """The imprint check's own cases, and a postcode in every one- and two-letter area, real or not."""
    addresses = [
        "14 Tenter Street, Sheffield S1 4BY",
        "Flat 2, 41 Stapleton Road, Bristol BS50QT",
        "1 Horse Guards Road, London sw1a 2hq",
        "14 Tenter Street, Sheffield",
        "14 Tenter Street, Sheffield S1",
        "14 Tenter Street, Nowhere QQ1 4BY",
        "Sheffield S1 4BY",
        "S1 4BY",
        "https://party.example/contact",
        "14 Tenter Street,\nSheffield S1 4BY",
    ]
    letters = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
    for area in letters + [first + second for first in letters for second in letters]:
        addresses += [f"1 High Street, Town {area}1 1AA", f"1 High Street, Town {area.lower()}9x 2bb"]
    return addresses


@pytest.mark.parametrize("question", ["imprint_promoter_address", "imprint_on_behalf_of_address"])
def test_the_templates_address_question_agrees_with_the_imprint_check(question):
    """copier cannot run the kit's Python, so the question's validator is a regular expression: it must
    refuse exactly the addresses the kit's check refuses, with the check's rule (postal_addresses.py)."""
    kit_on_path()
    from imprints.postal_addresses import POSTAL_ADDRESS_RULE, postal_address_problem

    # copier's Jinja: a sandbox with the Ansible filters (regex_search)
    jinja = SandboxedEnvironment(extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"])
    validator = jinja.from_string(new_site.template_questions()[question]["validator"])
    for address in postal_addresses_to_try():
        said = validator.render({question: address}).strip()
        assert said == ("" if postal_address_problem(address) is None else POSTAL_ADDRESS_RULE), address
    assert validator.render({question: ""}).strip() == ""  # left empty: the check names the setting


@pytest.mark.parametrize("question", ["privacy_contact_email", "accessibility_contact_email"])
def test_the_templates_email_questions_agree_with_the_kits_email_check(question):
    kit_on_path()
    from content_schema.fields import FieldError, email

    jinja = SandboxedEnvironment(extensions=["jinja2_ansible_filters.AnsibleCoreFiltersExtension"])
    validator = jinja.from_string(new_site.template_questions()[question]["validator"])
    for address in ["privacy@otter.example", "jo.o'brien+dp@mail.otter.example", "privacy@otter", "Sam <a@b.example>",
                    "a@b.example?subject=x", "@otter.example", "a..b@otter.example", "a@-otter.example"]:  # fmt: skip
        try:
            email(address)
            accepted = True
        except FieldError:
            accepted = False
        assert (validator.render({question: address}).strip() == "") == accepted, address


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


@pytest.mark.parametrize(("forge", "path"), [(forge, path) for forge, paths in CI_FILES.items() for path in paths])
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
    expected = {"SITENAME", "OFFICIAL_DOMAINS", "CODEOWNERS_NATIONAL", "EVENTS_UID_DOMAIN", "IMPRINT_PROMOTER_NAME"}
    expected |= {"IMPRINT_ON_BEHALF_OF_ADDRESS", "PRIVACY_DATA_PROTECTION_CONTACT", "PRIVACY_SERVER_LOG_DAYS"}
    expected |= {"ACCESSIBILITY_CONTACT_EMAIL", "ACCESSIBILITY_PREPARED_ON", "CMS_REPO"}
    assert expected <= names(demo) & names(rendered)
