"""What counts as a postal address in an imprint: words, then a full UK postcode that exists."""

from __future__ import annotations

import re

# A full postcode (outward code, space optional, inward code) as the address's last words.
_ENDS_WITH_POSTCODE = re.compile(r"(?:^|[\s,])([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})\s*$", re.IGNORECASE)

POSTAL_ADDRESS_RULE = (
    "An imprint's address is a postal address where the promoter can be reached: the building or "
    "street and the town, ending with the full UK postcode, e.g. `12 Tenter Street, Sheffield S1 4BY`."
)


def postal_address_problem(value: str) -> str | None:
    """What keeps ``value`` from being a postal address, or None."""
    # branch_subsites reads branch.yaml with this plugin's `promoter` field: its postcode table is
    # imported when first used, so that either plugin can be imported first
    from branch_subsites.postcodes import POSTCODE_AREAS, area_of

    text = " ".join(str(value).split())
    found = _ENDS_WITH_POSTCODE.search(text)
    if not found:
        return f"`{text}` does not end with a full UK postcode"
    if area_of(found.group(1).upper()) not in POSTCODE_AREAS:
        return f"`{text}` ends with {found.group(1).upper()} {found.group(2).upper()}, which is not a UK postcode"
    before = text[: found.start(1)].strip(" ,")
    if len(re.findall(r"\w+", before)) < 2:
        return f"`{text}` has a postcode but no street or town before it"
    return None
