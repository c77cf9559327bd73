"""Build a project folder (content/ and branches/) with the kit's settings: the kit's own build."""

from __future__ import annotations

import sys
from pathlib import Path

from pelican import Pelican

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from kit_testing import project_settings


def main() -> None:
    project = Path(sys.argv[1])
    Pelican(project_settings(project)).run()


if __name__ == "__main__":
    main()
