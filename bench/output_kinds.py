"""A build's output by kind of file: how many files and bytes of HTML, share cards, pictures,
calendars, feeds, search data and the rest.

    python -m bench.output_kinds OUTPUT
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path, PurePosixPath

# In the order they are printed. A compressed copy (page.html.gz) is one whatever it compresses.
KINDS = [
    "HTML",
    "share cards (cards/*.png)",
    "other pictures",
    "calendars (.ics)",
    "feeds and other XML",
    "search JSON",
    "other JSON",
    "compressed copies (.gz, .br)",
    "other",
]
PICTURES = {".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif", ".svg", ".ico"}
FEEDS = {".xml", ".atom", ".rss"}


def kind_of(path: str) -> str:
    """The kind of the output file at ``path`` (relative to the output folder, / or os.sep)."""
    pure = PurePosixPath(path.replace(os.sep, "/"))
    suffix = pure.suffix.lower()
    if suffix in {".gz", ".br"}:
        return KINDS[7]
    if suffix in {".html", ".htm"}:
        return KINDS[0]
    if suffix == ".png" and pure.parent.name == "cards":
        return KINDS[1]
    if suffix in PICTURES:
        return KINDS[2]
    if suffix == ".ics":
        return KINDS[3]
    if suffix in FEEDS:
        return KINDS[4]
    if suffix == ".json":
        return KINDS[5] if pure.parent.name == "search" else KINDS[6]
    return KINDS[8]


def by_kind(files: dict[str, int]) -> dict[str, tuple[int, int]]:
    """{kind: (files, bytes)} of ``files`` ({relative path: size}), every kind present, in KINDS' order."""
    totals = {kind: [0, 0] for kind in KINDS}
    for path, size in files.items():
        total = totals[kind_of(path)]
        total[0] += 1
        total[1] += size
    return {kind: (count, size) for kind, (count, size) in totals.items()}


def sizes(folder: Path) -> dict[str, int]:
    """{path relative to ``folder``: size} of every file under it."""
    found = {}
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = os.path.join(dirpath, name)
            found[os.path.relpath(path, folder)] = os.stat(path).st_size
    return found


def table(files: dict[str, int]) -> list[str]:
    """The lines that print ``files`` by kind: files, MB and share of the bytes, the total, and the
    biggest kind's average file size."""
    kinds = by_kind(files)
    total_files = sum(count for count, _ in kinds.values())
    total_bytes = sum(size for _, size in kinds.values())
    lines = [f"{'output by kind':<30} {'files':>8} {'MB':>10} {'share':>7}"]
    for kind, (count, size) in kinds.items():
        share = f"{100 * size / total_bytes:.1f}%" if total_bytes else "-"
        lines.append(f"{kind:<30} {count:>8} {size / 1e6:>10.2f} {share:>7}")
    lines.append(f"{'total':<30} {total_files:>8} {total_bytes / 1e6:>10.2f} {'100%' if total_bytes else '-':>7}")
    biggest, (count, size) = max(kinds.items(), key=lambda item: item[1][1])
    if count:
        lines.append(f"biggest kind: {biggest}, {size / count / 1e3:.1f} kB a file on average")
    other = {}
    for path, size in files.items():
        if kind_of(path) == KINDS[-1]:
            suffix = PurePosixPath(path.replace(os.sep, "/")).suffix.lower() or "(none)"
            other[suffix] = other.get(suffix, 0) + size
    if other:
        most = sorted(other.items(), key=lambda item: -item[1])[:5]
        lines.append("other: " + ", ".join(f"{suffix} {size / 1e6:.2f} MB" for suffix, size in most))
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    print("\n".join(table(sizes(args.output))))


if __name__ == "__main__":
    main()
