"""branch.yaml: what a branch is, where it is, and how to reach it."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, fields

from content_schema.fields import (
    SLUG_PATTERN,
    Field,
    FieldError,
    boolean,
    email,
    hostname,
    list_of,
    one_of,
    place_slug,
    plain_text,
    text,
    url,
    validate_fields,
)
from content_schema.source_text import FileTooLarge, read_source_text
from content_schema.yaml_source import YamlSyntaxError, load_yaml
from front_matter.language_texts import LanguageTexts, in_languages, shown_text
from front_matter.languages import language
from front_matter.pairs import party_languages, primary
from imprints.promoter_fields import PROMOTER_FIELD
from imprints.promoters import Imprint
from incremental_build.cache_files import load_keyed, store_keyed
from incremental_build.fingerprint import code_digest
from interface_language import N_

from .branch_names import display_name
from .identity import check_branch_domain, check_same_names, national_word, takes_party_name
from .official_domains import newsletter_host_problem, official_domains, unofficial_problem
from .postcodes import DISTRICT_PATTERN, POSTCODE_AREAS, area_of, is_real_area

# Their names are also the interface's words (N_: the catalog has them; templates show them in the
# page's language with the `translated` filter: "Cymru", "Yr Alban").
NATIONS = (N_("England"), N_("Scotland"), N_("Wales"), N_("Northern Ireland"))
ENGLISH_REGIONS = (
    N_("North East"),
    N_("North West"),
    N_("Yorkshire and the Humber"),
    N_("East Midlands"),
    N_("West Midlands"),
    N_("East of England"),
    N_("London"),
    N_("South East"),
    N_("South West"),
)
KINDS = ("local", "network")
# branches/<nation>/ is the directory's page for a nation, so no branch folder may take those names
RESERVED_BRANCH_SLUGS = frozenset("-".join(n.lower().split()) for n in NATIONS)
FORGE_USER_PATTERN = re.compile(r"^@?[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38})$")
BRANCH_FILE = "branch.yaml"
# The largest branch.yaml the kit reads, in bytes: far above any real one, far below what would tie up a build.


@dataclass(frozen=True)
class Channel:
    type: str
    url: str
    label: LanguageTexts  # in each language the branch wrote it in, its own first


@dataclass(frozen=True)
class Branch:
    slug: str
    name: str
    kind: str
    nation: str | None
    region: str | None
    areas: tuple[str, ...]
    contact: str
    description: LanguageTexts | None  # in each language the branch wrote it in, its own first
    meets: LanguageTexts | None
    channels: tuple[Channel, ...]
    editors: tuple[str, ...]
    domain: str | None
    folder: str
    promoter: Imprint | None = None  # the branch's own promoter (a local agent), if not the party's
    picture: str | None = None  # images/... in the branch's folder, for its home page
    picture_alt: str | None = None
    picture_line: int = 0
    areas_line: int = 0  # where `areas:` is written, for problems about districts
    name_line: int = 0
    volunteer: str | None = None  # the branch's own volunteer page, in place of the party's
    newsletter: str | None = None  # where the branch's own newsletter form posts
    newsletter_fields: tuple[tuple[str, str], ...] = ()  # the hidden fields its list needs
    languages: tuple[str, ...] = ()  # its pages' languages, its own first (LANGUAGES); () for the party's
    require_pairs: bool | None = None  # LANGUAGES_REQUIRE_PAIRS for the branch; None for the party's

    @property
    def display_name(self) -> str:
        """ "Sheffield branch" for a local branch; a network's own name (in English: pages say it in
        their own language, branch_names)."""
        return display_name(shown_text(self.name, "en"), self.kind)

    def as_dict(self) -> dict:
        """What templates and settings see (a new dict each time: callers add to it)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}  # dataclasses.asdict deep-copies: 4x slower
        data["channels"] = tuple({"type": c.type, "url": c.url, "label": c.label} for c in self.channels)
        data["display_name"] = self.display_name
        return data


