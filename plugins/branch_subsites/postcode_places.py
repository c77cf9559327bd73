"""Which nation, and in England which region, each UK postcode area lies in.

A postcode area can cross a border: CH (Chester) takes in Flintshire, S (Sheffield) part of
Derbyshire. Such an area lists every place it reaches, the one most of its postcodes are in first.
The Crown dependencies' areas (GY, JE, IM) are in none. The branch finder uses the table to offer
the branches of the reader's region or nation when none is in their postcode area.

theme/static/js/postcode.js holds the same table for the browser; a test holds the two to agree.
"""

from __future__ import annotations

Place = tuple[str, str | None]  # (nation, English region or None)

SCOTLAND: Place = ("Scotland", None)
WALES: Place = ("Wales", None)
NORTHERN_IRELAND: Place = ("Northern Ireland", None)
NORTH_EAST: Place = ("England", "North East")
NORTH_WEST: Place = ("England", "North West")
YORKSHIRE: Place = ("England", "Yorkshire and the Humber")
EAST_MIDLANDS: Place = ("England", "East Midlands")
WEST_MIDLANDS: Place = ("England", "West Midlands")
EAST: Place = ("England", "East of England")
LONDON: Place = ("England", "London")
SOUTH_EAST: Place = ("England", "South East")
SOUTH_WEST: Place = ("England", "South West")

AREA_PLACES: dict[str, tuple[Place, ...]] = {
    "AB": (SCOTLAND,),
    "AL": (EAST,),
    "B": (WEST_MIDLANDS,),
    "BA": (SOUTH_WEST,),
    "BB": (NORTH_WEST,),
    "BD": (YORKSHIRE,),
    "BH": (SOUTH_WEST, SOUTH_EAST),
    "BL": (NORTH_WEST,),
    "BN": (SOUTH_EAST,),
    "BR": (LONDON, SOUTH_EAST),
    "BS": (SOUTH_WEST,),
    "BT": (NORTHERN_IRELAND,),
    "CA": (NORTH_WEST,),
    "CB": (EAST,),
    "CF": (WALES,),
    "CH": (NORTH_WEST, WALES),
    "CM": (EAST,),
    "CO": (EAST,),
    "CR": (LONDON, SOUTH_EAST),
    "CT": (SOUTH_EAST,),
    "CV": (WEST_MIDLANDS,),
    "CW": (NORTH_WEST,),
    "DA": (SOUTH_EAST, LONDON),
    "DD": (SCOTLAND,),
    "DE": (EAST_MIDLANDS, WEST_MIDLANDS),
    "DG": (SCOTLAND,),
    "DH": (NORTH_EAST,),
    "DL": (NORTH_EAST, YORKSHIRE),
    "DN": (YORKSHIRE, EAST_MIDLANDS),
    "DT": (SOUTH_WEST,),
    "DY": (WEST_MIDLANDS,),
    "E": (LONDON,),
    "EC": (LONDON,),
    "EH": (SCOTLAND,),
    "EN": (LONDON, EAST),
    "EX": (SOUTH_WEST,),
    "FK": (SCOTLAND,),
    "FY": (NORTH_WEST,),
    "G": (SCOTLAND,),
    "GL": (SOUTH_WEST,),
    "GU": (SOUTH_EAST,),
    "HA": (LONDON,),
    "HD": (YORKSHIRE,),
    "HG": (YORKSHIRE,),
    "HP": (SOUTH_EAST, EAST),
    "HR": (WEST_MIDLANDS, WALES),
    "HS": (SCOTLAND,),
    "HU": (YORKSHIRE,),
    "HX": (YORKSHIRE,),
    "IG": (LONDON, EAST),
    "IP": (EAST,),
    "IV": (SCOTLAND,),
    "KA": (SCOTLAND,),
    "KT": (LONDON, SOUTH_EAST),
    "KW": (SCOTLAND,),
    "KY": (SCOTLAND,),
    "L": (NORTH_WEST,),
    "LA": (NORTH_WEST, YORKSHIRE),
    "LD": (WALES, WEST_MIDLANDS),
    "LE": (EAST_MIDLANDS,),
    "LL": (WALES,),
    "LN": (EAST_MIDLANDS,),
    "LS": (YORKSHIRE,),
    "LU": (EAST,),
    "M": (NORTH_WEST,),
    "ME": (SOUTH_EAST,),
    "MK": (SOUTH_EAST, EAST),
    "ML": (SCOTLAND,),
    "N": (LONDON,),
    "NE": (NORTH_EAST,),
    "NG": (EAST_MIDLANDS,),
    "NN": (EAST_MIDLANDS,),
    "NP": (WALES,),
    "NR": (EAST,),
    "NW": (LONDON,),
    "OL": (NORTH_WEST, YORKSHIRE),
    "OX": (SOUTH_EAST,),
    "PA": (SCOTLAND,),
    "PE": (EAST, EAST_MIDLANDS),
    "PH": (SCOTLAND,),
    "PL": (SOUTH_WEST,),
    "PO": (SOUTH_EAST,),
    "PR": (NORTH_WEST,),
    "RG": (SOUTH_EAST,),
    "RH": (SOUTH_EAST,),
    "RM": (LONDON, EAST),
    "S": (YORKSHIRE, EAST_MIDLANDS),
    "SA": (WALES,),
    "SE": (LONDON,),
    "SG": (EAST,),
    "SK": (NORTH_WEST, EAST_MIDLANDS),
    "SL": (SOUTH_EAST,),
    "SM": (LONDON, SOUTH_EAST),
    "SN": (SOUTH_WEST, SOUTH_EAST),
    "SO": (SOUTH_EAST,),
    "SP": (SOUTH_WEST, SOUTH_EAST),
    "SR": (NORTH_EAST,),
    "SS": (EAST,),
    "ST": (WEST_MIDLANDS,),
    "SW": (LONDON,),
    "SY": (WEST_MIDLANDS, WALES),
    "TA": (SOUTH_WEST,),
    "TD": (SCOTLAND, NORTH_EAST),
    "TF": (WEST_MIDLANDS,),
    "TN": (SOUTH_EAST,),
    "TQ": (SOUTH_WEST,),
    "TR": (SOUTH_WEST,),
    "TS": (NORTH_EAST, YORKSHIRE),
    "TW": (LONDON, SOUTH_EAST),
    "UB": (LONDON,),
    "W": (LONDON,),
    "WA": (NORTH_WEST,),
    "WC": (LONDON,),
    "WD": (EAST,),
    "WF": (YORKSHIRE,),
    "WN": (NORTH_WEST,),
    "WR": (WEST_MIDLANDS,),
    "WS": (WEST_MIDLANDS,),
    "WV": (WEST_MIDLANDS,),
    "YO": (YORKSHIRE,),
    "ZE": (SCOTLAND,),
    # the Crown dependencies: no nation or region of the UK
    "GY": (),
    "IM": (),
    "JE": (),
}


def places_of(area: str) -> tuple[Place, ...]:
    """The places a postcode area lies in, the main one first; () for an area that is not one."""
    return AREA_PLACES.get(area, ())
