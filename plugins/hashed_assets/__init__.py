"""hashed_assets: theme CSS and JavaScript under names that carry a digest of their bytes.

A published page asks for ``/theme/css/site.<digest>.css``; when the file changes, so does
its name, so servers can tell browsers to keep theme files for a year (deploy/). Templates
name assets through the ``asset_url`` filter: ``{{ "css/site.css" | asset_url }}``. With
HASHED_ASSETS off (`make html`) the filter gives the plain name.

JavaScript modules import each other by relative path (search.js imports
./search-query.js). The import is rewritten to the imported file's hashed name before the
importer is hashed, so a change to a module changes the name of every module above it.

When a build starts it also adds the site's own theme folder over the kit's theme (site_theme.py:
its template overrides, its static files, its ``css/party.css`` linked after the kit's stylesheet)
and keeps the compiled templates under CACHE_PATH, before the theme files are named.
"""

from .register import register

__all__ = ["register"]
