"""branch.yaml: every mistake is an error naming the file, the line and the fix."""

from __future__ import annotations

import pytest

from branch_subsites.branch_config import load_branches
from content_schema import ProblemList
from kit_testing import project_settings

GOOD = """\
name: Alphaton
kind: local
nation: England
region: South West
areas: [AB1, AB2]
contact: alpha@example.org
editors: [alice]
"""


def check(tmp_path, files: dict[str, str], **settings):
    """Write branch folders {"slug/branch.yaml": text}, load them, return (branches, problems)."""
    branches, report = problems_of(tmp_path, files, **settings)
    return branches, [(p.path, p.line, p.message, p.fix) for p in report.sorted()]


def test_good_branch_loads(tmp_path):
    branches, problems = check(tmp_path, {"alpha/branch.yaml": GOOD})
    assert problems == []
    (alpha,) = branches
    assert (alpha.slug, alpha.name, alpha.region, alpha.areas) == ("alpha", "Alphaton", "South West", ("AB1", "AB2"))
    assert alpha.display_name == "Alphaton branch"


@pytest.mark.parametrize(
    ("yaml_text", "line", "message", "fix"),
    [
        (
            GOOD + "colour: green\n",
            8,
            "`colour` is not a key a branch.yaml can have",
            "The keys are: name, kind",
        ),
        (GOOD + "contcat: x@example.org\n", 8, "`contcat` is not a key", "Did you mean `contact`?"),
        (GOOD.replace("kind: local", "kind: locale"), 2, "`kind` is `locale`", "Did you mean `local`?"),
        (GOOD.replace("nation: England", "nation: Cornwall"), 3, "`nation` is `Cornwall`", "Write one of"),
        (GOOD.replace("region: South West", "region: Wessex"), 4, "`region` is `Wessex`", "Write one of"),
        (GOOD.replace("[AB1, AB2]", "[AB1, 12AB]"), 5, "`areas` item 2 `12AB` is not a postcode district", "S10"),
        (GOOD.replace("alpha@example.org", "alpha-at-example"), 6, "`contact` is `alpha-at-example`", "name@"),
        (GOOD.replace("name: Alphaton\n", ""), 1, "the branch.yaml has no `name`", "Add a line `name:"),
        (GOOD.replace("editors: [alice]", "editors: []"), 7, "`editors` needs at least 1 item", "Add items"),
        (GOOD + "domain: https://alpha.example.org/\n", 8, "`domain` is", "without https://"),
        (GOOD + "name: Again\n", 8, "`name` is given twice (lines 1 and 8)", "Keep one"),
        (GOOD.replace("name: Alphaton", "name: Alpha: the town"), 1, "cannot be read", "double quotes"),
        (GOOD.replace("areas: [AB1, AB2]", "areas: [AB1, AB2"), 6, "cannot be read", "Check the indentation"),
        (GOOD.replace("region: South West\n", ""), 3, "needs its `region`", "Add `region:`"),
        (GOOD.replace("nation: England\n", "").replace("region: South West\n", ""), 1, "needs a `nation`", ""),
    ],
)
def test_bad_branch_yaml_names_line_and_fix(tmp_path, yaml_text, line, message, fix):
    branches, problems = check(tmp_path, {"alpha/branch.yaml": yaml_text})
    assert branches == []
    assert any(
        path == "branches/alpha/branch.yaml" and ln == line and message in msg and fix in fx
        for path, ln, msg, fx in problems
    ), problems


def test_network_branch_rules(tmp_path):
    network = "name: Net\nkind: network\ncontact: n@example.org\neditors: [n]\n"
    branches, problems = check(tmp_path, {"net/branch.yaml": network})
    assert problems == [] and branches[0].display_name == "Net"
    _, problems = check(tmp_path, {"net/branch.yaml": network + "areas: [S1]\n"})
    assert [(line, msg) for _, line, msg, _ in problems] == [
        (5, "a network branch is not tied to a place, so it has no postcode `areas`")
    ]


def test_channels_are_checked_field_by_field(tmp_path):
    text = GOOD + (
        "channels:\n"
        "  - type: signal\n"
        "    url: https://signal.example.org/a\n"
        "    label: Group\n"
        "  - type: smoke-signals\n"
        "    url: http://example.org/\n"
        "  - just text\n"
    )
    _, problems = check(tmp_path, {"alpha/branch.yaml": text})
    found = [(line, msg) for _, line, msg, _ in problems]
    assert (
        12,
        "`type` is `smoke-signals`, which is not one of `signal`, `matrix`, `discourse`, `mastodon`, "
        "`email`, `email-list`, `website`, `peertube`, `xmpp`, `facebook` or `whatsapp`",
    ) in found
    assert any(line == 13 and "`url` is `http://example.org/`" in msg for line, msg in found)
    assert (12, "the channel has no `label` (its name in plain words)") in found
    assert any(line == 14 and "item 3" in msg for line, msg in found)
    https_fix = next(fx for _, line, msg, fx in problems if line == 13)
    assert "https://" in https_fix


