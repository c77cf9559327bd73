"""Every site's privacy notice: the facts the build knows (no cookies, nothing from other hosts, the
server logs and their days), every place a reader can send data with its controller, and the
party's data protection contact; a missing or malformed contact stops the build by name."""

from __future__ import annotations

import html
import re

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from test_build_pipeline import KIT_FOLDERS

from conftest import PUBLISHED_BRANCH_DOMAIN, PUBLISHED_SITEURL
from kit_settings.declared_settings import SettingsProblems
from kit_testing import KIT_ROOT, KIT_SITE, SETTINGS_FILE, project_paths, read_kit_settings
from privacy_notice.places import collection_points
from privacy_notice.reader_postcode import postcode_uses

# Not pelicanconf.py: Pelican keeps a settings file as a module under its own name, and publishconf.py,
# in a later test, imports `pelicanconf` by that name.
SETTINGS_NAME = "siteconf.py"

EVENTS_ADDRESSES = {
    "BRANCH_DIRECTORY_URL": "branches/",
    "EVENTS_URL": "events/",
    "HOME_NEAR_EVENTS_SAVE_AS": "events/near/{area}.json",
}
CONTACT_BLOCK = re.compile(r"^PRIVACY_DATA_PROTECTION_CONTACT = \{\n.*?^\}\n", re.S | re.M)


def notice(output, site: str = "") -> str:
    return (output / site / "privacy" / "index.html").read_text(encoding="utf-8")


