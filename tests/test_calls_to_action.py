"""Join, Donate, Volunteer and the newsletter (calls_to_action) on the kit's fixture site: in the header
and footer of every page, a branch's own volunteer page and newsletter on its site, the newsletter form
as plain HTML, the pages that name them (official channels, privacy notice), the CSP's form-action, and
every address refused (with its file and line, nothing published) unless it is https on an official
domain. With the menu from MENU_ITEMS: the items chosen at the top, the rest in the footer; on a phone
a menu that opens without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from servers import server_config

from content_schema.problems import ContentProblems
from kit_settings.declared_settings import SettingsProblems
from kit_testing import (
    FIXTURES,
    KIT_ROOT,
    PUBLISH_SETTINGS_FILE,
    build,
    copy_fixture,
    kit_site_values,
    make_check,
    project_paths,
    site_settings_file,
)
from server_configs.__main__ import read_server_settings
from server_configs.render import render
from server_configs.values import server_values

NOW = "1798761600"  # 2027-01-01 00:00 UTC
KIT_SITE = kit_site_values()
JOIN, DONATE, VOLUNTEER = KIT_SITE["JOIN_URL"], KIT_SITE["DONATE_URL"], KIT_SITE["VOLUNTEER_URL"]
NEWSLETTER = KIT_SITE["NEWSLETTER_URL"]
ALPHA_VOLUNTEER = "https://join.test-party.example/volunteer/alphaton/"
ALPHA_NEWSLETTER = "https://alpha-lists.test-party.example/subscription/form"
ALPHA_ACTIONS = f"""\
volunteer: {ALPHA_VOLUNTEER}
newsletter: {ALPHA_NEWSLETTER}
newsletter_fields: {{l: alpha-list-uuid, nonce: ""}}
"""
# The party lists Alphaton's own list beside its own: the only hosts a newsletter form may post to.
NEWSLETTER_HOSTS = ["lists.test-party.example", "alpha-lists.test-party.example"]
NATIONAL_PAGES = ("index.html", "about/index.html", "events/index.html", "news/index.html", "official/index.html")
BRANCH_PAGES = ("branches/alpha/index.html", "branches/alpha/about/index.html", "branches/alpha/events/index.html")


def with_alpha_actions(project: Path) -> Path:
    with open(project / "branches/alpha/branch.yaml", "a", encoding="utf-8") as handle:
        handle.write(ALPHA_ACTIONS)
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The two-branch fixture, Alphaton with its own volunteer page and newsletter."""
    project = with_alpha_actions(copy_fixture("two_branches", tmp_path_factory.mktemp("actions") / "project"))
    return build(project, now=NOW, NEWSLETTER_HOSTS=NEWSLETTER_HOSTS)


