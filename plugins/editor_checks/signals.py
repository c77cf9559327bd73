"""The one signal of this plugin.

``check_site.send(settings, sites=..., report=...)``: each receiver checks what
its plugin owns in every site folder and adds problems to ``report`` (a
ProblemList). ``sites`` is a list of SiteFolder, the main site first.
"""

from blinker import signal

check_site = signal("editor_checks.check_site")
