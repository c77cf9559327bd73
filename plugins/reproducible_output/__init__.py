"""reproducible_output: the same input gives byte-identical files.

"Now" is SOURCE_DATE_EPOCH when it is set (https://reproducible-builds.org/),
else the time the build started; every site of one build shares it.
"""

from .register import register

__all__ = ["register"]
