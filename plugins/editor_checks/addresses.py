"""Which files claim each address in a site, so two files published at one place are both reported."""

from __future__ import annotations

from collections import defaultdict


class AddressClaims:
    """Collects (address, file, line) claims in one site, then reports every address claimed twice.

    ``message`` is a template with ``{address}`` and ``{names}`` (the clashing files as the editor sees
    them); each clashing file gets its own error so the forge shows it on every one of them.
    """

    def __init__(self) -> None:
        self._claims: dict[str, list[tuple[str, int]]] = defaultdict(list)

    def claim(self, address: str, path: str, line: int = 1) -> None:
        self._claims[address].append((path, line))

    def report_clashes(self, report, message: str, fix: str) -> None:
        for address, claims in self._claims.items():
            if len(claims) < 2:
                continue
            names = ", ".join(report.display_path(path) for path, _ in claims)
            for path, line in claims:
                report.error(path, line, message.format(address=address, names=names), fix)
