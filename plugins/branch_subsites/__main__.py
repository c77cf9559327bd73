"""`python -m branch_subsites --branch SLUG --output DIR`: one branch on its own domain."""

import sys

from .standalone import main

sys.exit(main())
