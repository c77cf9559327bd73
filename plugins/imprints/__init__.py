"""imprints: the digital imprint (Elections Act 2022, part 6) on everything a site publishes.

Who promotes the material, and on whose behalf, with their postal addresses, as one sentence: in
every HTML page's footer, in every Atom entry, in official.json. The national promoter is a setting
(``config``); a branch may name its own in branch.yaml, a page, post or event in its front matter;
the most specific one applies (``promoters``). docs/imprints.md says what the law asks.
"""

from .register import register

__all__ = ["register"]
