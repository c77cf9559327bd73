"""`python -m branchsites`: the same as the `branchsites` command."""

import sys

from .cli import main

sys.exit(main())
