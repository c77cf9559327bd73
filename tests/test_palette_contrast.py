"""The theme's colours, the kit's with a party's css/party.css over them, checked for WCAG 2.2 AA
contrast in both schemes (hashed_assets.palette_contrast); a palette that fails is refused and
nothing is built."""

from __future__ import annotations

import pytest

from branchsites.paths import THEME_PATH
from content_schema.problems import ContentProblems, ProblemList
from hashed_assets.palette_contrast import check_palette, contrast_ratio
from kit_testing import build, copy_fixture


def palette_problems(theme_folder=None) -> ProblemList:
    report = ProblemList(root=str(theme_folder.parent) if theme_folder else THEME_PATH)
    check_palette(
        {"THEME": THEME_PATH, "THEME_OVERRIDES_PATH": str(theme_folder) if theme_folder else None}, [], report
    )
    return report


def party_css(folder, text: str):
    (folder / "static/css").mkdir(parents=True)
    (folder / "static/css/party.css").write_text(text, encoding="utf-8")
    return folder


def test_wcag_ratios_of_known_pairs():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def test_the_kits_own_palette_passes_in_both_schemes():
    assert palette_problems().sorted() == []


def test_a_party_palette_that_keeps_its_contrast_passes(tmp_path):
    theme = party_css(
        tmp_path / "theme",
        ":root {\n  --kit-accent: #6a1b9a;\n  --kit-link: #6a1b9a;\n}\n"
        "@media (prefers-color-scheme: dark) {\n  :root {\n    --kit-link: #e1bee7;\n    --kit-accent: #e1bee7;\n"
        "    --kit-accent-text: #000;\n  }\n}\n",
    )
    assert palette_problems(theme).sorted() == []


def test_a_low_contrast_link_is_named_with_its_line(tmp_path):
    theme = party_css(tmp_path / "theme", "/* our brand */\n:root {\n  --kit-link: #8fbf9a;\n}\n")
    problems = palette_problems(theme).errors
    assert [(p.path, p.line) for p in problems] == [("theme/static/css/party.css", 3)] * 2
    messages = sorted(p.message for p in problems)
    assert messages == [
        "In the light scheme, --kit-link #8fbf9a on --kit-background #fbfaf6 (links) has a contrast of"
        " 1.99:1; WCAG 2.2 AA needs at least 4.5:1",
        "In the light scheme, --kit-link #8fbf9a on --kit-surface #f0eee6 (links in the header and footer)"
        " has a contrast of 1.79:1; WCAG 2.2 AA needs at least 4.5:1",
    ]


def test_a_colour_set_only_in_root_is_the_dark_schemes_too(tmp_path):
    """party.css comes after site.css: its :root wins over the kit's dark block, as in a browser."""
    theme = party_css(tmp_path / "theme", ":root {\n  --kit-accent: #1d5c2e;\n}\n")
    problems = palette_problems(theme).errors
    assert [(p.path, p.line) for p in problems] == [("theme/static/css/party.css", 2)]
    assert problems[0].message.startswith(
        "In the dark scheme (prefers-color-scheme: dark), --kit-accent-text #0b0c0c on --kit-accent #1d5c2e"
    )


def test_a_bad_dark_scheme_accent_is_refused_and_nothing_is_built(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    party_css(
        project / "theme",
        ":root {\n  --kit-accent: #6a1b9a;\n}\n\n@media (prefers-color-scheme: dark) {\n  :root {\n"
        "    --kit-accent: #333333;\n  }\n}\n",
    )
    with pytest.raises(ContentProblems) as refused:
        build(project)
    errors = [p for p in refused.value.problems if p.is_error]
    assert [(p.path, p.line) for p in errors] == [("theme/static/css/party.css", 7)]
    assert "dark scheme" in errors[0].message
    assert "--kit-accent-text #0b0c0c on --kit-accent #333333 (button text)" in errors[0].message
    assert not (project / "output").exists()


def test_a_colour_the_check_cannot_read_is_named(tmp_path):
    theme = party_css(tmp_path / "theme", ":root {\n  --kit-link: rebeccapurple;\n}\n")
    problems = palette_problems(theme).errors
    assert [(p.path, p.line) for p in problems] == [("theme/static/css/party.css", 2)]
    assert "--kit-link: 'rebeccapurple' is not a colour the contrast check can read" in problems[0].message
