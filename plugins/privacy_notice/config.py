"""The settings privacy_notice owns, with their defaults (kit_settings.declared_settings)."""

from __future__ import annotations

import re

from content_schema.fields import email
from kit_settings.declared_settings import Setting, address, field_kind, whole

REQUIRED_POINT_KEYS = {"what", "url", "controller", "purpose"}
POINT_KEYS = REQUIRED_POINT_KEYS | {"label", "elsewhere"}
ICO_REGISTRATION = re.compile(r"^Z[A-Z0-9][0-9]{6}$")  # the ICO's register: Z1234567, ZA123456, ZB123456


def _data_protection_contact(value) -> str | None:
    if not {"name", "email"} <= set(value) or not set(value) <= {"name", "email", "address"}:
        return "it must be a dict with `name` and `email` (and `address`, a postal address, if you give one)"
    if not all(isinstance(v, str) and v.strip() for v in value.values()):
        return "its `name`, `email` and `address` must be texts"
    return field_kind(email, "its email")(value["email"])


def _ico_registration(value) -> str | None:
    if not ICO_REGISTRATION.match(value):
        return "it must be an ICO registration number as the register shows it, like Z1234567 or ZA123456"
    return None


def _collection_points(value) -> str | None:
    for point in value:
        if not isinstance(point, dict) or not REQUIRED_POINT_KEYS <= set(point) <= POINT_KEYS:
            return (
                f"every place must be a dict with `what`, `url`, `controller` and `purpose` "
                f"(and `label`, `elsewhere` if wanted), not {point!r}"
            )
        if not point["url"].startswith(("https://", "mailto:")):
            return f"every place's `url` must be an https: or mailto: address, not {point['url']!r}"
    return None


def _web_address(value) -> str | None:
    return None if value.startswith("https://") else "it must be an https:// address"


SETTINGS = [
    Setting("PRIVACY_URL", "privacy/", str, "Every site's privacy notice.", address),
    Setting("PRIVACY_SAVE_AS", "privacy/index.html", str, "Where that page is written.", address),
    Setting(
        "PRIVACY_CONTROLLER",
        None,
        str,
        "The party as the law knows it, the controller of what readers send (default: SITENAME).",
        default_from=lambda settings: settings.get("MAIN_SITENAME") or settings["SITENAME"],
    ),
    Setting(
        "PRIVACY_DATA_PROTECTION_CONTACT",
        None,
        dict,
        "The party's data protection contact: {name, email} and, if you give one, a postal `address`.",
        _data_protection_contact,
    ),
    Setting(
        "PRIVACY_APPROPRIATE_POLICY_URL",
        None,
        (str, type(None)),
        "The https address of the party's appropriate policy document (special category data); "
        "without one, the notice says to ask the data protection contact for it.",
        _web_address,
    ),
    Setting(
        "PRIVACY_SPECIAL_CATEGORY_CONDITION",
        "the condition for registered political parties in the Data Protection Act 2018, Schedule 1, paragraph 22",
        str,
        "The condition under which the party handles what reveals a reader's political opinions.",
    ),
    Setting(
        "PRIVACY_ICO_REGISTRATION",
        None,
        (str, type(None)),
        "The party's ICO registration number (Z1234567), shown when set.",
        _ico_registration,
    ),
    Setting(
        "PRIVACY_SERVER_LOG_DAYS",
        None,
        int,
        "How many days the web host keeps its server logs (ask the host, or read its log rotation).",
        whole(1, 3660),
    ),
    Setting(
        "PRIVACY_HOST",
        None,
        (str, type(None)),
        "The company that hosts the sites and keeps the server logs for the party, named when set.",
    ),
    Setting(
        "PRIVACY_COLLECTION_POINTS",
        [],
        list,
        "Other places a reader hands over data (sign-up, donation pages), each {what, url, controller, "
        "purpose} and, if wanted, `label` and `elsewhere` (True when another service runs it).",
        _collection_points,
    ),
]
