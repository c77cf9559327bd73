"""A hostile branch editor: values that become paths, and a branch posing as the party (issue 16).

Each case is checked in the output itself: the other site's page byte-identical, no page added,
what the official page and official.json say.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from servers import server_config

from branch_subsites.branch_config import load_branches
from content_schema import ContentProblems, ProblemList
from kit_testing import KIT_ROOT, build, copy_fixture, make_check, project_settings, site_settings_file, tree_digest
from official_channels.listing import official_listing

NOW = "1798761600"  # 2027-01-01 00:00 UTC

GAMMA = """\
name: Gammagh
kind: local
nation: Scotland
region: {region}
areas: [EH1]
contact: gamma@example.org
editors: [gill]
"""

NETWORK = """\
name: {name}
kind: network
contact: {contact}
editors: [mallory]
"""


def add_branch(project, slug: str, text: str) -> None:
    folder = project / "branches" / slug
    folder.mkdir()
    (folder / "branch.yaml").write_text(text, encoding="utf-8")


def refused(project) -> list:
    """Build ``project``; the build must stop on editor problems: return them as (path, line, message)."""
    with pytest.raises(ContentProblems) as stopped:
        build(project, now=NOW)
    return [(p.path, p.line, p.message) for p in stopped.value.problems if p.is_error]


def branch_problems(project) -> list:
    report = ProblemList(root=str(project))
    load_branches(project_settings(project), report)
    return [(p.path, p.line, p.message, p.fix) for p in report.errors]


# ---- values that become paths ------------------------------------------------------


@pytest.mark.parametrize(
    "region",
    ["../../branches/alpha", "../../news", "Lothian/../../../branches/alpha", "'!!!'", "'..'", "a\\\\b"],
)
def test_a_region_that_would_be_a_path_is_refused_and_writes_nothing(two_branches, region):
    before = tree_digest(build(two_branches, now=NOW))
    add_branch(two_branches, "gamma", GAMMA.format(region=region))
    problems = refused(two_branches)
    assert any(p[:2] == ("branches/gamma/branch.yaml", 4) and "`region`" in p[2] for p in problems), problems
    after = tree_digest(two_branches / "output")
    assert after == before  # alpha's home page byte-identical, no page added to the national site
    assert "branches/alpha/index.html" in after


def test_regions_written_differently_share_one_page_instead_of_overwriting_it(two_branches):
    add_branch(two_branches, "gamma", GAMMA.format(region="Highlands"))
    add_branch(
        two_branches,
        "delta",
        GAMMA.format(region="highlands").replace("Gammagh", "Deltabeg").replace("EH1", "EH2"),
    )
    output = build(two_branches, now=NOW)
    page = (output / "branches/scotland/highlands/index.html").read_text(encoding="utf-8")
    assert "Gammagh" in page and "Deltabeg" in page
    nation = (output / "branches/scotland/index.html").read_text(encoding="utf-8")
    assert nation.count('href="/branches/scotland/highlands/"') == 1


def test_a_region_outside_england_gets_a_slug_address(two_branches):
    add_branch(two_branches, "gamma", GAMMA.format(region="Ynys Môn & the Isles"))
    output = build(two_branches, now=NOW)
    assert (output / "branches/scotland/ynys-mon-the-isles/index.html").is_file()


@pytest.mark.parametrize("bad_tag", ["'!!!'", "'---'", "'_'"])
def test_a_tag_without_an_address_is_an_error_not_the_tags_index(two_branches, bad_tag):
    output = build(two_branches, now=NOW)
    index = (output / "tags/index.html").read_bytes()
    post = two_branches / "content/news/2026-01-10-national-hello.md"
    post.write_text(post.read_text().replace("tags: [welcome]", f"tags: [welcome, {bad_tag}]"))
    problems = refused(two_branches)
    assert any(
        p[0] == "content/news/2026-01-10-national-hello.md" and p[1] == 5 and "cannot be a tag" in p[2]
        for p in problems
    ), problems
    assert (output / "tags/index.html").read_bytes() == index


# ---- posing as the party -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "The Test Party",
        "the test-party",
        "THE  TEST   PARTY",
        "Test Party",
        "Test",
        "The Test Party (members)",
        "The Test Party\u200b",  # zero-width space
        "The T\u0435st Party",  # a Cyrillic e
        "\u0422he Test Party",  # a Cyrillic T
        "National Members' Office",
        "Official Test News",
    ],
)
def test_a_branch_cannot_take_the_party_s_name(two_branches, name):
    add_branch(two_branches, "mallory", NETWORK.format(name=json.dumps(name), contact="m@test-party.example"))
    problems = branch_problems(two_branches)
    assert any(p[0] == "branches/mallory/branch.yaml" and p[1] == 1 for p in problems), problems
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert not (two_branches / "output/branches/mallory").exists()


@pytest.mark.parametrize("name", ["Test Co-operators", "Young Tests", "Co-operators' Network", "Cymru Werdd"])
def test_a_network_may_use_other_names(two_branches, name):
    add_branch(two_branches, "net", NETWORK.format(name=json.dumps(name), contact="n@test-party.example"))
    assert branch_problems(two_branches) == []


@pytest.mark.parametrize("name", ["Alphaton", "ALPHATON", "Alpha-ton", "A1phaton", "Alphat\u043en"])
def test_two_branches_cannot_share_a_name(two_branches, name):
    add_branch(two_branches, "alpha-two", NETWORK.format(name=json.dumps(name), contact="a2@example.org"))
    problems = branch_problems(two_branches)
    paths = {p[0] for p in problems}
    assert "branches/alpha-two/branch.yaml" in paths
    if name != "Alphat\u043en":  # mixed alphabets are refused on their own, before names are compared
        assert "branches/alpha/branch.yaml" in paths
        assert any("branches/alpha" in p[2] and "branches/alpha-two" in p[2] for p in problems)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("name: Beta\u202eNetwork\n", 1, "cannot be seen (U+202E RIGHT-TO-LEFT OVERRIDE)"),
        ("name: \u0411eta Network\n", 1, "mixes letters of different alphabets (Cyrillic, Latin)"),
        ("contact: '?bcc=evil@attacker.example'\n", 2, "not a plain email address"),
        ("contact: beta@example.org?bcc=evil@attacker.example\n", 2, "not a plain email address"),
        ("contact: mailto:beta@example.org?bcc=evil@attacker.example\n", 2, "not a plain email address"),
        ("contact: beta%40attacker.example@example.org\n", 2, "not a plain email address"),
    ],
)
def test_names_and_contacts_are_plain(two_branches, text, line, words):
    yaml_file = two_branches / "branches/beta-net/branch.yaml"
    key = text.split(":", 1)[0]
    lines = [ln for ln in yaml_file.read_text().splitlines(keepends=True) if not ln.startswith(key + ":")]
    lines.insert(line - 1, text)
    yaml_file.write_text("".join(lines))
    problems = branch_problems(two_branches)
    assert any(p[:2] == ("branches/beta-net/branch.yaml", line) and words in p[2] for p in problems), problems
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert not any("bcc=" in p.read_text(errors="replace") for p in (two_branches / "output").rglob("*.html"))


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Cenedlaethol", "Cenedlaethol"),  # the Welsh catalog's "National"
        ("Cangen Genedlaethol", "Genedlaethol"),  # soft mutation, after a feminine noun
        ("Ein Cangen Nghenedlaethol", "Nghenedlaethol"),  # nasal mutation
    ],
)
def test_a_branch_cannot_be_called_national_in_welsh(two_branches, name, word):
    yaml_file = two_branches / "branches/beta-net/branch.yaml"
    lines = [ln for ln in yaml_file.read_text().splitlines(keepends=True) if not ln.startswith("name:")]
    yaml_file.write_text(f"name: {name}\n" + "".join(lines))
    problems = branch_problems(two_branches)
    assert [p[:3] for p in problems if "says it speaks for the party" in p[2]] == [
        (
            "branches/beta-net/branch.yaml",
            1,
            f"a branch cannot be called `{name}`: `{word}` says it speaks for the party",
        )
    ]
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert not (two_branches / "output").exists() or not any(
        name in p.read_text() for p in (two_branches / "output").rglob("*.html")
    )


def test_welsh_place_names_are_not_taken_for_national_words(two_branches):
    from branch_subsites.identity import national_word

    for name in ("Bangor", "Caernarfon", "Gwynedd", "Cangen Caerwen", "Y Gogledd"):
        assert national_word(name) is None


CHANNEL = """\
channels:
  - type: {type}
    url: {url}
    label: {label}
