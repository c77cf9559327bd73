"""The settings branch_directory owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, address, with_field

SETTINGS = [
    Setting("BRANCH_DIRECTORY_URL", "branches/", str, "The address of the directory of every branch.", address),
    Setting("BRANCH_DIRECTORY_SAVE_AS", "branches/index.html", str, "Where the directory is written.", address),
    Setting(
        "BRANCH_DIRECTORY_NATION_URL",
        "branches/{nation}/",
        str,
        "A nation's branches, in full.",
        with_field("nation"),
    ),
    Setting(
        "BRANCH_DIRECTORY_REGION_URL",
        "branches/{nation}/{region}/",
        str,
        "An English region's branches, in full.",
        with_field("nation", "region"),
    ),
    Setting(
        "BRANCH_FINDER_JSON_SAVE_AS",
        "branches/finder.json",
        str,
        "Postcode district to branches, for the branch finder.",
        address,
    ),
    Setting("BRANCHES_JSON_SAVE_AS", "branches.json", str, "Every branch as JSON (docs/branches-json.md).", address),
    Setting("BRANCHES_OPML_SAVE_AS", "branches.opml", str, "Every branch's news feed, for feed readers.", address),
    Setting("BRANCHES_CALENDARS_OPML_SAVE_AS", "branches-calendars.opml", str, "Every branch's calendar.", address),
    Setting("BRANCH_START_URL", "start-a-branch/", str, "Where the finder sends people with no branch yet.", address),
]
