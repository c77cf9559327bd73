"""The `promoter` key of branch.yaml and of front matter, as a content_schema field kind."""

from __future__ import annotations

from content_schema.fields import Field, FieldError, FieldErrors, plain_text, text

from .postal_addresses import POSTAL_ADDRESS_RULE, postal_address_problem
from .promoters import Imprint, Promoter

PROMOTER_EXAMPLE = "{name: Sam Okafor, address: '3 Mill Lane, Sheffield S3 8SA'}"
PROMOTER_DOC = "who promotes it, if not the party's promoter: `name` and `address` (and `on_behalf_of`)"


def postal_address(value) -> str:
    value = text(max_length=200)(value)
    wrong = postal_address_problem(value)
    if wrong:
        raise FieldError(f"is not a postal address: {wrong}", POSTAL_ADDRESS_RULE)
    return value


PERSON_FIELDS = (
    Field("name", plain_text(max_length=120, one_script=False), required=True, doc="their name"),
    Field("address", postal_address, required=True, doc="their postal address, ending with the postcode"),
)


def _person(value, at: tuple = ()) -> tuple[Promoter | None, list[FieldError]]:
    if not isinstance(value, dict):
        return None, [
            FieldError(
                "should be a group of `name` and `address` lines",
                f"Indent `name:` and `address:` under it, e.g. `{PROMOTER_EXAMPLE}`.",
                at,
            )
        ]
    errors, values = [], {}
    keys = ("name", "address") if at else ("name", "address", "on_behalf_of")
    for key in value:
        if str(key) not in keys:
            known = ", ".join(f"`{k}`" for k in keys)
            errors.append(FieldError(f"has `{key}`, which it cannot have", f"Its keys are {known}.", (*at, key)))
    for field in PERSON_FIELDS:
        if value.get(field.name) is None:
            errors.append(
                FieldError(
                    f"has no `{field.name}` ({field.doc}): an imprint needs both",
                    f"Add `{field.name}:` under it." + (f" {POSTAL_ADDRESS_RULE}" if field.name == "address" else ""),
                    at,
                )
            )
            continue
        try:
            values[field.name] = field.kind(value[field.name])
        except FieldError as exc:
            errors.append(FieldError(f"`{field.name}` {exc.message}", exc.fix, (*at, field.name)))
    return (Promoter(values["name"], values["address"]) if not errors else None), errors


def promoter(value) -> Imprint:
    """``{name, address}``, with ``on_behalf_of: {name, address}`` when it is published for someone
    else than the site's party (a candidate): an imprint whose on_behalf_of is filled in later,
    from the site's (promoters.more_specific), when it names nobody."""
    person, errors = _person(value)
    other = None
    if isinstance(value, dict) and value.get("on_behalf_of") is not None:
        other, more = _person(value["on_behalf_of"], ("on_behalf_of",))
        errors += more
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise FieldErrors(errors)
    return Imprint(person, other)


PROMOTER_FIELD = Field("promoter", promoter, doc=PROMOTER_DOC, example=PROMOTER_EXAMPLE)