"""


@pytest.mark.parametrize(
    ("channel", "words"),
    [
        (
            ("website", "https://renew.example.net/", "Join or renew your membership (national portal)"),
            "says `national`",
        ),
        (("website", "https://renew.example.net/", "The Test Party's official site"), "the party's name"),
        (("email", "mailto:beta@example.org?bcc=evil@attacker.example", "Write to us"), "may hold only the address"),
        (("signal", "https://signal.example.org/b", "Beta \u2067group\u2069"), "cannot be seen"),
    ],
)
def test_a_channel_cannot_pass_for_the_party_s_own(two_branches, channel, words):
    yaml_file = two_branches / "branches/beta-net/branch.yaml"
    kind, url, label = channel
    yaml_file.write_text(yaml_file.read_text() + CHANNEL.format(type=kind, url=url, label=json.dumps(label)))
    problems = branch_problems(two_branches)
    assert any(p[0] == "branches/beta-net/branch.yaml" and words in p[2] for p in problems), problems
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert not (two_branches / "output/official/index.html").exists()


def test_the_official_page_lists_branch_channels_as_run_by_the_branch(two_branches):
    output = build(two_branches, now=NOW)
    data = json.loads((output / "official.json").read_text(encoding="utf-8"))
    alpha = [a for a in data["accounts"] if a["url"] == "https://signal.example.org/alpha"]
    assert alpha == [
        {
            "owner": "Alphaton branch",
            "branch": "alpha",
            "type": "signal",
            "label": "Alphaton Signal group",
            "url": "https://signal.example.org/alpha",
        }
    ]
    assert all("branch" not in a for a in data["accounts"] if a["owner"] == "The Test Party")
    # a branch's contact domain is not an official email domain: only the party's list is
    assert data["email_domains"] == ["test-party.example"]
    page = (output / "official/index.html").read_text(encoding="utf-8")
    national, _, branches = page.partition('id="branch-accounts"')
    assert "https://social.test-party.example/@testparty" in national
    assert "https://signal.example.org/alpha" not in national
    assert "<td>Alphaton branch</td><td>Signal group</td>" in branches
    assert "not for the party" in branches


@pytest.mark.parametrize(
    ("domain", "given", "refused_"),
    [
        ("test-party.example", {}, True),
        ("join.test-party.example", {}, True),
        ("join.test-party.example", {"beta-net": "join.test-party.example"}, False),
        ("join.test-party.example", {"alpha": "join.test-party.example"}, True),
        ("beta.example", {}, True),  # a domain outside the party's is the party's only once given
        ("beta.example", {"beta-net": "beta.example"}, False),
        ("beta.example", {"beta-net": "beta-net.example"}, True),
    ],
)
def test_a_branch_domain_cannot_be_the_party_s_unless_given(two_branches, domain, given, refused_):
    yaml_file = two_branches / "branches/beta-net/branch.yaml"
    yaml_file.write_text(yaml_file.read_text() + f"domain: {domain}\n")
    report = ProblemList(root=str(two_branches))
    load_branches(project_settings(two_branches, BRANCH_GIVEN_DOMAINS=given), report)
    found = [p for p in report.errors if p.path == "branches/beta-net/branch.yaml" and p.line == 5]
    assert bool(found) == refused_, found
    if refused_:
        with pytest.raises(ContentProblems):
            build(two_branches, now=NOW, BRANCH_GIVEN_DOMAINS=given)
        assert not (two_branches / "output/official.json").exists()
    else:
        data = json.loads((build(two_branches, now=NOW, BRANCH_GIVEN_DOMAINS=given) / "official.json").read_text())
        assert {"domain": domain, "branch": "Beta Network"} in data["branch_domains"]


EVIL = """\
domain: evil.example
volunteer: https://evil.example/volunteer/
newsletter: https://evil.example/subscription/form
"""
# The party gave beta-net its domain, and Alphaton none.
GIVEN = {"beta-net": "beta.example"}


def test_a_domain_the_party_did_not_give_is_never_official(two_branches):
    """Alphaton names a domain of its own and sends its volunteers and sign-ups there: `make check` and
    the build stop at each line, the official-channels page and official.json never list it, and no
    server configuration serves it or lets a form post to it."""
    alpha = two_branches / "branches/alpha/branch.yaml"
    beta = two_branches / "branches/beta-net/branch.yaml"
    beta.write_text(beta.read_text() + "domain: beta.example\n")
    before = build(two_branches, now=NOW, BRANCH_GIVEN_DOMAINS=GIVEN)
    official = {name: (before / name).read_bytes() for name in ("official/index.html", "official.json")}
    first = len(alpha.read_text().splitlines()) + 1
    alpha.write_text(alpha.read_text() + EVIL)

    checked = make_check(two_branches, site_settings_file(two_branches, BRANCH_GIVEN_DOMAINS=GIVEN))
    assert checked.returncode == 1
    where = "branches/alpha/branch.yaml"
    assert f"{where}:{first}: error: `domain` is evil.example, which the national team has not given" in checked.stdout
    assert '"alpha": "evil.example" to BRANCH_GIVEN_DOMAINS in pelicanconf.py' in checked.stdout
    assert "Until then delete the `domain:` line" in checked.stdout
    for line, key in ((first + 1, "volunteer"), (first + 2, "newsletter")):
        assert f"{where}:{line}: error: `{key}` is 'https://evil.example/" in checked.stdout
    assert checked.stdout.count("evil.example is not one of the party's official domains") == 2

    with pytest.raises(ContentProblems) as stopped:
        build(two_branches, now=NOW, BRANCH_GIVEN_DOMAINS=GIVEN)
    assert {(p.path, p.line) for p in stopped.value.problems if p.is_error} == {
        (where, first),
        (where, first + 1),
        (where, first + 2),
    }
    assert {name: (before / name).read_bytes() for name in official} == official  # the last good build's
    assert not any(b"evil.example" in path.read_bytes() for path in before.rglob("*") if path.is_file())

    for server in ("nginx", "apache", "caddy"):
        text = server_config(
            server,
            two_branches,
            SITEURL="https://party.example",
            SERVER_CONFIG_ROOT="/srv/party/current",
            BRANCH_GIVEN_DOMAINS=GIVEN,
        )
        assert "evil.example" not in text and "branches/alpha" not in text
        assert "beta.example" in text  # the domain the party gave, served


def test_the_official_listing_takes_only_a_domain_the_party_gave(two_branches):
    """official_listing's own filter, for a branch record that carries a domain no check passed."""
    settings = project_settings(two_branches, BRANCH_GIVEN_DOMAINS=GIVEN)
    (alpha, beta) = load_branches(settings, ProblemList(root=str(two_branches)))
    records = [replace(alpha, domain="evil.example").as_dict(), replace(beta, domain="beta.example").as_dict()]
    listing = official_listing(settings, records)
    assert listing["branch_domains"] == [{"domain": "beta.example", "branch": "Beta Network"}]
    assert "evil.example" not in json.dumps(listing)


