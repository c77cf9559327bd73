"""UK postcodes: the areas that exist, and a reader's postcode reduced to its district.

theme/static/js/postcode.js does the same in the browser; tests run one table of
cases through both so that the finder and the checks agree.
"""

from __future__ import annotations

import re

# The 121 postcode areas of the UK (Royal Mail), plus the Crown dependencies' GY, JE and IM.
POSTCODE_AREAS = frozenset(
    [
        "AB",
        "AL",
        "B",
        "BA",
        "BB",
        "BD",
        "BH",
        "BL",
        "BN",
        "BR",
        "BS",
        "BT",
        "CA",
        "CB",
        "CF",
        "CH",
        "CM",
        "CO",
        "CR",
        "CT",
        "CV",
        "CW",
        "DA",
        "DD",
        "DE",
        "DG",
        "DH",
        "DL",
        "DN",
        "DT",
        "DY",
        "E",
        "EC",
        "EH",
        "EN",
        "EX",
        "FK",
        "FY",
        "G",
        "GL",
        "GU",
        "HA",
        "HD",
        "HG",
        "HP",
        "HR",
        "HS",
        "HU",
        "HX",
        "IG",
        "IP",
        "IV",
        "KA",
        "KT",
        "KW",
        "KY",
        "L",
        "LA",
        "LD",
        "LE",
        "LL",
        "LN",
        "LS",
        "LU",
        "M",
        "ME",
        "MK",
        "ML",
        "N",
        "NE",
        "NG",
        "NN",
        "NP",
        "NR",
        "NW",
        "OL",
        "OX",
        "PA",
        "PE",
        "PH",
        "PL",
        "PO",
        "PR",
        "RG",
        "RH",
        "RM",
        "S",
        "SA",
        "SE",
        "SG",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SP",
        "SR",
        "SS",
        "ST",
        "SW",
        "SY",
        "TA",
        "TD",
        "TF",
        "TN",
        "TQ",
        "TR",
        "TS",
        "TW",
        "UB",
        "W",
        "WA",
        "WC",
        "WD",
        "WF",
        "WN",
        "WR",
        "WS",
        "WV",
        "YO",
        "ZE",
        "GY",
        "JE",
        "IM",
    ]
)

DISTRICT = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
DISTRICT_PATTERN = re.compile(rf"^{DISTRICT}$")
FULL_POSTCODE_PATTERN = re.compile(rf"^({DISTRICT})([0-9][A-Z]{{2}})$")


def compact(text: str) -> str:
    """Upper case, with spaces and punctuation gone: " s1 2ew" -> "S12EW"."""
    return re.sub(r"[^A-Z0-9]", "", str(text).upper())


def area_of(district: str) -> str:
    """The letters a district starts with: EH12 -> EH."""
    return re.match(r"[A-Z]+", district).group(0)


def district_of(text: str) -> str | None:
    """The district of a full postcode or of an outward code, or None if it is neither."""
    value = compact(text)
    full = FULL_POSTCODE_PATTERN.match(value)
    if full:
        return full.group(1)
    if DISTRICT_PATTERN.match(value):
        return value
    return None


def is_real_area(district: str) -> bool:
    return area_of(district) in POSTCODE_AREAS


def parse_postcode(text: str) -> tuple[str | None, str] | None:
    """What a reader typed, as (district, area): "s1 2ew" -> ("S1", "S"), "EH" -> (None, "EH").

    None when it is not a UK postcode, an outward code or a postcode area that exists.
    """
    value = compact(text)
    district = district_of(value)
    if district:
        area = area_of(district)
    elif value.isalpha():
        area = value
    else:
        return None
    return (district, area) if area in POSTCODE_AREAS else None
