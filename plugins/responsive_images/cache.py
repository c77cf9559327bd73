"""One site's cache of processed pictures, verdicts on picture files, and share cards.

Everything is found by the hash of what it was made from and the settings that shape it, so an
unchanged site processes nothing, and a branch folder moved or checked out again still hits.
It lives in the site's own CACHE_PATH (a branch's is its own), and what a build did not use is
removed at its end, so the cache holds what the site uses now and no more.

    <CACHE_PATH>/responsive-images/
        sources.json                      file -> size, mtime, sha256 (hashing is skipped when unchanged)
        verdicts/<sha256><.ext>-<settings> a file found to be a usable picture
        pictures/<sha256>-<settings>/     meta.json and every copy (full.jpg, 480w.jpg, 480w.webp ...)
        cards/<digest>.png                share cards
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass

from incremental_build.cache_files import write_atomic

from .config import ImageSettings
from .pipeline import EXTENSIONS, ProcessedPicture, Variant

FOLDER = "responsive-images"


@dataclass(frozen=True)
class StoredPicture:
    """A processed picture in the cache: its facts, and its copies as files in ``folder``."""

    format: str
    width: int
    height: int
    variants: tuple[Variant, ...]
    webp: bool
    folder: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]

    def file(self, name: str) -> str:
        return os.path.join(self.folder, name)


class PictureCache:
    def __init__(self, cache_path: str, config: ImageSettings):
        self.root = os.path.join(cache_path, FOLDER)
        self.processing = config.processing_digest()
        self.validation = config.validation_digest()
        self._index_path = os.path.join(self.root, "sources.json")
        try:
            with open(self._index_path, encoding="utf-8") as handle:
                self._index = json.load(handle)
        except (OSError, ValueError):
            self._index = {}
        self._looked_up: dict[str, list] = {}
        self._used: set[str] = set()

    # ---- the files editors add -------------------------------------------------
    def source_digest(self, path: str) -> str:
        """sha256 of the file; rehashed only when its size or modification time changed."""
        stat = os.stat(path)
        key = os.path.abspath(path)
        known = self._index.get(key)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            self._looked_up[key] = known
            return known[2]
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        self._looked_up[key] = [stat.st_size, stat.st_mtime_ns, digest]
        return digest

    # ---- verdicts: is this file a picture we can use? ----------------------------
    # Only good verdicts are kept: a bad file is looked at again until it is fixed, and its
    # message names the file as it is called now. The name's ending is part of the key, since
    # a PNG called photo.jpg is refused and the same bytes called photo.png are not.
    def _verdict_path(self, digest: str, extension: str) -> str:
        return os.path.join(self.root, "verdicts", f"{digest}{extension.lower()}-{self.validation}")

    def is_known_good(self, digest: str, extension: str) -> bool:
        path = self._verdict_path(digest, extension)
        self._used.add(path)
        return os.path.isfile(path)

    def remember_good(self, digest: str, extension: str) -> None:
        path = self._verdict_path(digest, extension)
        self._used.add(path)
        write_atomic(path, b"")

    # ---- processed pictures ------------------------------------------------------
    def _picture_folder(self, digest: str) -> str:
        return os.path.join(self.root, "pictures", f"{digest}-{self.processing}")

    def picture(self, digest: str) -> StoredPicture | None:
        folder = self._picture_folder(digest)
        self._used.add(folder)
        try:
            with open(os.path.join(folder, "meta.json"), encoding="utf-8") as handle:
                meta = json.load(handle)
        except (OSError, ValueError):
            return None
        return StoredPicture(
            format=meta["format"],
            width=meta["width"],
            height=meta["height"],
            variants=tuple(Variant(*v) for v in meta["variants"]),
            webp=meta["webp"],
            folder=folder,
        )

    def store_picture(self, digest: str, processed: ProcessedPicture) -> StoredPicture:
        folder = self._picture_folder(digest)
        os.makedirs(os.path.dirname(folder), exist_ok=True)
        tmp = tempfile.mkdtemp(dir=os.path.dirname(folder), prefix=".tmp-")
        for name, data in processed.files.items():
            with open(os.path.join(tmp, name), "wb") as out:
                out.write(data)
        meta = {
            "format": processed.format,
            "width": processed.width,
            "height": processed.height,
            "variants": [[v.width, v.height] for v in processed.variants],
            "webp": processed.webp,
        }
        with open(os.path.join(tmp, "meta.json"), "w", encoding="utf-8") as out:
            json.dump(meta, out, sort_keys=True)
        if os.path.isdir(folder):
            shutil.rmtree(folder)  # a half-written one from a build that was stopped
        os.rename(tmp, folder)
        return self.picture(digest)

    # ---- share cards -----------------------------------------------------------
    def card_file(self, key: str) -> str:
        path = os.path.join(self.root, "cards", f"{key}.png")
        self._used.add(path)
        return path

    def store_card(self, key: str, data: bytes) -> None:
        write_atomic(self.card_file(key), data)

    # ---- housekeeping --------------------------------------------------------------
    def save_index(self, forget_unused: bool = False) -> None:
        """Keep what was hashed; ``forget_unused`` (after a build) drops files no longer used."""
        index = dict(self._looked_up) if forget_unused else {**self._index, **self._looked_up}
        if index != self._index:
            write_atomic(self._index_path, json.dumps(index, sort_keys=True, indent=0).encode())
            self._index = index

    def prune(self) -> int:
        """Remove every verdict, picture and card this build did not use; return how many."""
        removed = 0
        for kind in ("verdicts", "pictures", "cards"):
            folder = os.path.join(self.root, kind)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                path = os.path.join(folder, name)
                if path in self._used:
                    continue
                if os.path.isdir(path):
                    shutil.rmtree(path)
                else:
                    os.remove(path)
                removed += 1
        self.save_index(forget_unused=True)
        return removed