def test_a_branch_post_on_the_national_home_page_says_which_branch_it_is_from(two_branches):
    output = build(two_branches, now=NOW)
    home = (output / "index.html").read_text(encoding="utf-8")
    news = home.partition('id="branch-news"')[2]
    assert "Beta network meets online" in news
    assert 'from <a href="/branches/beta-net/">Beta Network</a>' in news


# ---- trust keys: a change to them asks for national review (make trust-review) -------------

TRUST_REVIEW = [sys.executable, "-m", "branch_subsites.trust_review"]


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path):
    """A throwaway repository holding the two-branch fixture at one commit, on a pull request branch."""
    project = copy_fixture("two_branches", tmp_path / "repo")
    git(project, "init", "-q", "-b", "main")
    git(project, "config", "user.email", "t@example.org")
    git(project, "config", "user.name", "t")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "base")
    git(project, "checkout", "-qb", "pull-request")
    return project


def review(repo, *extra):
    env = {**os.environ, "PYTHONPATH": str(KIT_ROOT / "plugins")}
    return subprocess.run(
        [*TRUST_REVIEW, "--repo", str(repo), "--base", "main", *extra], capture_output=True, text=True, env=env
    )


def commit(repo, path: str, text: str | None):
    target = repo / path
    if text is None:
        target.unlink()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")