def page(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


def hrefs(element) -> list[str]:
    return [a["href"] for a in element.find_all("a")]


def labels(element) -> list[str]:
    return [a.get_text(" ", strip=True) for a in element.find_all("a")]


def written(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.is_file()) if output.exists() else []


# ---- on every page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", NATIONAL_PAGES)
def test_every_national_page_offers_join_and_donate_in_its_header_and_every_action_in_its_footer(site, path):
    html = page(site, path)
    header = html.select_one("header.kit-header .kit-actions--header")
    assert [(a.get_text(strip=True), a["href"]) for a in header.select("a.kit-button")] == [
        ("Join", JOIN),
        ("Donate", DONATE),
    ]
    assert {VOLUNTEER, "#kit-newsletter"} <= set(hrefs(header))  # beside them from 40em, in the menu on phones
    assert {VOLUNTEER, "#kit-newsletter"} <= set(hrefs(html.select_one("details.kit-nav__menu")))
    footer = html.select_one("footer .kit-actions--footer")
    assert list(zip(labels(footer), hrefs(footer), strict=True)) == [
        ("Join", JOIN),
        ("Donate", DONATE),
        ("Volunteer", VOLUNTEER),
    ]
    assert html.select_one("footer form#kit-newsletter")["action"] == NEWSLETTER


@pytest.mark.parametrize("path", BRANCH_PAGES)
def test_a_branch_site_hands_its_volunteers_and_sign_ups_to_its_own_pages(site, path):
    html = page(site, path)
    header = html.select_one("header .kit-actions--header")
    assert hrefs(header) == [JOIN, DONATE, ALPHA_VOLUNTEER, "#kit-newsletter"]  # the party's Join and Donate
    assert hrefs(html.select_one("footer .kit-actions--footer")) == [JOIN, DONATE, ALPHA_VOLUNTEER]
    form = html.select_one("footer form#kit-newsletter")
    assert form["action"] == ALPHA_NEWSLETTER
    assert {i["name"]: i["value"] for i in form.select("input[type=hidden]")} == {"l": "alpha-list-uuid", "nonce": ""}
    assert "Alphaton branch" in form.select_one("h2").get_text()


def test_a_branch_without_its_own_takes_the_partys(site):
    html = page(site, "branches/beta-net/index.html")
    assert hrefs(html.select_one("footer .kit-actions--footer")) == [JOIN, DONATE, VOLUNTEER]
    assert html.select_one("footer form#kit-newsletter")["action"] == NEWSLETTER


def test_the_newsletter_form_is_plain_html_that_posts_to_the_list(site):
    html = page(site, "index.html")
    form = html.select_one("form#kit-newsletter")
    assert form["method"] == "post" and form["action"] == NEWSLETTER
    fields = {i["name"]: i for i in form.select("input")}
    assert set(fields) == {"l", "nonce", "email", "name"}  # Listmonk's: the list's UUID, its empty nonce
    assert fields["l"]["type"] == "hidden" and fields["l"]["value"] == KIT_SITE["NEWSLETTER_FIELDS"]["l"]
    assert fields["email"]["type"] == "email" and fields["email"].has_attr("required")
    assert not fields["name"].has_attr("required")
    for name in ("email", "name"):  # each box has its label
        assert form.select_one(f"label[for={fields[name]['id']}]").get_text(strip=True)
    assert form.select_one("button[type=submit]").get_text(strip=True) == "Sign up"
    privacy = form.select_one(".kit-newsletter__privacy")
    assert "only to send you the newsletter" in privacy.get_text() and hrefs(privacy) == ["/privacy/"]
    assert not html.select("script[src*=newsletter]") and not form.has_attr("onsubmit")


def test_without_a_name_field_or_a_newsletter_the_form_shrinks_or_goes(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    output = build(project, now=NOW, NEWSLETTER_NAME_FIELD="", JOIN_URL="")
    form = page(output, "index.html").select_one("form#kit-newsletter")
    assert [i["name"] for i in form.select("input:not([type=hidden])")] == ["email"]
    assert "Join" not in labels(page(output, "index.html").select_one("header .kit-actions--header"))
    output = build(project, now=NOW, NEWSLETTER_URL="", NEWSLETTER_FIELDS={})
    html = page(output, "index.html")
    assert html.select("form") == [] and "#kit-newsletter" not in hrefs(html)


ONLY_VOLUNTEER = {"JOIN_URL": "", "DONATE_URL": "", "NEWSLETTER_URL": "", "NEWSLETTER_FIELDS": {}}


def test_a_site_offering_only_volunteering_still_shows_it_in_the_header_and_footer(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    output = build(project, now=NOW, **ONLY_VOLUNTEER)
    for path in ("index.html", "about/index.html", "branches/beta-net/index.html"):
        html = page(output, path)
        header = html.select_one("header.kit-header .kit-actions--header")
        assert header is not None, path
        assert list(zip(labels(header), hrefs(header), strict=True)) == [("Volunteer", VOLUNTEER)], path
        footer = html.select_one("footer .kit-actions--footer")
        assert list(zip(labels(footer), hrefs(footer), strict=True)) == [("Volunteer", VOLUNTEER)], path
    output = build(project, now=NOW, **ONLY_VOLUNTEER, VOLUNTEER_URL="")  # nothing offered: no empty list
    html = page(output, "index.html")
    assert html.select(".kit-actions") == [] and html.select(".kit-footer__actions") == []


def test_on_a_wide_screen_a_volunteer_only_header_shows_volunteer(tmp_path, serve, open_page):
    output = build(copy_fixture("two_branches", tmp_path / "project"), now=NOW, **ONLY_VOLUNTEER)
    desktop = open_page(width=1280)
    desktop.goto(serve(output) + "/")
    volunteer = desktop.get_by_role("banner").get_by_role("link", name="Volunteer", exact=True).first
    assert volunteer.is_visible() and volunteer.get_attribute("href") == VOLUNTEER
    assert desktop.problems == []


# ---- the next step, and the pages that list them -----------------------------------------------------


@pytest.mark.parametrize("path", ["about/index.html", "events/index.html", "branches/alpha/about/index.html"])
def test_the_pages_where_a_reader_decides_end_with_the_next_step(site, path):
    step = page(site, path).select_one("main .kit-next-step")
    volunteer = ALPHA_VOLUNTEER if path.startswith("branches/alpha/") else VOLUNTEER
    assert hrefs(step) == [JOIN, volunteer, DONATE, "#kit-newsletter"]


def test_the_next_step_is_only_on_the_pages_named(site):
    assert page(site, "contact/index.html").select(".kit-next-step") == []


def test_the_official_channels_page_lists_every_host_readers_are_sent_to(site):
    section = page(site, "official/index.html").select_one("section[aria-labelledby=official-sign-up]")
    hosts = [code.get_text() for code in section.select("code")]
    assert hosts == ["join.test-party.example"] * 3 + ["lists.test-party.example"] + [
        "join.test-party.example",
        "alpha-lists.test-party.example",
    ]
    assert "(Alphaton branch)" in section.get_text()


def test_the_privacy_notice_lists_each_sign_up_with_who_controls_it(site):
    national = page(site, "privacy/index.html").get_text(" ", strip=True)
    assert f"Sign up to the newsletter (the form at the foot of every page): {NEWSLETTER}" in national
    assert "Controller: The Test Party. What it is used for: Sending you the newsletter" in national
    alpha = page(site, "branches/alpha/privacy/index.html").get_text(" ", strip=True)
    assert ALPHA_NEWSLETTER in alpha and NEWSLETTER + " " not in alpha  # the branch's own form, not the party's
    assert "Controller: Alphaton branch, for The Test Party. What it is used for: Sending you" in alpha


# ---- what is refused --------------------------------------------------------------------------------


def settings_line(settings: Path, name: str) -> int:
    return next(n for n, line in enumerate(settings.read_text().splitlines(), 1) if line.startswith(f"{name} ="))


def test_an_address_off_the_official_domains_stops_make_check_and_the_build_at_its_line(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    settings = site_settings_file(project, DONATE_URL="https://give.elsewhere.example/party")
    checked = make_check(project, settings)
    line = settings_line(settings, "DONATE_URL")
    assert checked.returncode == 1
    assert f"settings.py:{line}:" in checked.stdout and "give.elsewhere.example is not one of" in checked.stdout
    with pytest.raises(ContentProblems) as stopped:
        build(project, settings)
    (problem,) = [p for p in stopped.value.problems if p.is_error]
    assert (problem.path, problem.line) == ("settings.py", line)
    assert problem.message.startswith("DONATE_URL is 'https://give.elsewhere.example/party': give.elsewhere.example")
    assert "add it to OFFICIAL_DOMAINS in settings.py" in problem.fix
    assert written(project / "output") == []


@pytest.mark.parametrize("value", ["http://join.test-party.example/", "join.test-party.example", "https://"])
def test_an_address_that_is_not_https_is_refused_by_name(tmp_path, value):
    project = copy_fixture("two_branches", tmp_path / "project")
    with pytest.raises(SettingsProblems) as stopped:
        build(project, JOIN_URL=value)
    (problem,) = stopped.value.problems
    assert problem.message.startswith(f"JOIN_URL is {value!r}: it is") and "not an https: address" in problem.message
    assert written(project / "output") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("volunteer: https://volunteer.elsewhere.example/", "`volunteer` is 'https://volunteer.elsewhere.example/'"),
        ("newsletter: http://lists.test-party.example/form", "`newsletter` is `http://lists.test-party.example/form`"),
        ("newsletter_fields: {l: x}", "`newsletter_fields` without a `newsletter`"),
        ("newsletter_fields: [l]", "`newsletter_fields` should be a group of `name: value` lines"),
    ],
)
def test_a_branch_yaml_action_is_refused_at_its_line(two_branches, line, message):
    path = two_branches / "branches/alpha/branch.yaml"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, line, ""]))
    with pytest.raises(ContentProblems) as stopped:
        build(two_branches)
    errors = [p for p in stopped.value.problems if p.is_error]
    assert [(p.path, p.line) for p in errors] == [("branches/alpha/branch.yaml", len(lines) + 1)]
    assert errors[0].message.startswith(message), errors[0].message
    assert written(two_branches / "output") == []