def branch_folder(settings: dict, slug: str) -> str | None:
    """The branch's folder, if ``slug`` names one: a slug whose folder, links resolved, is a folder of
    BRANCHES_PATH with a branch.yaml (what the kit's commands write into when told a branch)."""
    if not SLUG_PATTERN.match(slug):
        return None
    root = os.path.realpath(settings["BRANCHES_PATH"])
    folder = os.path.join(settings["BRANCHES_PATH"], slug)
    if os.path.dirname(os.path.realpath(folder)) != root or not os.path.isfile(os.path.join(folder, BRANCH_FILE)):
        return None
    return folder


def known_branches(settings: dict) -> list[str]:
    """The slugs branch_folder accepts, in name order."""
    return sorted(n for n in os.listdir(settings["BRANCHES_PATH"]) if branch_folder(settings, n))


def postcode_district(value) -> str:
    district = re.sub(r"\s+", "", str(value)).upper()
    if not DISTRICT_PATTERN.match(district):
        raise FieldError(
            f"`{value}` is not a postcode district",
            "Write the first half of a postcode only, like S1, S10, BT7 or EH12.",
        )
    if not is_real_area(district):
        close = difflib.get_close_matches(area_of(district), sorted(POSTCODE_AREAS), n=1)
        raise FieldError(
            f"`{value}` is not a UK postcode district: no postcodes start with {area_of(district)}",
            (f"Did you mean {close[0]}? " if close else "") + "Check the first letters against a letter's address.",
        )
    return district


def form_fields(value) -> tuple[tuple[str, str], ...]:
    """`newsletter_fields:`: field name -> value, the hidden fields a list wants with each sign-up."""
    if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
        raise FieldError(
            "should be a group of `name: value` lines",
            "Indent each hidden field under `newsletter_fields:`, e.g. `  l: 6f1b2c3d-...` (Listmonk's list id).",
        )
    for key, item in value.items():
        if not isinstance(item, (str, int)) or not str(item).isprintable():
            raise FieldError(f"has `{key}` set to {item!r}", "Give each field a plain text value, in quotes if unsure.")
    return tuple(sorted((key, str(item)) for key, item in value.items()))


def forge_user(value) -> str:
    value = text()(value)
    if not FORGE_USER_PATTERN.match(value):
        raise FieldError(
            f"`{value}` is not a forge user name",
            "Write the user name as it appears in the forge, e.g. asha-k, without spaces.",
        )
    return value.lstrip("@")


def channel_fields(channel_types: dict) -> tuple[Field, ...]:
    return (
        Field("type", one_of(tuple(channel_types)), required=True, doc="what kind of channel", example="signal"),
        Field("url", url(("https", "mailto")), required=True, doc="its https address", example="https://..."),
        Field(
            "label",
            in_languages(plain_text(max_length=80)),
            required=True,
            doc="its name in plain words",
            example="Members' group",
        ),
    )


def site_languages(value) -> list[str]:
    """`languages: [cy, en]`: language codes, each once, the branch's own first."""
    codes = list_of(language, split_commas=True, min_items=1)(value)
    seen = set()
    for code in codes:
        if primary(code) in seen:
            raise FieldError(f"names `{code}` twice", "Write each language once, the branch's own first: `[cy, en]`.")
        seen.add(primary(code))
    return codes


