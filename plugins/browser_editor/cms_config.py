"""The CMS configuration (admin/config.yml) of one site: where its files are, their forms, and the
forge it saves to. Made from the site's settings and the kit's content schemas, never by hand."""

from __future__ import annotations

import os

import yaml

from events.schema import EVENT
from front_matter.schemas import NEWS, PAGE

from .cms_fields import cms_fields

# The file names the kit's scaffolding gives (scaffold.writers: news/<date>-<title>.md, events/<start date>-<title>.md).
COLLECTIONS = (
    ("news", "News", "news", NEWS, "{{fields.date | date('YYYY-MM-DD')}}-{{slug}}", "{{date}} · {{title}}"),
    ("events", "Events", "events", EVENT, "{{fields.start | date('YYYY-MM-DD')}}-{{slug}}", "{{start}} · {{title}}"),
    ("pages", "Pages", "pages", PAGE, "{{slug}}", "{{title}}"),
)

LOCAL_BACKEND_URL = "http://localhost:8081/api/v1"  # decap-server's address (docs/editors.md)


def repository_root(settings: dict) -> str:
    """The folder the site's repository holds: KIT_ROOT, or the one with branches/ and content/ in it."""
    return os.path.abspath(settings.get("KIT_ROOT") or os.path.dirname(os.path.abspath(settings["BRANCHES_PATH"])))


def content_folder(settings: dict) -> str:
    """This site's Markdown folder as a path in the repository (content, branches/<slug>), with /."""
    relative = os.path.relpath(os.path.abspath(settings["PATH"]), repository_root(settings))
    if relative.startswith(os.pardir):
        raise ValueError(f"{settings['PATH']} is not inside the site's repository {repository_root(settings)}")
    return relative.replace(os.sep, "/")


def backend(settings: dict) -> dict:
    forge = settings["CMS_FORGE"]
    result = {
        "name": forge,
        "repo": settings["CMS_REPO"],
        "branch": settings["CMS_BRANCH"],
        "api_root": settings["CMS_API_ROOT"],
        "base_url": settings["CMS_BASE_URL"],
    }
    if forge in {"gitlab", "forgejo"} and settings["CMS_APP_ID"]:
        result["app_id"] = settings["CMS_APP_ID"]
        if forge == "gitlab":
            result["auth_type"] = "pkce"
    result["squash_merges"] = True
    return result


def cms_config(settings: dict) -> dict:
    folder = content_folder(settings)
    collections = []
    for name, label, subfolder, schema, slug, summary in COLLECTIONS:
        collections.append(
            {
                "name": name,
                "label": label,
                "folder": f"{folder}/{subfolder}",
                "create": True,
                "extension": "md",
                "format": "yaml-frontmatter",
                "slug": slug,
                "summary": summary,
                "fields": cms_fields(schema),
            }
        )
    return {
        "backend": backend(settings),
        "publish_mode": "editorial_workflow",  # every save is a pull request (merge request)
        "local_backend": {"url": LOCAL_BACKEND_URL, "allowed_hosts": ["localhost", "127.0.0.1"]},
        "site_url": settings["SITEURL"],
        "media_folder": f"{folder}/images",
        "public_folder": "images",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections,
    }


def cms_config_text(settings: dict) -> bytes:
    """config.yml: YAML (a safe dump, so no value can become YAML of its own), keys in a fixed order."""
    return yaml.safe_dump(cms_config(settings), sort_keys=False, allow_unicode=True, width=1000).encode()
