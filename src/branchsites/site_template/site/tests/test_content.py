"""The site's own checks (`make test`): every file passes the kit's checks. Add the party's own here."""

import subprocess
import sys
import unittest
from pathlib import Path

SITE = Path(__file__).resolve().parent.parent


class ContentTest(unittest.TestCase):
    def test_every_file_passes_the_kits_checks(self):
        done = subprocess.run(
            [sys.executable, "-m", "branchsites", "check", "--settings", "pelicanconf.py"],
            cwd=SITE,
            capture_output=True,
            text=True,
            check=False,
        )
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)


if __name__ == "__main__":
    unittest.main()
