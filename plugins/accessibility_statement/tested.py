"""What the kit's own browser suite checks (tests/test_example_site.py, with tests/browser.py),
said in the words of the statement. tests/test_accessibility_statement.py holds the suite to it:
change one, change the other."""

from __future__ import annotations

# axe-core's rule tags the suite runs (browser.WCAG22_AA)
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# the widths, in CSS pixels, every kind of page is opened at (test_example_site.WIDTHS)
WIDTHS = (360, 1280)
# the kinds of page of the demo site the suite opens (bench/page_budget.PAGE_TYPES, and the
# finder's and the search's results)
PAGE_KINDS = (
    "national home",
    "branch home",
    "news list",
    "news article",
    "page",
    "events list",
    "nation events",
    "month grid",
    "event (one-off)",
    "event (repeating)",
    "event (cancelled)",
    "branch directory",
    "region page",
    "search",
    "official channels",
    "404",
    "Bangor home (Welsh)",
    "Bangor home (English)",
    "Bangor news list (Welsh)",
    "Bangor news list (English)",
    "Bangor article (Welsh)",
    "Bangor article (English)",
    "Bangor events list (Welsh)",
    "Bangor events list (English)",
    "Bangor event (Welsh)",
    "Bangor event (English)",
    "Bangor page (Welsh)",
    "Bangor page (English)",
    "Bangor search (Welsh)",
    "Bangor search (English)",
    "Bangor search results (Welsh)",
    "Bangor search results (English)",
    "privacy notice",
    "branch privacy notice",
    "accessibility statement",
    "finder result",
    "search results",
)


def N_(text: str) -> str:  # marks a string for the catalog (interface_language), translated where it is shown
    return text


CHECKS = (
    N_(
        "axe-core, with every rule for WCAG 2.0, 2.1 and 2.2 at levels A and AA, "
        "in Chromium at {widths} pixels wide, finds no problem"
    ),
    N_("at {narrowest} pixels wide nothing is wider than the screen, so nothing needs scrolling sideways"),
    N_(
        "the first press of the Tab key reaches a 'Skip to content' link that moves to the main content, "
        "and every link, button and field can then be reached with the Tab key and shows where the focus is"
    ),
    N_("without JavaScript every page but search shows its content and does its job"),
    N_("the Nu HTML Checker finds no error in the HTML of any page of the demonstration site"),
    N_("no page asks for anything from another website, and no page shows an error in the browser's console"),
)


def checks_in_words(gettext=str) -> list[str]:
    """The checks in the words of ``gettext``'s language (the catalog has them as CHECKS has them)."""
    widths = gettext(" and ").join(str(w) for w in WIDTHS)
    return [gettext(c).format(widths=widths, narrowest=min(WIDTHS)) for c in CHECKS]