def test_bad_folder_name_missing_file_and_all_errors_at_once(tmp_path):
    branches, problems = check(
        tmp_path,
        {
            "Bad Name/branch.yaml": GOOD,
            "no-yaml/pages/about.md": "---\ntitle: x\n---\n",
            "beta/branch.yaml": GOOD.replace("kind: local", "kind: x"),
            "gamma/branch.yaml": GOOD,
        },
    )
    assert [b.slug for b in branches] == ["gamma"]
    paths = [p[0] for p in problems]
    assert "branches/Bad Name" in paths
    assert "branches/no-yaml/branch.yaml" in paths
    assert "branches/beta/branch.yaml" in paths
    bad_name = next(p for p in problems if p[0] == "branches/Bad Name")
    assert "`bad-name`" in bad_name[3]


def test_two_branches_cannot_share_a_domain(tmp_path):
    text = GOOD + "domain: shared.example.org\n"
    other = text.replace("[AB1, AB2]", "[AB3]").replace("Alphaton", "Betaton")
    # the national team gave both the domain (a slip): each branch.yaml is still told of the other
    given = {"a": "shared.example.org", "b": "shared.example.org"}
    branches, problems = check(tmp_path, {"a/branch.yaml": text, "b/branch.yaml": other}, BRANCH_GIVEN_DOMAINS=given)
    assert len(branches) == 2
    assert [p[0] for p in problems] == ["branches/a/branch.yaml", "branches/b/branch.yaml"]
    assert "claimed by a and b" in problems[0][2]


@pytest.mark.parametrize(
    ("given", "message", "fix"),
    [
        ({}, "`domain` is alpha.example.org, which the national team has not given this branch", '"alpha": '),
        ({"alpha": "alphaton.example.org"}, "but the national team gave this branch alphaton.example.org", "Write"),
    ],
)
def test_a_domain_the_party_did_not_give_the_branch_is_refused_at_its_line(tmp_path, given, message, fix):
    branches, problems = check(
        tmp_path, {"alpha/branch.yaml": GOOD + "domain: alpha.example.org\n"}, BRANCH_GIVEN_DOMAINS=given
    )
    assert branches == []
    (problem,) = problems
    assert problem[:2] == ("branches/alpha/branch.yaml", 8)
    assert message in problem[2] and fix in problem[3] and "BRANCH_GIVEN_DOMAINS" in problem[3]
    branches, problems = check(tmp_path, {}, BRANCH_GIVEN_DOMAINS={"alpha": "Alpha.Example.org"})
    assert problems == [] and branches[0].domain == "alpha.example.org"


def test_yaml_yes_no_and_times_stay_text(tmp_path):
    branches, problems = check(tmp_path, {"alpha/branch.yaml": GOOD.replace("Alphaton", "No") + "meets: 19:00\n"})
    assert problems == []
    assert branches[0].name == "No" and str(branches[0].meets) == "19:00"


def problems_of(tmp_path, files, **settings):
    (tmp_path / "content").mkdir(exist_ok=True)
    for rel, text in files.items():
        path = tmp_path / "branches" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    report = ProblemList(root=str(tmp_path))
    branches = load_branches(project_settings(tmp_path, **settings), report)
    return branches, report


def test_two_branches_sharing_a_district_is_a_warning_naming_both(tmp_path):
    other = GOOD.replace("Alphaton", "Betaville").replace("[AB1, AB2]", "[AB2, AB3]")
    branches, report = problems_of(tmp_path, {"alpha/branch.yaml": GOOD, "beta/branch.yaml": other})
    assert len(branches) == 2 and report.errors == []
    assert [(w.path, w.line) for w in report.warnings] == [
        ("branches/alpha/branch.yaml", 5),
        ("branches/beta/branch.yaml", 5),
    ]
    assert "AB2 is covered by both Alphaton branch and Betaville branch" in report.warnings[0].message


CHANNELS = """channels:
  - type: whatsapp
    url: https://chat.whatsapp.com/abc
    label: Old group
  - type: signal
    url: mailto:alpha@example.org
    label: Signal
  - type: email
    url: mailto:alpha@example.org
    label: Write to us
"""


