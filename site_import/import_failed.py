"""The one failure an importer raises, in a module of its own: `branchsites import-wordpress` runs
site_import.__main__ as `__main__` (runpy), so a class defined there would be a second, different
class to the importers that import it by name, and main() would not catch what they raise."""


class ImportFailed(Exception):
    """The input cannot be imported at all (unreadable, not an export); nothing was written."""
