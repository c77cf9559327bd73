"""Scaffolding for editors: `make new-branch`, `make new-post BRANCH=...`, `make new-event BRANCH=...`.

Each writes a correctly formed file (or folder) with the right date and name, asks for what is
missing when run in a terminal, checks the result with the same checks as `make check`, and never
overwrites anything.
"""
