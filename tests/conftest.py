"""Shared fixtures: fixture projects built once per session where tests only read them."""

from __future__ import annotations

import pytest

from kit_testing import build, copy_fixture

pytest_plugins = ["browser"]


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
    """The kit's own demo (content/ and branches/) built once, with "now" fixed at 2027-01-01."""
    from kit_testing import build_settings

    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1798761600")
    tmp = tmp_path_factory.mktemp("demo")
    try:
        yield build_settings(
            OUTPUT_PATH=str(tmp / "output"),
            CACHE_PATH=str(tmp / "cache-main"),
            BRANCH_CACHE_PATH=str(tmp / "cache-branches"),
        )
    finally:
        mp.undo()