def main_text(page: str) -> str:
    """What the page's <main> says, tags removed and spaces collapsed."""
    main = page[page.index("<main") : page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_the_national_notice_states_the_builds_facts_and_the_partys_contact(two_branches_output):
    page = notice(two_branches_output)
    text = main_text(page)
    contact = KIT_SITE["PRIVACY_DATA_PROTECTION_CONTACT"]
    keeps = "This website sets no cookies. It can keep one thing on your device, and only if you ask: your postcode."
    assert keeps in text
    assert_postcode_uses(page, text, main="")
    assert "it loads nothing from other websites" in text
    assert f"The log is kept for {KIT_SITE['PRIVACY_SERVER_LOG_DAYS']} days" in text
    assert f"run for us by {KIT_SITE['PRIVACY_HOST']}" in text
    assert f"Our data protection contact is {contact['name']}" in text
    assert (
        "registered with the Information Commissioner's Office under number "
        f"{KIT_SITE['PRIVACY_ICO_REGISTRATION']}" in text
    )
    assert "special category data (UK GDPR, Article 9)" in text
    assert f'<a href="{KIT_SITE["PRIVACY_APPROPRIATE_POLICY_URL"]}">appropriate policy document</a>' in page
    # the party's own addresses and accounts, each with its controller
    addresses = [
        contact["email"],
        KIT_SITE["OFFICIAL_REPORT_EMAIL"],
        *(c.removeprefix("mailto:") for c in KIT_SITE["SITE_FILES_SECURITY_CONTACT"]),
        KIT_SITE["ACCESSIBILITY_CONTACT_EMAIL"],
    ]
    for address in addresses:
        assert f'<a href="mailto:{address}">{address}</a>' in page
    for account in KIT_SITE["OFFICIAL_ACCOUNTS"]:
        assert f'<a href="{account["url"]}">{account["label"]}</a>' in page
    # and the pages it hands readers to: Join, Donate, Volunteer, the newsletter (calls_to_action)
    actions = [KIT_SITE[key] for key in ("JOIN_URL", "DONATE_URL", "VOLUNTEER_URL", "NEWSLETTER_URL")]
    for address in actions:
        assert f'<a href="{address}">{address}</a>' in page
    controller = f"Controller: {KIT_SITE['SITENAME']}."
    assert text.count(controller) == len(addresses) + len(KIT_SITE["OFFICIAL_ACCOUNTS"]) + len(actions)
    # the branches' addresses are on their own notices, reached from the directory
    assert "alpha@example.org" not in page
    assert '<a href="/branches/">find a branch</a>' in page
    assert "style=" not in page and "<script" not in page


def assert_postcode_uses(page: str, text: str, main: str) -> None:
    """Every place the postcode goes, each with its page on the main site (``main``, its address)."""
    uses = text[text.index("These are all the places your postcode goes") : text.index("Every page, picture")]
    reading = page[page.index('aria-labelledby="privacy-reading"') :]
    reading = reading[: reading.index("</section>")]
    wheres = [main_text(f"<main>{w}</main>") for w in re.findall(r'class="kit-places__where">(.*?)</p>', reading)]
    assert wheres == [use.where for use in postcode_uses({"SITEURL": main, **EVENTS_ADDRESSES})]
    assert wheres == ["On your device, only if you ask", "The branch finder", "The events lists and the home page"]
    assert "“Remember my postcode on this device”, unticked until you tick it" in uses
    assert "Untick the box (or press “Forget my postcode” on the home page) and your browser removes it." in uses
    assert "Unticked, nothing is kept." in uses
    assert f'<a href="{main}/branches/">The branch finder</a>' in page
    assert "puts the postcode in the page's address (…?postcode=S1+2EW)" in uses
    assert f'<a href="{main}/events/">The events lists and the home page</a>' in page
    assert f"the file of your postcode's area (for S1 2EW, {main}/events/near/S.json)" in uses
    assert "The server's log then holds that area (S), never the rest of your postcode." in uses
    assert "the postcode area of a file the events lists ask for" in text  # in what the log holds


def test_only_reader_postcode_js_touches_the_browsers_storage():
    """The notice says one module keeps the postcode, and only when the reader ticks the box."""
    scripts = sorted((KIT_ROOT / "theme" / "static" / "js").glob("*.js"))
    storage = re.compile(r"\b(localStorage|sessionStorage|indexedDB|document\.cookie)\b")
    touching = [p.name for p in scripts if storage.search(p.read_text())]
    assert touching == ["reader-postcode.js"]
    users = [p.name for p in scripts if "./reader-postcode.js" in p.read_text()]
    assert users == ["branch-finder.js", "events-filter.js", "home-events.js"]


def test_a_branch_notice_lists_the_branchs_contact_and_channels_run_for_the_party(two_branches_output):
    page = notice(two_branches_output, "branches/alpha")
    text = main_text(page)
    # the branch's own pages keep no postcode: the party's website's do, on its pages
    assert "This website sets no cookies. The party's website can keep one thing on your device" in text
    assert_postcode_uses(page, text, main="")
    assert "Sheffield branch" not in text
    assert "Alphaton branch is part of it" in text
    row = text[text.index("Email Alphaton branch") :]
    assert row.startswith(
        f"Email Alphaton branch: alpha@example.org Controller: Alphaton branch, for {KIT_SITE['SITENAME']}."
    )
    assert '<a href="https://signal.example.org/alpha">Alphaton Signal group</a>' in page
    assert "Another service runs it" in text
    assert "beta@example.org" not in page
    # the party's own contact is on every branch's notice too
    email = KIT_SITE["PRIVACY_DATA_PROTECTION_CONTACT"]["email"]
    assert f'<a href="mailto:{email}">{email}</a>' in page
    beta = notice(two_branches_output, "branches/beta-net")
    assert '<a href="mailto:beta@example.org">beta@example.org</a>' in beta
    assert "alpha@example.org" not in beta


def test_every_page_of_every_site_links_to_its_own_notice_and_statement(two_branches_output):
    branch_sites = ("branches/alpha/", "branches/beta-net/")  # the rest of branches/ is the directory's
    pages = sorted(two_branches_output.rglob("*.html"))
    assert len(pages) > 30
    for page in pages:
        relative = page.relative_to(two_branches_output).as_posix()
        site = next(("/" + s.rstrip("/") for s in branch_sites if relative.startswith(s)), "")
        written = page.read_text(encoding="utf-8")
        assert f'<a href="{site}/privacy/">Privacy notice</a>' in written, relative
        assert f'<a href="{site}/accessibility/">Accessibility statement</a>' in written, relative


def test_a_branch_on_its_own_domain_has_its_notice_there(published_output):
    page = notice(published_output, "branches/beta-net")
    assert_postcode_uses(page, main_text(page), main=PUBLISHED_SITEURL)  # the main site's pages, named in full
    assert '<a href="mailto:beta@example.org">beta@example.org</a>' in page
    assert f'<a href="https://{PUBLISHED_BRANCH_DOMAIN}/privacy/">Privacy notice</a>' in page
    home = (published_output / "branches" / "beta-net" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="https://{PUBLISHED_BRANCH_DOMAIN}/accessibility/">Accessibility statement</a>' in home
    national = (published_output / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{PUBLISHED_SITEURL}/privacy/">Privacy notice</a>' in national


def test_the_places_a_site_adds_are_listed_with_their_controller(two_branches):
    settings = read_kit_settings(
        str(SETTINGS_FILE),
        override={
            **project_paths(two_branches),
            "PRIVACY_COLLECTION_POINTS": [
                {
                    "what": "Join the party",
                    "url": "https://join.test-party.example/",
                    "label": "join.test-party.example",
                    "controller": KIT_SITE["SITENAME"],
                    "purpose": "Your membership.",
                    "elsewhere": True,
                }
            ],
        },
    )
    last = collection_points(settings)[-1]
    assert (last.what, last.url, last.controller, last.elsewhere) == (
        "Join the party",
        "https://join.test-party.example/",
        KIT_SITE["SITENAME"],
        True,
    )


def without_contact(text: str) -> str:
    edited, found = CONTACT_BLOCK.subn("", text)
    assert found == 1
    return edited


@pytest.mark.parametrize(
    "edit, message",
    [
        (without_contact, "PRIVACY_DATA_PROTECTION_CONTACT is not set (privacy_notice needs it)"),
        (
            lambda text: without_contact(text) + '\nPRIVACY_DATA_PROTECTION_CONTACT = {"name": "Priya"}\n',
            "PRIVACY_DATA_PROTECTION_CONTACT is {'name': 'Priya'}: it must be a dict with `name` and `email`",
        ),
        (
            lambda text: (
                without_contact(text)
                + '\nPRIVACY_DATA_PROTECTION_CONTACT = {"name": "Priya", "email": "Priya <privacy@x.example>"}\n'
            ),
            "which is not a plain email address",
        ),
        (
            lambda text: text + '\nPRIVACY_ICO_REGISTRATION = "123456"\n',
            "PRIVACY_ICO_REGISTRATION is '123456': it must be an ICO registration number",
        ),
        (lambda text: text + "\nPRIVACY_SERVER_LOG_DAYS = 0\n", "PRIVACY_SERVER_LOG_DAYS is 0: it must be a whole"),
    ],
    ids=["missing contact", "contact without email", "contact with a name in the email", "ico number", "log days"],
)
def test_a_missing_or_wrong_privacy_setting_stops_the_build_by_name_with_nothing_written(two_branches, edit, message):
    settings_file = two_branches / SETTINGS_NAME
    settings_file.write_text(edit(SETTINGS_FILE.read_text(encoding="utf-8")) + KIT_FOLDERS, encoding="utf-8")
    settings = read_settings(str(settings_file), override=project_paths(two_branches))
    with pytest.raises(SettingsProblems) as stopped:
        Pelican(settings).run()
    assert message in str(stopped.value)
    assert f"{SETTINGS_NAME}:" in str(stopped.value)  # the file the setting belongs in
    output = two_branches / "output"
    assert not output.exists() or not any(p.is_file() for p in output.rglob("*"))
