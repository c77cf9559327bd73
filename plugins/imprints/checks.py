"""The national imprint's settings, checked as `make check` and every build check them (a
check_site receiver): postal addresses, and an `on behalf of` with both its name and address.
branch.yaml and front matter `promoter` keys are checked where those files are read
(promoter_fields)."""

from __future__ import annotations

import os

from kit_settings.declared_settings import settings_files, where_set

from .postal_addresses import POSTAL_ADDRESS_RULE, postal_address_problem

PAIRS = (
    ("IMPRINT_PROMOTER_NAME", "IMPRINT_PROMOTER_ADDRESS"),
    ("IMPRINT_ON_BEHALF_OF_NAME", "IMPRINT_ON_BEHALF_OF_ADDRESS"),
)


def check_national_imprint(settings, sites, report) -> None:
    files = settings_files(settings)
    for name_key, address_key in PAIRS:
        name, address = settings.get(name_key), settings.get(address_key)
        if not name and not address and name_key != "IMPRINT_PROMOTER_NAME":
            continue  # nobody else: the promoter publishes on its own behalf
        for key, value in ((name_key, name), (address_key, address)):
            if not value or not str(value).strip():
                path, line = where_set(key, files)
                report.error(
                    path,
                    line,
                    f"{key} is empty: an imprint names a person together with their postal address"
                    + (", and without them the sites would publish with no imprint" if key in PAIRS[0] else ""),
                    f"Set {key} in {os.path.basename(path)} (docs/imprints.md).",
                )
        if address and str(address).strip():
            wrong = postal_address_problem(address)
            if wrong:
                path, line = where_set(address_key, files)
                report.error(path, line, f"{address_key} is not a postal address: {wrong}", POSTAL_ADDRESS_RULE)
