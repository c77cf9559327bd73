"""Bring a party's existing content into the kit: a Squarespace (WordPress WXR) export and calendar
feeds become the kit's own files, each old address recorded for its redirect (docs/migrating.md)."""
