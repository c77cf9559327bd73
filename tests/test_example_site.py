"""The demo party's site at the root of the repository, built end to end as `make html` and
`make publish` build it: the kit's other tests build from the kit's defaults and their own fixtures."""

from __future__ import annotations

from pelican.settings import read_settings

from editor_checks.declared_settings import declarations
from kit_testing import KIT_ROOT

DEMO_SETTINGS = KIT_ROOT / "pelicanconf.py"


def test_the_demo_sites_settings_file_holds_no_kit_default():
    """pelicanconf.py sets a kit setting only where the party wants something else."""
    values = read_settings(str(DEMO_SETTINGS))
    declared, _ = declarations(values["PLUGINS"])
    names = {line.split("=")[0].strip() for line in DEMO_SETTINGS.read_text().splitlines() if "=" in line}
    set_here = [(name, setting) for name, (_, setting) in declared.items() if name in names]
    assert len(set_here) >= 8  # the party's domains, accounts, contacts, reviewers, calendar domain
    for name, setting in set_here:
        default = setting.default_from(values) if setting.default_from else setting.default
        assert default != values[name], f"{name} in pelicanconf.py is the kit's default: leave it out"