def branch_fields(channel_types: dict) -> tuple[Field, ...]:
    def channel(value):
        if not isinstance(value, dict):
            raise FieldError(
                "should be a group of `type`, `url` and `label` lines",
                "Start each channel with `- type: ...` and indent `url:` and `label:` under it.",
            )
        return value  # checked field by field in load_branch, for their own lines

    return (
        Field(
            "name",
            in_languages(plain_text(max_length=60)),
            required=True,
            doc="the branch's name",
            example="Sheffield",
        ),
        Field("kind", one_of(KINDS), required=True, doc="local, or network for a non-geographic one", example="local"),
        Field("nation", one_of(NATIONS), doc="England, Scotland, Wales or Northern Ireland", example="England"),
        Field("region", plain_text(max_length=60), doc="for England, one of the nine regions", example="South West"),
        Field("areas", list_of(postcode_district, split_commas=True), doc="postcode districts", example="[S1, S2]"),
        Field("contact", email, required=True, doc="an email address", example="sheffield@example.org"),
        Field(
            "description",
            in_languages(plain_text(max_length=400, one_script=False)),
            doc="one or two sentences about the branch (or one per language, each under its code: `cy:`, `en:`)",
        ),
        Field(
            "meets",
            in_languages(plain_text(max_length=200, one_script=False)),
            doc="when and where it meets (or one per language, as for `description`)",
            example="Second Tuesday, 7pm",
        ),
        Field("channels", list_of(channel), doc="where to talk to the branch"),
        Field("editors", list_of(forge_user, split_commas=True, min_items=1), required=True, example="[asha-k]"),
        Field(
            "domain",
            hostname,
            doc="the branch's own domain, the one the national team gave it (BRANCH_GIVEN_DOMAINS)",
            example="sheffield.example.org",
        ),
        Field("picture", text(), doc="a picture from the branch's images/ folder, for its home page"),
        Field(
            "picture_alt",
            plain_text(max_length=300, one_script=False),
            doc="what the picture shows, for people who cannot see it",
            example="Members planting a hedge on Abbeydale Road",
        ),
        Field(
            "volunteer",
            url(("https",)),
            doc="the branch's own volunteer page, in place of the party's",
            example="https://join.example.org/volunteer/sheffield",
        ),
        Field(
            "newsletter",
            url(("https",)),
            doc="where the branch's own newsletter form posts",
            example="https://lists.example.org/subscription/form",
        ),
        Field("newsletter_fields", form_fields, doc="hidden fields its list needs", example="{l: 6f1b2c3d-...}"),
        Field(
            "languages",
            site_languages,
            doc="the languages of its pages, its own first (the language of a page with no `lang:`)",
            example="[cy, en]",
        ),
        Field(
            "require_pairs",
            boolean,
            doc="true: every Welsh (or other non-English) page, post and event needs its English translation",
            example="true",
        ),
        PROMOTER_FIELD,
    )


def branch_language_values(folder: str, settings: dict) -> tuple[list[str], bool | None]:
    """A branch's `languages:` and `require_pairs:` (empty and None where it has none, or they are
    wrong: load_branch reports that), for the checks of its pages."""
    from content_schema import ProblemList

    try:
        document = load_yaml(read_source_text(os.path.join(folder, BRANCH_FILE), settings["BRANCH_YAML_MAX_BYTES"]))
    except (UnicodeDecodeError, FileTooLarge, OSError, YamlSyntaxError):
        return [], None
    if not isinstance(document.data, dict):
        return [], None
    wanted = [f for f in branch_fields(settings["BRANCH_CHANNEL_TYPES"]) if f.name in ("languages", "require_pairs")]
    data = {key: document.data[key] for key in ("languages", "require_pairs") if key in document.data}
    values = validate_fields(
        data, wanted, line_of=document.line_of, report=ProblemList(root=folder), path=folder, what="branch.yaml"
    )
    return list(values.get("languages", ())), values.get("require_pairs")