def test_a_branch_may_hand_off_to_its_own_domain(two_branches):
    path = two_branches / "branches/alpha/branch.yaml"
    path.write_text(path.read_text() + "domain: alpha.example\nvolunteer: https://alpha.example/help/\n")
    output = build(two_branches, now=NOW)
    assert "https://alpha.example/help/" in hrefs(page(output, "branches/alpha/index.html").select_one("footer"))


# ---- the servers' Content-Security-Policy -------------------------------------------------------


@pytest.mark.parametrize("server", ["nginx", "apache", "caddy"])
def test_forms_may_post_to_the_site_and_exactly_the_newsletter_hosts(tmp_path, server):
    project = with_alpha_actions(copy_fixture("two_branches", tmp_path / "project"))
    text = server_config(
        server,
        project,
        SITEURL="https://party.example",
        SERVER_CONFIG_ROOT="/srv/party/current",
        NEWSLETTER_HOSTS=NEWSLETTER_HOSTS,
    )
    policies = [line for line in text.splitlines() if "Content-Security-Policy" in line]
    assert policies
    expected = "form-action 'self' https://alpha-lists.test-party.example https://lists.test-party.example;"
    for policy in policies:
        (directive,) = [part for part in policy.split('"')[1].split("; ") if part.startswith("form-action")]
        assert directive + ";" == expected
    none = server_config(
        server,
        project,
        SITEURL="https://party.example",
        SERVER_CONFIG_ROOT="/srv/x",
        NEWSLETTER_URL="",
        NEWSLETTER_HOSTS=NEWSLETTER_HOSTS[1:],
    )
    assert "form-action 'self' https://alpha-lists.test-party.example;" in none