def test_channel_rules(tmp_path):
    _, report = problems_of(tmp_path, {"alpha/branch.yaml": GOOD + CHANNELS})
    (warning,) = report.warnings
    assert (warning.line, "WhatsApp group") == (9, warning.message.split("`whatsapp` channel: ")[1][:14])
    assert "Signal group" in warning.fix  # names the alternative the party prefers
    (error,) = report.errors
    assert (error.line, error.message) == (13, "a `signal` channel has a mailto: address")


@pytest.mark.parametrize(
    "areas, message",
    [
        ("[QQ1]", "no postcodes start with QQ"),
        ("[S1 2EW]", "`S1 2EW` is not a postcode district"),
        ("[1S]", "`1S` is not a postcode district"),
    ],
)
def test_postcode_districts_must_exist(tmp_path, areas, message):
    _, report = problems_of(tmp_path, {"alpha/branch.yaml": GOOD.replace("[AB1, AB2]", areas)})
    assert [(p.line, message in p.message) for p in report.errors] == [(5, True)]


def test_odd_spacing_and_case_in_districts_are_normalised(tmp_path):
    branches, report = problems_of(tmp_path, {"alpha/branch.yaml": GOOD.replace("[AB1, AB2]", "[ab1, ' B T7 ', eh12]")})
    assert report.errors == []
    assert branches[0].areas == ("AB1", "BT7", "EH12")


def test_a_branch_cannot_take_a_nation_s_name(tmp_path):
    _, report = problems_of(tmp_path, {"wales/branch.yaml": GOOD})
    assert [p.path for p in report.errors] == ["branches/wales"]


def test_a_later_build_reuses_the_stored_reading_until_a_branch_yaml_changes(tmp_path):
    import os

    from branch_subsites import branch_config

    other = GOOD.replace("Alphaton", "Betaville").replace("[AB1, AB2]", "[AB2, AB3]")
    first, report = problems_of(tmp_path, {"alpha/branch.yaml": GOOD, "beta/branch.yaml": other})
    assert (tmp_path / ".cache/main/branches.pickle").is_file()
    branch_config._loaded.clear()  # as in the next build's process
    again = ProblemList(root=str(tmp_path))
    assert load_branches(project_settings(tmp_path), again) == first
    assert again.sorted() == report.sorted()  # the stored warnings come back with the stored branches

    beta = tmp_path / "branches/beta/branch.yaml"
    beta.write_text(other.replace("kind: local", "kind: locl"))
    stat = beta.stat()
    os.utime(beta, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    branch_config._loaded.clear()
    edited = ProblemList(root=str(tmp_path))
    assert [b.slug for b in load_branches(project_settings(tmp_path), edited)] == ["alpha"]
    assert [p.path for p in edited.errors] == ["branches/beta/branch.yaml"]


WITH_CHANNEL = GOOD + "channels:\n  - kind: facebook\n    url: https://facebook.com/alphaton\n"


@pytest.mark.parametrize(
    ("yaml_text", "line", "message", "fix"),
    [
        (  # `url` of the channel one space short
            WITH_CHANNEL.replace("    url:", "   url:"),
            10,
            "line 10 is indented less than line 9 above it, and lines up with no line it could belong with",
            "Line it up with `kind:` on line 9 (4 spaces in), or with `channels:` on line 8 (at the start of "
            "the line) if it does not belong with line 9.",
        ),
        (  # `url` two spaces too far in
            WITH_CHANNEL.replace("    url:", "      url:"),
            10,
            "line 10 is indented more than line 9 above it",
            "Line it up with `kind:` on line 9 (4 spaces in): a line indented more than the one above it is "
            "read as part of that line's value.",
        ),
        (  # a top-level key indented
            GOOD.replace("contact:", "  contact:"),
            6,
            "line 6 is indented more than line 5 above it",
            "Line it up with `areas:` on line 5 (at the start of the line).",
        ),
    ],
)
def test_an_indentation_mistake_gets_the_fix_for_indentation(tmp_path, yaml_text, line, message, fix):
    branches, problems = check(tmp_path, {"alpha/branch.yaml": yaml_text})
    assert branches == []  # the branch is not built
    assert [(p[0], p[1]) for p in problems] == [("branches/alpha/branch.yaml", line)]
    assert message in problems[0][2]
    assert problems[0][3] == fix


def test_a_colon_in_a_value_still_gets_the_fix_for_quoting(tmp_path):
    _, problems = check(tmp_path, {"alpha/branch.yaml": GOOD.replace("name: Alphaton", "name: Alphaton: East")})
    assert [(p[1], p[3]) for p in problems] == [
        (
            1,
            "A value contains a colon followed by a space. Put the whole value in double quotes, "
            'e.g. title: "Meeting: housing".',
        )
    ]
