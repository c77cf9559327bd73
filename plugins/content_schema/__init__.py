"""content_schema: the rules editors' files are read by, and the problems they report.

Not a Pelican plugin of its own (nothing to register): the library the content plugins share.
``fields`` holds the field kinds and the validation of a mapping (front matter, branch.yaml),
``yaml_source`` reads YAML as editors write it with the line of every key, ``source_text`` reads an
editor's file whole up to a size, ``lookalikes`` finds text that could pass for other text, and
``problems`` is what an editor did wrong, where, and how to put it right. The rules themselves,
which keys each kind of file takes, live with the plugin that reads that file:
``front_matter.schemas``, ``events.schema``, ``branch_subsites.branch_config``.
"""

from .problems import ContentProblems, Problem, ProblemList

__all__ = ["ContentProblems", "Problem", "ProblemList"]
