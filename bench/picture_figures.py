"""Bytes in and out, and processing time, for every picture in the demo (and a 12-megapixel one).

    PYTHONPATH=plugins .venv/bin/python -m bench.picture_figures

Prints a Markdown table: the file's bytes, the stripped full-size copy's, each width in its own
format and in WebP, and the CPU time to check and process it (the best of three runs), as the
build does on a cache miss. The 12-megapixel picture is noise over a gradient: its bytes say
little, its time is that of a large phone photo.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

from PIL import Image

from responsive_images.config import image_settings
from responsive_images.pipeline import process_picture
from responsive_images.source_files import open_picture

KIT_ROOT = Path(__file__).resolve().parent.parent


def row(name: str, data: bytes, config) -> str:
    best = None
    for _ in range(3):
        started = time.process_time()
        processed = process_picture(open_picture(data, name, config.max_pixels), config)
        spent = time.process_time() - started
        best = spent if best is None else min(best, spent)
    ext = processed.extension
    widths = []
    for v in processed.variants:
        own = len(processed.files[f"{v.width}w.{ext}"]) / 1024
        webp = processed.files.get(f"{v.width}w.webp")
        widths.append(f"{v.width}: {own:.0f} / " + (f"{len(webp) / 1024:.0f}" if webp else "–"))
    full = len(processed.files[f"full.{ext}"]) / 1024
    return (
        f"| {name} | {processed.width}×{processed.height} | {len(data) / 1024:.0f} | {full:.0f} | "
        f"{', '.join(widths)} | {best * 1000:.0f} ms |"
    )


def large_photo() -> bytes:
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    gradient = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    out = io.BytesIO()
    Image.blend(noise, gradient, 0.6).save(out, "JPEG", quality=92)
    return out.getvalue()


def main() -> int:
    config = image_settings({})
    print("| picture | published size | in (KB) | full-size copy (KB) | width: own format / WebP (KB) | CPU |")
    print("| --- | --- | --- | --- | --- | --- |")
    for path in sorted([*KIT_ROOT.glob("content/images/*"), *KIT_ROOT.glob("branches/*/images/*")]):
        print(row(str(path.relative_to(KIT_ROOT)), path.read_bytes(), config))
    print(row("12-megapixel-photo.jpg", large_photo(), config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