def load_branch(folder: str, settings: dict, report) -> Branch | None:
    """Read and validate ``folder/branch.yaml``; None (with problems reported) if unusable."""
    slug = os.path.basename(os.path.normpath(folder))
    path = os.path.join(folder, BRANCH_FILE)
    bad_slug = not SLUG_PATTERN.match(slug)
    if bad_slug:
        suggestion = re.sub(r"[^a-z0-9]+", "-", slug.lower()).strip("-") or "my-branch"
        report.error(
            folder,
            0,
            f"the folder name `{slug}` cannot be a branch's web address",
            f"Rename the folder to lower-case letters, digits and hyphens, e.g. `{suggestion}`.",
        )
    if slug in RESERVED_BRANCH_SLUGS:
        bad_slug = True
        report.error(
            folder,
            0,
            f"a branch cannot be called `{slug}`: branches/{slug}/ lists the branches of that nation",
            f"Rename the folder to the branch's town or city, e.g. `{slug}-central`.",
        )
    if not os.path.isfile(path):
        report.error(
            path,
            0,
            "this branch folder has no branch.yaml",
            "Add branch.yaml (run `make new-branch`, or copy one from another branch and change it).",
        )
        return None
    try:
        document = load_yaml(read_source_text(path, settings["BRANCH_YAML_MAX_BYTES"]))
    except UnicodeDecodeError:
        report.error(path, 0, "branch.yaml is not saved as UTF-8 text", "Save it as UTF-8.")
        return None
    except FileTooLarge as exc:
        report.error(path, 1, exc.message, "Keep to the keys of the example: a branch.yaml is a page of text.")
        return None
    except OSError as exc:
        report.error(path, 0, f"branch.yaml cannot be read ({exc.strerror or exc})", "Make it an ordinary text file.")
        return None
    except YamlSyntaxError as exc:
        report.error(path, exc.line, f"branch.yaml cannot be read: {exc.message}", exc.fix)
        return None

    channel_types = settings["BRANCH_CHANNEL_TYPES"]
    before = len(report.errors)
    values = validate_fields(
        document.data,
        branch_fields(channel_types),
        line_of=document.line_of,
        report=report,
        path=path,
        what="branch.yaml",
        missing_line=1,
    )
    channels = []
    raw_channels = document.data.get("channels") if isinstance(document.data, dict) else None
    for index, raw in enumerate(raw_channels if isinstance(raw_channels, list) else []):
        if not isinstance(raw, dict):
            continue  # reported by the `channels` field itself
        fields = validate_fields(
            raw,
            channel_fields(channel_types),
            line_of=document.line_of,
            report=report,
            path=path,
            what="channel",
            base_key=("channels", index),
            missing_line=document.line_of("channels", index),
        )
        if len(fields) == 3:
            _check_channel(fields, index, document, path, settings, report)
            channels.append((index, fields))
    _check_geography(values, document, path, report)
    _check_text_languages(values, channels, document, path, settings, report)
    channels = [Channel(**fields) for _, fields in channels]
    _check_identity(slug, values, document, path, settings, report)
    _check_picture(values, document, folder, path, settings, report)
    _check_calls_to_action(slug, values, document, path, settings, report)
    if bad_slug or len(report.errors) > before:
        return None
    return Branch(
        slug=slug,
        name=values["name"],
        kind=values["kind"],
        nation=values.get("nation"),
        region=values.get("region"),
        areas=tuple(values.get("areas", ())),
        contact=values["contact"],
        description=values.get("description"),
        meets=values.get("meets"),
        channels=tuple(channels),
        editors=tuple(values["editors"]),
        domain=values.get("domain"),
        folder=os.path.abspath(folder),
        promoter=values.get("promoter"),
        picture=values.get("picture"),
        picture_alt=values.get("picture_alt"),
        picture_line=document.line_of("picture"),
        areas_line=document.line_of("areas"),
        name_line=document.line_of("name"),
        volunteer=values.get("volunteer"),
        newsletter=values.get("newsletter"),
        newsletter_fields=values.get("newsletter_fields", ()),
        languages=tuple(values.get("languages", ())),
        require_pairs=values.get("require_pairs"),
    )