@pytest.mark.parametrize(
    ("old", "new", "keys"),
    [
        ("name: Alphaton", "name: The Test Party", "`name`"),
        ("contact: alpha@example.org", "contact: alpha@elsewhere.example", "`contact`"),
        ("editors: [alice]", "editors: [alice, mallory]", "`editors`"),
        ("url: https://signal.example.org/alpha", "url: https://signal.example.org/fake", "`channels`"),
        ("kind: local", "kind: network", "`kind`"),
        (
            "meets: First Monday, 7pm, the library",
            "meets: First Monday, 7pm, the library\ndomain: a.example",
            "`domain`",
        ),
    ],
)
def test_a_change_to_a_trust_key_fails_and_asks_for_national_review(repo, old, new, keys):
    path = "branches/alpha/branch.yaml"
    text = (repo / path).read_text()
    assert old in text
    commit(repo, path, text.replace(old, new))
    result = review(repo)
    assert result.returncode == 1
    assert result.stdout.strip() == f"{path}: {keys} changed"
    assert "national web team" in result.stderr
    annotated = review(repo, "--format", "github")
    assert annotated.stdout.startswith(f"::error file={path},title=needs national review::")


def test_other_changes_in_a_branch_pass(repo):
    path = "branches/alpha/branch.yaml"
    text = (repo / path).read_text()
    commit(repo, path, text.replace("The Alphaton branch, for tests.", "A new description.") + "\n# a comment\n")
    commit(repo, "branches/alpha/news/2026-05-01-more.md", "---\ntitle: More\ndate: 2026-05-01\n---\nText.\n")
    result = review(repo)
    assert (result.returncode, result.stdout.strip()) == (
        0,
        "trust-review: no branch.yaml key that needs national review changed",
    )


