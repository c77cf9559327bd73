"""The settings precompressed_files owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting, list_of, whole

SETTINGS = [
    Setting("PRECOMPRESSED_FILES", False, bool, "Write .gz and .br beside every text file (publishconf.py)."),
    Setting(
        "PRECOMPRESSED_FILES_SUFFIXES",
        [".html", ".css", ".js", ".json", ".xml", ".ics", ".opml", ".txt", ".svg"],
        list,
        "The kinds of file compressed.",
        list_of(str),
    ),
    Setting("PRECOMPRESSED_FILES_MIN_SIZE", 256, int, "Bytes; smaller files gain nothing.", whole(0)),
    Setting("PRECOMPRESSED_FILES_GZIP_LEVEL", 9, int, "gzip's level, 1 to 9.", whole(1, 9)),
    Setting(
        "PRECOMPRESSED_FILES_BROTLI_QUALITY",
        11,
        int,
        "Brotli's quality, 0 to 11: 11 is the smallest; 5 is ten times faster and ~15% larger.",
        whole(0, 11),
    ),
]
