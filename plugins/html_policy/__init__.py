"""html_policy: what HTML may come out of an editor's Markdown.

Every site's Markdown goes through one Python-Markdown extension (markdown_extension.py):
table alignment becomes classes instead of style= attributes (the CSP forbids inline style),
and on branch sites (or everywhere, with HTML_POLICY_SANITISE_MAIN) raw HTML is cleaned with
an allow-list (nh3): no script, no event handlers, no javascript: or data: URLs, no iframes,
embeds, forms or SVG. `make check` reports what the cleaning removes, with file and line.
"""

from .register import register

__all__ = ["register"]