def test_a_new_removed_or_unreadable_branch_yaml_asks_for_review(repo):
    commit(repo, "branches/gamma/branch.yaml", GAMMA.format(region="Highlands"))
    commit(repo, "branches/beta-net/branch.yaml", None)
    commit(repo, "branches/alpha/branch.yaml", (repo / "branches/alpha/branch.yaml").read_text() + "name: [\n")
    result = review(repo)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("branches/alpha/branch.yaml: cannot be read")
    assert lines[1] == "branches/beta-net/branch.yaml: the branch is removed"
    assert lines[2].startswith("branches/gamma/branch.yaml: a new branch")


def test_a_change_merged_from_main_is_not_the_pull_request_s(repo):
    """Compared with the merge base: a trust change that landed on main meanwhile is not flagged again."""
    git(repo, "checkout", "-q", "main")
    path = "branches/alpha/branch.yaml"
    commit(repo, path, (repo / path).read_text().replace("editors: [alice]", "editors: [alice, ann]"))
    git(repo, "checkout", "-q", "pull-request")
    commit(repo, "branches/alpha/pages/more.md", "---\ntitle: More\n---\nText.\n")
    assert review(repo).returncode == 0


@pytest.mark.parametrize("path", [".github/workflows/site.yml", ".forgejo/workflows/site.yml", ".gitlab-ci.yml"])
def test_every_forge_s_pipeline_runs_the_trust_review_on_pull_requests(path):
    text = (KIT_ROOT / path).read_text()
    assert "make trust-review BASE=" in text
    assert ("fetch-depth: 0" in text) or ("GIT_DEPTH: 0" in text)


