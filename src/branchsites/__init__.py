"""branchsites: a party's national website and one subsite per local branch, built with Pelican.

The installed package holds the kit's Pelican plugins and theme; a site's pelicanconf.py takes their
folders from branchsites.paths. The version is kept here and nowhere else (pyproject.toml reads it).
"""

__version__ = "0.1.0"
