"""Every site's accessibility statement: GOV.UK's sections filled from the settings, its "what was
tested" the same as what the kit's browser suite checks, enforcement wording only when set."""

from __future__ import annotations

import html
import logging
import re

import pytest
import test_example_site
from browser import WCAG22_AA
from pelican import Pelican
from pelican.settings import read_settings
from test_build_pipeline import KIT_FOLDERS

from accessibility_statement import tested
from accessibility_statement.generator import status_reasons
from kit_settings.declared_settings import SettingsProblems
from kit_testing import KIT_SITE, SETTINGS_FILE, build, project_paths

# Not pelicanconf.py: Pelican keeps a settings file as a module under its own name, and publishconf.py,
# in a later test, imports `pelicanconf` by that name.
SETTINGS_NAME = "siteconf.py"


def statement(output, site: str = "") -> str:
    return (output / site / "accessibility" / "index.html").read_text(encoding="utf-8")


def main_text(page: str) -> str:
    main = page[page.index("<main") : page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def headings(page: str) -> list[str]:
    """The statement's own headings (the footer has the newsletter form's)."""
    main = page[page.index("<main") : page.index("</main>")]
    return re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", main)


def test_the_statement_has_govuks_sections_filled_from_the_settings(two_branches_output):
    page = statement(two_branches_output)
    assert headings(page) == [
        "How accessible this website is",
        "Feedback, other formats and reporting problems",
        "If you are not happy with our answer",
        "Technical information about this website's accessibility",
        "Compliance status",
        "What was tested, and how",
        "Preparation of this accessibility statement",
    ]
    text = main_text(page)
    for issue in KIT_SITE["ACCESSIBILITY_KNOWN_ISSUES"]:
        assert issue in text
    email = KIT_SITE["ACCESSIBILITY_CONTACT_EMAIL"]
    assert f'<a href="mailto:{email}">{email}</a>' in page
    assert f"We will reply within {KIT_SITE['ACCESSIBILITY_RESPONSE_DAYS']} working days." in text
    assert (
        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA "
        "standard, because of the problems listed above and the lack of a full test by a person" in text
    )
    assert (KIT_SITE["ACCESSIBILITY_PREPARED_ON"], KIT_SITE["ACCESSIBILITY_REVIEWED_ON"]) == (
        "2026-09-14",
        "2026-11-20",
    )
    assert 'prepared on <time datetime="2026-09-14">14 September 2026</time>' in page
    assert 'last reviewed on <time datetime="2026-11-20">20 November 2026</time>' in page
    assert KIT_SITE["ACCESSIBILITY_ENFORCEMENT"] == ["ehrc", "ecni"]
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "Equality Commission for Northern Ireland (ECNI)" in text
    assert "style=" not in page and "<script" not in page


def test_what_was_tested_is_what_the_browser_suite_checks(two_branches_output):
    assert tuple(WCAG22_AA) == tested.AXE_TAGS
    assert tested.WIDTHS == test_example_site.WIDTHS
    assert sorted(tested.PAGE_KINDS) == sorted(test_example_site.PAGES)
    text = main_text(statement(two_branches_output))
    assert f"which opens {len(test_example_site.PAGES)} kinds of page" in text
    assert "in Chromium at 360 and 1280 pixels wide, finds no problem" in text
    assert "the Nu HTML Checker finds no error" in text
    for check in tested.checks_in_words():
        assert check in text


def test_a_branch_site_has_its_own_statement(two_branches_output):
    text = main_text(statement(two_branches_output, "branches/alpha"))
    assert text.startswith(
        f"Accessibility statement This statement applies to Alphaton branch's website, part of {KIT_SITE['SITENAME']}."
    )


def test_no_enforcement_wording_unless_set(two_branches):
    output = build(two_branches, ACCESSIBILITY_ENFORCEMENT=[], ACCESSIBILITY_MANUAL_TEST="Tested by hand.")
    page = statement(output)
    assert "If you are not happy with our answer" not in page
    assert "Equality" not in page
    assert "<p>Tested by hand.</p>" in page
    assert "the lack of a full test by a person" not in page


@pytest.mark.parametrize(
    "status, issues, manual, reasons",
    [
        ("full", ["x"], None, []),
        ("partial", [], "Tested.", []),
        ("partial", ["x"], "Tested.", ["the problems listed above"]),
        (
            "not",
            [],
            None,
            ["the lack of a full test by a person: so far only the automated checks below have tested its pages"],
        ),
    ],
)
def test_the_compliance_status_gives_its_reasons(status, issues, manual, reasons):
    settings = {
        "ACCESSIBILITY_STATUS": status,
        "ACCESSIBILITY_KNOWN_ISSUES": issues,
        "ACCESSIBILITY_MANUAL_TEST": manual,
    }
    assert status_reasons(settings) == reasons


@pytest.mark.parametrize(
    "line, message",
    [
        ('ACCESSIBILITY_PREPARED_ON = "14/09/2026"', "ACCESSIBILITY_PREPARED_ON is '14/09/2026': it must be a date"),
        (
            'ACCESSIBILITY_STATUS = "mostly"',
            "ACCESSIBILITY_STATUS is 'mostly': it must be one of 'full', 'partial', 'not'",
        ),
        ('ACCESSIBILITY_ENFORCEMENT = ["eass"]', "ACCESSIBILITY_ENFORCEMENT is ['eass']: every item must be one of"),
        (
            'ACCESSIBILITY_CONTACT_EMAIL = "access at test-party"',
            "ACCESSIBILITY_CONTACT_EMAIL is 'access at test-party'",
        ),
    ],
)
def test_a_wrong_accessibility_setting_stops_the_build_by_name_with_nothing_written(two_branches, line, message):
    settings_file = two_branches / SETTINGS_NAME
    settings_file.write_text(SETTINGS_FILE.read_text(encoding="utf-8") + f"\n{line}\n" + KIT_FOLDERS, encoding="utf-8")
    settings = read_settings(str(settings_file), override=project_paths(two_branches))
    with pytest.raises(SettingsProblems) as stopped:
        Pelican(settings).run()
    assert message in str(stopped.value)
    output = two_branches / "output"
    assert not output.exists() or not any(p.is_file() for p in output.rglob("*"))


def test_a_statement_not_reviewed_for_a_year_is_built_with_a_warning(two_branches, caplog):
    # "now" 2027-12-01: the test site's settings say it was last reviewed on 2026-11-20
    with caplog.at_level(logging.WARNING, logger="accessibility_statement.generator"):
        output = build(two_branches, now="1827619200")
    warnings = [r.getMessage() for r in caplog.records if r.name == "accessibility_statement.generator"]
    assert warnings == [
        "accessibility_statement: last reviewed on 2026-11-20, more than a year ago: review it and set "
        "ACCESSIBILITY_REVIEWED_ON"
    ]
    assert 'last reviewed on <time datetime="2026-11-20">' in statement(output)