def test_an_event_whose_file_name_gives_no_address_is_an_error(two_branches):
    output = build(two_branches, now=NOW)
    before = tree_digest(output)
    event = two_branches / "branches/alpha/events/2027-03-01-!!!.md"
    event.write_text(
        "---\ntitle: Stall\nstart: 2027-03-01 11:00\nend: 2027-03-01 13:00\nlocation: Market\n---\nA stall.\n"
    )
    problems = refused(two_branches)
    assert ("branches/alpha/events/2027-03-01-!!!.md", 1, "no web address can be made from the file name") in problems
    assert tree_digest(output) == before
    assert not (output / "branches/alpha/events/.ics").exists()


def test_a_branch_s_feed_credits_the_branch_not_the_party(two_branches):
    output = build(two_branches, now=NOW)
    feed = (output / "branches/beta-net/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "<author><name>Beta Network</name></author>" in feed
    # the party is named only in each entry's imprint: the branch publishes on its behalf (docs/imprints.md)
    imprint = re.compile(r"&lt;p class=(?:&quot;|\")kit-imprint(?:&quot;|\")&gt;[^&]*&lt;/p&gt;")
    assert len(imprint.findall(feed)) == feed.count("<entry>")
    assert "The Test Party" not in imprint.sub("", feed)
    national = (output / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "<author><name>The Test Party</name></author>" in national


def test_a_branch_description_with_hidden_characters_is_refused(two_branches):
    yaml_file = two_branches / "branches/alpha/branch.yaml"
    hidden = '"Renew at \u202egro.elpmaxe\u202c today"'
    yaml_file.write_text(yaml_file.read_text().replace("The Alphaton branch, for tests.", hidden))
    problems = branch_problems(two_branches)
    assert any(p[:2] == ("branches/alpha/branch.yaml", 7) and "U+202E" in p[2] for p in problems), problems
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert not (two_branches / "output/branches/index.html").exists()


@pytest.mark.parametrize(
    "address",
    [
        "https://evil.example\\.test-party.example/volunteer",  # a browser opens evil.example
        "https://evil.example\t.test-party.example/volunteer",  # a browser drops the tab
    ],
)
def test_an_address_a_browser_reads_otherwise_is_never_official(two_branches, address):
    """Python's urlsplit takes `evil.example\\.test-party.example` for a host under the party's domain;
    a browser reads the backslash as a slash. `make check` stops at the line, and nothing is published."""
    before = build(two_branches, now=NOW)
    snapshot = tree_digest(before)
    alpha = two_branches / "branches/alpha/branch.yaml"
    line = len(alpha.read_text().splitlines()) + 1
    alpha.write_text(alpha.read_text() + f"volunteer: {json.dumps(address)}\n")

    checked = make_check(two_branches, site_settings_file(two_branches))
    assert checked.returncode == 1
    assert f"branches/alpha/branch.yaml:{line}: error: `volunteer` is" in checked.stdout
    assert "a browser reads otherwise" in checked.stdout and "address bar" in checked.stdout
    with pytest.raises(ContentProblems):
        build(two_branches, now=NOW)
    assert tree_digest(before) == snapshot
    assert not any(b"evil.example" in path.read_bytes() for path in before.rglob("*") if path.is_file())


def test_host_of_gives_no_host_for_an_address_a_browser_reads_otherwise():
    from branch_subsites.official_domains import host_of, is_official

    domains = ["test-party.example"]
    for address in (
        "https://evil.example\\.test-party.example/",
        "https://evil.example\t.test-party.example/",
        "https://evil.example\n.test-party.example/",
        "https://p\u0430rty.test-party.example/",  # a Cyrillic a: not the ASCII name it looks like
    ):
        assert host_of(address) == "" and not is_official(host_of(address), domains), address
    assert host_of("https://Join.Test-Party.example/x") == "join.test-party.example"
    assert host_of("http://127.0.0.1:8000/") == "127.0.0.1"
    assert host_of("https://xn--80ak6aa92e.example/") == "xn--80ak6aa92e.example"
