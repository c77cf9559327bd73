"""site_search: a lunr index per site, built here and searched in the reader's browser with lunr.js.

Nothing is sent anywhere: search/ loads search/search.json (index and result cards; in Welsh or Gaelic
search/search.cy.json, search/search.gd.json: search_languages) and the npm package lunr's lunr.min.js,
which the main build copies once into the theme folder.
"""

from .register import register

__all__ = ["register"]
