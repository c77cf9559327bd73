"""build_pipeline: the kit's build, in the order it runs; the one kit plugin a site lists.

A site's PLUGINS holds ``"build_pipeline"`` (and any plugins of its own): ``pipeline.STAGES`` says
what the build does, stage by stage, and which part of the kit does each; ``register`` connects
every part in that order, so the order is the kit's, never the order of a list in a site's settings.
"""

import os
import sys

# Every kit part and library imports the others by name (``from events.ical import ...``). Pelican
# finds plugins through PLUGIN_PATHS without putting them on sys.path, so the kit's folder goes
# there as the pipeline loads: each part then imports what it uses, whatever PLUGINS lists.
_KIT_PLUGINS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _KIT_PLUGINS not in sys.path:
    sys.path.append(_KIT_PLUGINS)

from .pipeline import DECLARING, PARTS, STAGES, TOOLS, register  # noqa: E402

__all__ = ["DECLARING", "PARTS", "STAGES", "TOOLS", "register"]
