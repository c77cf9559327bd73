"""Copy a few of the browser suite's screenshots into docs/screenshots/ for the README.

    make test && python -m bench.readme_screenshots

The suite (tests/test_example_site.py) writes every page type at 360 and 1280 px into
test-artifacts/screenshots/ (light and dark schemes); this keeps the top of a handful, as small palette PNGs.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHOSEN = {
    "national-home-1280-light.png": 800,
    "national-home-360-dark.png": 800,
    "branch-home-360-light.png": 800,
    "finder-result-360-light.png": 900,
    "event-repeating-360-light.png": 900,
    "search-results-1280-light.png": 800,
}


def main() -> None:
    source, dest = ROOT / "test-artifacts" / "screenshots", ROOT / "docs" / "screenshots"
    dest.mkdir(parents=True, exist_ok=True)
    for name, height in CHOSEN.items():
        with Image.open(source / name) as image:
            top = image.crop((0, 0, image.width, min(height, image.height))).convert("RGB")
            top.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(dest / name, optimize=True)
        print(f"docs/screenshots/{name}")


if __name__ == "__main__":
    main()
