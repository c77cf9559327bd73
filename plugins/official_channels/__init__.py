"""official_channels: the page and official.json that say which domains, senders and accounts are the party's.

Supporters get convincing emails pointing at look-alike domains. This lists every real one
(the main site, each branch domain, the email sender domains, the accounts in pelicanconf.py and
every branch.yaml) and says how to report a fake. Every page's footer links to it.
"""

from .register import register

__all__ = ["register"]
