"""hashed_assets: theme CSS and JavaScript under names that carry a digest of their bytes.

A published page asks for ``/theme/css/site.<digest>.css``; when the file changes, so does
its name, so servers can tell browsers to keep theme files for a year (deploy/). Templates
name assets through the ``asset_url`` filter: ``{{ "css/site.css" | asset_url }}``. With
HASHED_ASSETS off (`make html`) the filter gives the plain name.

JavaScript modules import each other by relative path (search.js imports
./search-query.js). The import is rewritten to the imported file's hashed name before the
importer is hashed, so a change to a module changes the name of every module above it.
"""

from .register import register

__all__ = ["register"]
