"""party_brand: the party's logo in every site's header, and the icons made from it.

The national web team puts its logo in the site's theme overrides, ``theme/brand/logo.svg`` or
``logo.png`` (and ``logo-dark.*`` for the dark colour scheme), or names it with BRAND_LOGO. Before
anything is built the logo is read and checked: inside the site's folder, a PNG or an SVG, not too
big, and an SVG cleaned of everything but its drawing (svg_cleaning). When the build ends it writes,
below the theme's folder (``theme/brand/``): the cleaned logo, favicon.ico, a 180 px touch icon,
192 and 512 px icons and site.webmanifest, made again only when the logo, the names or the colours
change. Without a logo the icons show the party's initial on its accent colour. Branches served
from the national host link the national copy; a branch on its own domain has its own.
"""

from .register import register

__all__ = ["register"]
