"""privacy_notice: every site's privacy notice, written from the settings and what the build knows.

The kit's pages set no cookies and, served under deploy/'s Content-Security-Policy, load nothing
from another host; the notice says so, says what the host's server logs hold and for how long, and
lists every place on that site where a reader can hand over data, each with who controls it.
Political opinions are special category data: the notice names the party's data protection
contact and where its appropriate policy document is. Every page's footer links to it.
"""

from .register import register

__all__ = ["register"]