def test_a_branch_form_posting_off_the_newsletter_hosts_is_refused_not_let_through(tmp_path):
    """NEWSLETTER_HOSTS is by default NEWSLETTER_URL's host alone: Alphaton's own list, on an official
    domain but not listed, stops `make check` and the build at its line, and the servers' form-action
    is not widened for it (the branch is left out of the configuration, and said so)."""
    project = with_alpha_actions(copy_fixture("two_branches", tmp_path / "project"))
    line = next(n for n, text in enumerate(ALPHA_ACTIONS.splitlines(), 1) if text.startswith("newsletter:"))
    line += len((FIXTURES / "two_branches/branches/alpha/branch.yaml").read_text().splitlines())
    checked = make_check(project, site_settings_file(project))
    assert checked.returncode == 1
    assert f"branches/alpha/branch.yaml:{line}: error: `newsletter` is '{ALPHA_NEWSLETTER}'" in checked.stdout
    assert "(NEWSLETTER_HOSTS: lists.test-party.example), and alpha-lists.test-party.example is not" in checked.stdout
    assert "ask the national web team to add it to NEWSLETTER_HOSTS" in checked.stdout
    with pytest.raises(ContentProblems) as stopped:
        build(project)
    assert [(p.path, p.line) for p in stopped.value.problems if p.is_error] == [("branches/alpha/branch.yaml", line)]
    assert written(project / "output") == []
    settings = read_server_settings(
        str(PUBLISH_SETTINGS_FILE),
        {**project_paths(project), "SITEURL": "https://party.example", "SERVER_CONFIG_ROOT": "/srv/x"},
    )
    values = server_values(settings, str(PUBLISH_SETTINGS_FILE))
    (policy,) = [value for name, value in values.headers if name == "Content-Security-Policy"]
    assert "form-action 'self' https://lists.test-party.example;" in policy
    assert "alpha-lists" not in render("nginx", values)
    assert any(f"branches/alpha/branch.yaml:{line}: `newsletter`" in problem for problem in values.left_out)


