"""Shared fixtures: fixture projects built once per session where tests only read them."""

from __future__ import annotations

import datetime as dt

import pytest

from kit_testing import PUBLISH_SETTINGS_FILE, build, copy_fixture

pytest_plugins = ["browser", "servers"]


@pytest.fixture(scope="session")
def two_branches_output(tmp_path_factory):
    """tests/fixtures/two_branches built once; tests must not change it."""
    project = copy_fixture("two_branches", tmp_path_factory.mktemp("built") / "project")
    return build(project)


@pytest.fixture
def two_branches(tmp_path):
    """A fresh copy of the two-branch fixture project, for tests that edit or build it."""
    return copy_fixture("two_branches", tmp_path / "project")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo site at the repository's root, built once with its own settings as `make html`
    builds it, with "now" fixed at 2027-01-01 (test_example_site.py, test_reader_experience.py)."""
    from kit_testing import build_example_site

    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1798761600")
    tmp = tmp_path_factory.mktemp("demo")
    try:
        yield build_example_site(
            OUTPUT_PATH=str(tmp / "output"),
            CACHE_PATH=str(tmp / "cache-main"),
            BRANCH_CACHE_PATH=str(tmp / "cache-branches"),
        )
    finally:
        mp.undo()


PUBLISHED_SITEURL = "https://party.example"
PUBLISHED_BRANCH_DOMAIN = "beta.example"
PUBLISHED_NOW = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)


def published_fixture(dest):
    """tests/fixtures/two_branches with beta-net on its own domain, ready to publish."""
    project = copy_fixture("two_branches", dest)
    with open(project / "branches" / "beta-net" / "branch.yaml", "a", encoding="utf-8") as handle:
        handle.write(f"domain: {PUBLISHED_BRANCH_DOMAIN}\n")
    return project


def publish(project, **overrides):
    """Build ``project`` as `make publish` does (publishconf.py), at a fixed "now"."""
    settings = {"SITEURL": PUBLISHED_SITEURL, "BUILD_NOW": PUBLISHED_NOW, **overrides}
    return build(project, PUBLISH_SETTINGS_FILE, **settings)


@pytest.fixture(scope="session")
def published_output(tmp_path_factory):
    """The fixture published (absolute addresses, hashed assets, sitemaps, .gz/.br); read only."""
    return publish(published_fixture(tmp_path_factory.mktemp("published") / "project"))
