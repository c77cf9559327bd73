"""The settings imprints owns, with their defaults (kit_settings.declared_settings).

The promoter has no default: a party's site must name its own, and a build without one stops,
naming the setting. checks.py holds them to a postal address."""

from kit_settings.declared_settings import Setting

SETTINGS = [
    Setting(
        "IMPRINT_PROMOTER_NAME",
        None,
        str,
        "The promoter of the party's material, named in every imprint (docs/imprints.md), "
        "e.g. 'Jo Bloggs' (the party's nominating officer or agent) or the party's own name.",
    ),
    Setting(
        "IMPRINT_PROMOTER_ADDRESS",
        None,
        str,
        "The promoter's postal address, ending with its full UK postcode.",
    ),
    Setting(
        "IMPRINT_ON_BEHALF_OF_NAME",
        None,
        (str, type(None)),
        "The person or body on whose behalf the material is published, when not the promoter "
        "(usually the party, by its registered name).",
    ),
    Setting(
        "IMPRINT_ON_BEHALF_OF_ADDRESS",
        None,
        (str, type(None)),
        "Their postal address, ending with its full UK postcode (the same as the promoter's if shared).",
    ),
]
