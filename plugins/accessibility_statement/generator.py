"""Writes every site's accessibility statement."""

from __future__ import annotations

import datetime as dt
import logging

from pelican.generators import Generator

from interface_language import translations

from .tested import PAGE_KINDS, checks_in_words

log = logging.getLogger(__name__)


def N_(text: str) -> str:  # marks a string for the catalog (interface_language), translated where it is shown
    return text


STATUS_WORDS = {"full": N_("fully compliant"), "partial": N_("partially compliant"), "not": N_("not compliant")}
REVIEW_EVERY = dt.timedelta(days=365)  # GOV.UK: review the statement at least once a year


def status_reasons(settings: dict, gettext=str) -> list[str]:
    """Why a site is not fully compliant, in the words that follow "because of" (in the language of
    ``gettext``, the site's interface's)."""
    if settings["ACCESSIBILITY_STATUS"] == "full":
        return []
    reasons = [gettext(N_("the problems listed above"))] if settings["ACCESSIBILITY_KNOWN_ISSUES"] else []
    if not settings["ACCESSIBILITY_MANUAL_TEST"]:
        reasons.append(
            gettext(
                N_("the lack of a full test by a person: so far only the automated checks below have tested its pages")
            )
        )
    return reasons


class AccessibilityStatementGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        prepared = dt.date.fromisoformat(settings["ACCESSIBILITY_PREPARED_ON"])
        reviewed = dt.date.fromisoformat(settings["ACCESSIBILITY_REVIEWED_ON"] or settings["ACCESSIBILITY_PREPARED_ON"])
        if settings["BUILD_NOW"].date() - reviewed > REVIEW_EVERY and not settings.get("BRANCH"):
            log.warning(
                "accessibility_statement: last reviewed on %s, more than a year ago: review it and set "
                "ACCESSIBILITY_REVIEWED_ON",
                reviewed.isoformat(),
            )
        date_format = settings["DEFAULT_DATE_FORMAT"]
        words = translations(settings, settings["DEFAULT_LANG"])  # the statement is in the site's language
        self.context["accessibility"] = {
            "prepared": {"iso": prepared.isoformat(), "words": prepared.strftime(date_format), "date": prepared},
            "reviewed": {"iso": reviewed.isoformat(), "words": reviewed.strftime(date_format), "date": reviewed},
            "status": words.gettext(STATUS_WORDS[settings["ACCESSIBILITY_STATUS"]]),
            "reasons": status_reasons(settings, words.gettext),
            "checks": checks_in_words(words.gettext),
            "page_kinds": len(PAGE_KINDS),
        }

    def generate_output(self, writer):
        writer.write_file(
            self.settings["ACCESSIBILITY_SAVE_AS"],
            self.get_template("accessibility"),
            self.context,
            url=self.settings["ACCESSIBILITY_URL"],
            page_name="accessibility",
        )