def test_the_party_s_newsletter_must_be_one_of_its_newsletter_hosts(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    settings = site_settings_file(
        project, NEWSLETTER_URL=NEWSLETTER, NEWSLETTER_HOSTS=["alpha-lists.test-party.example"]
    )
    checked = make_check(project, settings)
    line = settings_line(settings, "NEWSLETTER_URL")
    assert checked.returncode == 1
    assert f"settings.py:{line}: error: NEWSLETTER_URL is '{NEWSLETTER}': a newsletter form may post" in checked.stdout
    assert "add it to NEWSLETTER_HOSTS in settings.py" in checked.stdout


# ---- the menu --------------------------------------------------------------------------------------


def menu(html: BeautifulSoup) -> list[str]:
    return labels(html.select_one("header .kit-nav__list--wide"))


def test_the_menu_holds_the_items_chosen_and_the_footer_the_rest(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    output = build(project, now=NOW, MENU_ITEMS=["events", "contact", "no-such-page"])
    html = page(output, "index.html")
    assert menu(html) == ["Events", "Contact"]  # a page the site does not have is left out
    phone = html.select_one("header details.kit-nav__menu")
    assert labels(phone) == ["Events", "Contact", "Volunteer", "Newsletter"]
    # every other section, and the pages with an `order` below 50 (start-a-branch has 60)
    assert labels(html.select_one("footer nav.kit-footer__nav")) == [
        "News",
        "Branches",
        "Search",
        "About the fixture party",
    ]
    events = page(output, "events/index.html")
    assert events.select_one("header .kit-nav__list--wide a[aria-current=page]").get_text() == "Events"
    alpha = page(output, "branches/alpha/index.html")  # a branch's own pages: it has an about page, no contact
    assert menu(alpha) == ["Events"]
    assert labels(alpha.select_one("footer nav.kit-footer__nav")) == [
        "News",
        "All branches",
        "Search",
        "About Alphaton",
    ]


def test_the_default_menu_is_short(site):
    assert menu(page(site, "index.html")) == ["News", "Events", "Branches", "About the fixture party", "Search"]
    assert labels(page(site, "index.html").select_one("footer nav.kit-footer__nav")) == ["Contact"]


def test_a_site_still_setting_menu_max_pages_is_told_what_took_its_place(tmp_path, caplog):
    project = copy_fixture("two_branches", tmp_path / "project")
    settings = site_settings_file(project, MENU_MAX_PAGES=6)
    with caplog.at_level("WARNING"):
        output = build(project, settings, now=NOW)
    (warning,) = [r.getMessage() for r in caplog.records if "MENU_MAX_PAGES" in r.getMessage()]
    assert f"settings.py:{settings_line(settings, 'MENU_MAX_PAGES')}: MENU_MAX_PAGES is no longer read" in warning
    assert "MENU_ITEMS" in warning
    assert menu(page(output, "index.html")) == ["News", "Events", "Branches", "About the fixture party", "Search"]


@pytest.fixture(scope="module")
def base(site, serve):
    return serve(site)


def test_on_a_phone_the_menu_opens_and_closes_without_javascript(base, open_page):
    phone = open_page(width=360, javascript=False)
    phone.goto(base + "/events/")
    toggle = phone.locator("summary.kit-nav__toggle")
    links = phone.locator("details.kit-nav__menu a")
    assert toggle.is_visible() and not phone.locator(".kit-nav__list--wide").is_visible()
    assert links.count() == 7 and not any(links.nth(i).is_visible() for i in range(7))
    # Join and Donate stay on the first screen, as 44 px targets
    for name in ("Join", "Donate"):
        box = phone.get_by_role("banner").get_by_role("link", name=name, exact=True).bounding_box()
        assert box["height"] >= 44 and box["y"] + box["height"] <= 800, name
    assert toggle.bounding_box()["height"] >= 44
    toggle.click()
    assert all(links.nth(i).is_visible() for i in range(7))
    assert phone.get_by_role("link", name="Events", exact=True).get_attribute("aria-current") == "page"
    toggle.focus()
    phone.keyboard.press("Enter")  # the keyboard closes it as a click does
    assert not links.first.is_visible()
    phone.keyboard.press("Space")
    assert links.first.is_visible()
    assert phone.problems == []


def test_on_a_desktop_the_menu_is_a_plain_list_and_the_footer_sits_at_the_foot_of_a_short_page(base, open_page):
    desktop = open_page(width=1280)
    desktop.set_viewport_size({"width": 1280, "height": 1600})  # a window taller than the contact page
    desktop.goto(base + "/contact/")
    assert not desktop.locator("summary.kit-nav__toggle").is_visible()
    assert desktop.locator(".kit-nav__list--wide a").first.is_visible()
    assert desktop.evaluate("document.documentElement.scrollHeight") == 1600  # no scrolling, nothing below
    footer = desktop.locator("footer.kit-footer").bounding_box()
    assert footer["y"] + footer["height"] == pytest.approx(1600, abs=1)


# ---- the macro other templates call ---------------------------------------------------------------


def render_next_step(tmp: Path, call: str, branch: dict | None = None, **overrides) -> BeautifulSoup:
    """``call`` (a next_step(...) call, given ``branch``) rendered with the theme's templates and the
    plugin's template function on the national site, as the branch home and the finder's result use it."""
    from jinja2 import Environment, FileSystemLoader

    from calls_to_action.actions import template_functions
    from interface_language.register import install_gettext
    from kit_testing import project_settings

    settings = project_settings(copy_fixture("two_branches", tmp / "project"), **overrides)
    env = Environment(loader=FileSystemLoader(str(KIT_ROOT / "theme" / "templates")), autoescape=True)
    install_gettext(env, settings)  # the theme's text goes through gettext, as in a build
    env.globals.update(template_functions(settings))
    template = env.from_string('{% from "components/calls_to_action.html" import next_step with context %}' + call)
    name = settings["SITENAME"]
    return BeautifulSoup(template.render(SITENAME=name, MAIN_SITENAME=name, BRANCH=None, branch=branch), "html.parser")


def test_next_step_for_a_branch_found_on_the_national_site_sends_sign_ups_to_the_branchs_site(tmp_path):
    sheffield = {
        "slug": "sheffield",
        "display_name": "Sheffield branch",
        "url": "https://party.example/branches/sheffield",
        "volunteer": "https://join.test-party.example/volunteer/sheffield/",
        "newsletter": "https://lists.test-party.example/subscription/form",
        "newsletter_fields": (("l", "sheffield-list"),),
    }
    step = render_next_step(tmp_path, "{{ next_step(branch, heading='Get involved locally') }}", sheffield)
    assert step.select_one("h2").get_text() == "Get involved locally"
    assert list(zip(labels(step), hrefs(step), strict=True)) == [
        ("Join The Test Party", JOIN),
        ("Volunteer with Sheffield branch", sheffield["volunteer"]),
        ("Donate", DONATE),
        ("Get the Sheffield branch newsletter", "https://party.example/branches/sheffield/#kit-newsletter"),
    ]
    national = render_next_step(tmp_path / "national", "{{ next_step() }}")
    assert hrefs(national) == [JOIN, VOLUNTEER, DONATE, "#kit-newsletter"]


def test_next_step_writes_nothing_when_nothing_is_offered(tmp_path):
    offered = {"JOIN_URL": "", "DONATE_URL": "", "VOLUNTEER_URL": "", "NEWSLETTER_URL": ""}
    assert str(render_next_step(tmp_path, "{{ next_step() }}", **offered)).strip() == ""