def _check_text_languages(values: dict, channels: list, document, path: str, settings: dict, report) -> None:
    """`name:`, `description:`, `meets:` and a channel's `label:` written per language only in the branch's
    languages; a text written once is in the branch's own (the first of `languages:`; a branch without
    it has the party's). ``channels``: (index, fields) of each channel."""
    if isinstance(document.data, dict) and document.data.get("languages") and not values.get("languages"):
        return  # `languages:` itself is wrong, and reported: which texts are out of place is not known
    languages = list(values.get("languages") or ()) or list(party_languages(settings))
    texts = [((key,), f"`{key}`", values) for key in ("name", "description", "meets")]
    texts += [(("channels", index, "label"), f"channel {index + 1}'s `label`", fields) for index, fields in channels]
    for where, name, holder in texts:
        key = where[-1]
        if holder.get(key) is None:
            continue
        for code in holder[key].undeclared(languages):
            report.error(
                path,
                document.line_of(*where, code),  # the key's own line where the code has none
                f"{name} has a text in `{code}`, but the branch's pages are in {', '.join(languages)}",
                f"Add `{code}` to `languages:` (the branch's own language first), or delete the `{code}:` line.",
            )
        holder[key] = holder[key].in_languages(languages)


def _check_calls_to_action(slug: str, values: dict, document, path: str, settings: dict, report) -> None:
    """A branch's volunteer page and newsletter are on the party's official domains (the branch's own
    counts only when the party gave it, BRANCH_GIVEN_DOMAINS), its newsletter form posts to one of the
    party's NEWSLETTER_HOSTS, and hidden fields come with a newsletter."""
    domains = official_domains(settings, slug)
    ask = (
        "ask the national web team to add it to OFFICIAL_DOMAINS in pelicanconf.py or, if it is the "
        f'branch\'s own domain, to give it to the branch (`"{slug}": "{{host}}"` in BRANCH_GIVEN_DOMAINS)'
    )
    for key in ("volunteer", "newsletter"):
        if not values.get(key):
            continue
        problem = unofficial_problem(f"`{key}`", values[key], domains, ask)
        if problem is None and key == "newsletter":
            problem = newsletter_host_problem(
                "`newsletter`",
                values[key],
                settings,
                "ask the national web team to add it to NEWSLETTER_HOSTS in pelicanconf.py; or delete the "
                "`newsletter:` line and the branch's pages offer the party's newsletter",
            )
        if problem:
            report.error(path, document.line_of(key), *problem)
    if values.get("newsletter_fields") and not values.get("newsletter"):
        report.error(
            path,
            document.line_of("newsletter_fields"),
            "`newsletter_fields` without a `newsletter`: they would go with the party's form, not the branch's",
            "Add `newsletter:` with the address the branch's form posts to, or remove `newsletter_fields`.",
        )


def _check_channel(channel: dict, index: int, document, path: str, settings: dict, report) -> None:
    """What a channel's own fields cannot tell: mailto: only for email, and channels the party discourages."""
    kind = channel["type"]
    if channel["url"].startswith("mailto:") and kind not in settings["BRANCH_EMAIL_CHANNEL_TYPES"]:
        report.error(
            path,
            document.line_of("channels", index, "url"),
            f"a `{kind}` channel has a mailto: address",
            "Give its https:// address; only email channels may be a mailto: address.",
        )
    for code, label in channel["label"].texts:  # each language's: none may pass for the party's
        party = takes_party_name(label, settings)
        claim = national_word(label, settings)
        if party or claim:
            report.error(
                path,
                document.line_of("channels", index, "label", code),
                f"the channel label `{label}` "
                + (f"uses the party's name ({party})" if party else f"says `{claim}`")
                + ": a branch's channel would pass for the party's own",
                "Name the channel as the branch's, e.g. `Sheffield Signal group`. National channels are listed "
                "by the national site; link to them from a page instead.",
            )
    discouraged = settings["BRANCH_DISCOURAGED_CHANNELS"].get(kind)
    if discouraged:
        report.warning(
            path,
            document.line_of("channels", index, "type"),
            f"a `{kind}` channel: {settings['BRANCH_CHANNEL_TYPES'][kind]}s let a company outside the party "
            "see who is involved and who talks to whom",
            f"The party prefers {discouraged}. Keep this channel only while people move across.",
        )


