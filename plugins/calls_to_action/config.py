"""The settings calls_to_action owns, with their defaults (kit_settings.declared_settings)."""

from branch_subsites.official_domains import host_of
from content_schema.fields import FieldError, hostname, url
from kit_settings.declared_settings import Setting, list_of, text_to_text


def https_or_empty(value) -> str | None:
    """An https address on a host, or "" for an action the party does not offer."""
    if value == "":
        return None
    try:
        url(("https",))(value)
    except FieldError as wrong:
        return f'it {wrong.message} (give "" if the site does not offer it)'
    return None


def host_names(value) -> str | None:
    """A list of host names, each as a branch.yaml's `domain` is written (no https://, no path)."""
    for item in value:
        try:
            hostname(item)
        except FieldError:
            return f"it holds {item!r}, which is not a host name: write just the host, like lists.example.org"
    return None


def _newsletter_hosts(settings: dict) -> list[str]:
    host = host_of(settings.get("NEWSLETTER_URL") or "")
    return [host] if host else []


def _field_name(optional: bool):
    def check(value) -> str | None:
        if optional and value == "":
            return None
        return None if value.replace("_", "").replace("-", "").isalnum() else "it must be a form field's name"

    return check


SETTINGS = [
    Setting("JOIN_URL", "", str, 'The https page where a reader joins the party ("": not offered).', https_or_empty),
    Setting("DONATE_URL", "", str, 'The https page where a reader gives money ("": not offered).', https_or_empty),
    Setting(
        "VOLUNTEER_URL",
        "",
        str,
        'The https page where a reader offers to help ("": not offered); a branch.yaml\'s `volunteer:` replaces it '
        "on that branch's site.",
        https_or_empty,
    ),
    Setting(
        "NEWSLETTER_URL",
        "",
        str,
        "Where the newsletter form posts: the party's own list's sign-up address, e.g. Listmonk's "
        'https://lists.example.org/subscription/form ("": no sign-up); a branch.yaml\'s `newsletter:` replaces it.',
        https_or_empty,
    ),
    Setting(
        "NEWSLETTER_HOSTS",
        None,
        list,
        "The only hosts a newsletter form may post to, the party's and every branch's (by default the host "
        "of NEWSLETTER_URL): the servers' Content-Security-Policy lets forms post to these alone, and a "
        "branch.yaml's `newsletter:` elsewhere is an error.",
        lambda value: list_of(str)(value) or host_names(value),
        default_from=_newsletter_hosts,
    ),
    Setting(
        "NEWSLETTER_FIELDS",
        {},
        dict,
        'Hidden fields the list needs with every sign-up, e.g. Listmonk\'s {"l": list UUID, "nonce": ""}; a '
        "branch.yaml's `newsletter_fields:` replaces them with its `newsletter:`.",
        text_to_text,
    ),
    Setting("NEWSLETTER_EMAIL_FIELD", "email", str, "The name of the form's email address field.", _field_name(False)),
    Setting(
        "NEWSLETTER_NAME_FIELD",
        "name",
        str,
        'The name of the form\'s (optional) name field; "" for none.',
        _field_name(True),
    ),
    Setting(
        "NEXT_STEP_PAGES",
        ["about"],
        list,
        "The slugs of the pages that end with the next step (Join, Volunteer, Donate, the newsletter).",
        list_of(str),
    ),
]
