"""A Pelican writer that leaves a file alone when its new content is the same as its old.

An unchanged page keeps its bytes and its modification time, so a rebuild with nothing changed
rewrites no file, and rsync and browsers' caches see only what really changed.
"""

from __future__ import annotations

import io
import os

from pelican.writers import FileOverwriteFailedError, Writer

from .atomic import write_atomic
from .containment import OutsideItsFolder, output_destination
from .produced import record


class _ChangedOnlyFile(io.StringIO):
    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding

    def close(self) -> None:
        if not self.closed:
            data = self.getvalue().encode(self.target_encoding)
            if self.path != os.devnull:
                write_if_changed(self.path, data)
        super().close()


def write_if_changed(path: str, data: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            if handle.read() == data:
                record(path)
                return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)  # never in place: a write that fails leaves the old file whole
    record(path)
    return True


class UnchangedFilesWriter(Writer):
    """Pelican's Writer, but `_open_w` hands back a buffer that is written out only if it differs.

    The checks on writing one file twice are Pelican's own (pelican/writers.py, Writer._open_w);
    they are repeated here because Pelican's method opens (and so empties) the file itself.
    """

    def write_file(self, name, *args, **kwargs):
        """Pelican's write_file, with a refused destination (containment) naming the content file
        whose `save_as`, slug or other value led there, when a page or article is being written."""
        try:
            return super().write_file(name, *args, **kwargs)
        except OutsideItsFolder as refused:
            sources = [value.source_path for value in kwargs.values() if getattr(value, "source_path", None)]
            if not sources:
                raise
            source = os.path.relpath(sources[0], self.settings.get("KIT_ROOT") or os.curdir)
            raise OutsideItsFolder(f"{source} (written as {name}): {refused}") from None

    def write_feed(self, elements, context, *args, **kwargs):
        """Pelican's write_feed, given only what a feed may list: the contents the context names in
        ``not_in_feeds`` (front_matter.pairs: each translation, listed by its original) are left out
        before Pelican cuts the list to FEED_MAX_ITEMS, so a feed of pairs still has that many entries."""
        left_out = {id(content) for content in context.get("not_in_feeds", ())}
        return super().write_feed([e for e in elements if id(e) not in left_out], context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        output_destination(self.output_path, filename)  # Pelican's own check does not resolve links
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time')
            filename = os.devnull
        elif filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it previously'
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _ChangedOnlyFile(filename, encoding)