def _check_picture(values: dict, document, folder: str, path: str, settings: dict, report) -> None:
    """The branch's picture is a file in its own images/ folder, with words for who cannot see it."""
    from responsive_images.references import IMAGE, PictureUse, resolve  # the plugin imports this module
    from responsive_images.source_files import PictureTrouble

    picture, alt = values.get("picture"), values.get("picture_alt")
    if picture is None:
        if alt is not None:
            report.warning(
                path,
                document.line_of("picture_alt"),
                "`picture_alt` is given, but there is no `picture`",
                "Add the picture with `picture: images/...`, or delete the `picture_alt` line.",
            )
        return
    line = document.line_of("picture")
    if alt is None:
        report.error(
            path,
            line,
            "the branch's picture has no `picture_alt` text",
            "Add `picture_alt:` saying what the picture shows, for readers who cannot see it.",
        )
    try:
        resolve(PictureUse(IMAGE, picture, line, alt), path, folder, settings["RESPONSIVE_IMAGES_FOLDER"])
    except PictureTrouble as trouble:
        report.error(
            path, line, trouble.message.replace("`image`", "`picture`", 1), trouble.fix.replace("image:", "picture:")
        )


def _check_geography(values: dict, document, path: str, report) -> None:
    kind, nation, region = values.get("kind"), values.get("nation"), values.get("region")
    if kind == "local":
        if "nation" not in document.data:
            report.error(
                path,
                1,
                "a local branch needs a `nation`",
                "Add `nation:` England, Scotland, Wales or Northern Ireland.",
            )
        if not values.get("areas") and "areas" not in document.data:
            report.error(
                path,
                1,
                "a local branch needs the postcode `areas` it covers",
                "Add e.g. `areas: [S1, S2, S10]` so readers can find the branch by postcode.",
            )
    if kind == "network" and values.get("areas"):
        report.error(
            path,
            document.line_of("areas"),
            "a network branch is not tied to a place, so it has no postcode `areas`",
            "Delete the `areas:` line, or make the branch `kind: local`.",
        )
    if nation == "England" and kind == "local" and region is None and "region" not in document.data:
        report.error(
            path,
            document.line_of("nation"),
            "a local branch in England needs its `region`",
            f"Add `region:` with one of: {', '.join(ENGLISH_REGIONS)}.",
        )
    if nation == "England" and region is not None:
        try:
            values["region"] = one_of(ENGLISH_REGIONS)(region)
        except FieldError as exc:
            report.error(path, document.line_of("region"), f"`region` {exc.message}", exc.fix)
    elif region is not None:
        _check_free_region(region, document, path, report)


def _check_free_region(region: str, document, path: str, report) -> None:
    """Outside England a region is the branch's own words, and its page's address is made from them."""
    if re.search(r"[/\\]|\.\.", region) or not place_slug(region):
        report.error(
            path,
            document.line_of("region"),
            f"`region` is `{region}`, which cannot be the address of the region's page",
            "Write the region's name in words, e.g. `Highlands and Islands`, without / or ..",
        )
    elif not SLUG_PATTERN.match(place_slug(region)):  # place_slug only makes slugs: a guard against its change
        report.error(path, document.line_of("region"), f"`region` is `{region}`", "Write the region's name in words.")


def _check_identity(slug: str, values: dict, document, path: str, settings: dict, report) -> None:
    """A branch is never the party: not its name, not a name claiming to be national, not its domain."""
    names = values["name"].texts if isinstance(values.get("name"), LanguageTexts) else ()
    for code, name in names:  # each language's: none may pass for the party
        party = takes_party_name(name, settings)
        claim = national_word(name, settings)
        if party or claim:
            why = f"the party's name ({party}) belongs to the national site" if party else None
            report.error(
                path,
                document.line_of("name", code),
                f"a branch cannot be called `{name}`: " + (why or f"`{claim}` says it speaks for the party"),
                "Name the branch after its place (`Sheffield`) or, for a network, after what it does "
                "(`Co-operators' Network`); the site already shows it is part of the party.",
            )
    domain = values.get("domain")
    problem = check_branch_domain(slug, domain, settings) if domain else None
    if problem:
        report.error(path, document.line_of("domain"), *problem)


