"""The settings file_policy owns, with their defaults (kit_settings.declared_settings)."""

from kit_settings.declared_settings import Setting


def _suffixes(value) -> str | None:
    wrong = [s for s in value if not isinstance(s, str) or not s.startswith(".") or "/" in s]
    return f'every item must be a name ending such as ".csv", not {wrong[0]!r}' if wrong else None


SETTINGS = [
    Setting(
        "FILE_POLICY_MAIN_SUFFIXES",
        (),
        (list, tuple),
        'Kinds of file (".csv") the national site may publish as they are, besides pictures and PDFs.',
        _suffixes,
    ),
    Setting("FILE_POLICY_DOCUMENTS", None, list, "The documents a site publishes.", set_by_build=True),
]
