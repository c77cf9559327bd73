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