_loaded: dict[str, tuple[list[Branch], list]] = {}
# The settings besides BRANCH_* that a branch.yaml is checked against (the party's names and domains,
# its newsletter hosts, the pictures' folder): a change to one, in a file or given to the build, checks
# every branch again. (MAIN_SITEURL and MAIN_SITENAME are made from SITEURL and SITENAME, during the build.)
CHECKED_AGAINST = ("SITENAME", "AUTHOR", "SITEURL", "OFFICIAL_DOMAINS", "NEWSLETTER_HOSTS", "RESPONSIVE_IMAGES_FOLDER")


def load_branches(settings: dict, report) -> list[Branch]:
    """Every valid branch under BRANCHES_PATH, in slug order; problems go to ``report``.

    One build asks three times (the checks, CODEOWNERS, the generator), and at 650 branches reading
    every branch.yaml takes half a second: the result is kept, in this process and in CACHE_PATH,
    while no branch.yaml, branch folder, branch setting or plugin changes."""
    root = settings.get("BRANCHES_PATH")
    if not root or not os.path.isdir(root):
        return []
    key = _load_key(root, settings, report.root)
    if key not in _loaded:
        path = os.path.join(settings["CACHE_PATH"], "branches.pickle") if settings.get("CACHE_PATH") else None
        stored = load_keyed(path, key) if path else None
        if stored is None:
            report_size = len(report.problems)
            branches = _load_all(root, settings, report)
            stored = (branches, report.problems[report_size:])
            if path:
                store_keyed(path, key, stored)
            report.problems[report_size:] = []  # added again below, as for a stored result
        _loaded.clear()
        _loaded[key] = stored
    branches, problems = _loaded[key]
    report.extend(problems)
    return list(branches)


def _load_key(root: str, settings: dict, report_root: str) -> str:
    parts = [report_root, root, code_digest(settings)]
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, BRANCH_FILE)
        try:
            stat = os.stat(path)
            parts.append(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{name}\0-")
    parts += [repr(settings.get(k)) for k in sorted(settings) if k.startswith("BRANCH") and k != "BRANCH_EXPORTS"]
    parts += [repr(settings.get(k)) for k in CHECKED_AGAINST]
    return "\n".join(parts)


def _load_all(root: str, settings: dict, report) -> list[Branch]:
    branches = []
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if os.path.isdir(folder) and not name.startswith("."):
            branch = load_branch(folder, settings, report)
            if branch is not None:
                branches.append(branch)
    _check_unique_domains(branches, report)
    check_same_names(branches, report, BRANCH_FILE)
    _check_shared_districts(branches, report)
    return branches


def _check_shared_districts(branches: list[Branch], report) -> None:
    """Two local branches covering one district: allowed (both are listed), but worth a look."""
    owners: dict[str, list[Branch]] = {}
    for branch in branches:
        for district in branch.areas:
            owners.setdefault(district, []).append(branch)
    for district, claimed in sorted(owners.items()):
        if len(claimed) > 1:
            names = " and ".join(b.display_name for b in claimed)
            for branch in claimed:
                report.warning(
                    os.path.join(branch.folder, BRANCH_FILE),
                    branch.areas_line,
                    f"{district} is covered by both {names}; the finder lists both",
                    "If that is not meant, agree which branch covers it and remove it from the other's `areas`.",
                )


def _check_unique_domains(branches: list[Branch], report) -> None:
    owners: dict[str, list[Branch]] = {}
    for branch in branches:
        if branch.domain:
            owners.setdefault(branch.domain, []).append(branch)
    for domain, claimed in owners.items():
        if len(claimed) > 1:
            names = " and ".join(b.slug for b in claimed)
            for branch in claimed:
                report.error(
                    os.path.join(branch.folder, BRANCH_FILE),
                    0,
                    f"the domain {domain} is claimed by {names}",
                    "Each branch needs its own domain; remove `domain:` from all but one.",
                )
