"""`make trust-review BASE=<commit>`: fail when a change touches the branch.yaml keys the national team reviews.

CODEOWNERS gives branch editors their whole folder, branch.yaml included, and no forge's CODEOWNERS
can name single keys of a file. Some keys decide who the branch is and who speaks for it: this
compares them between the pull request's base and its head, and fails with a request for national
review when any changed (docs/branch-admins.md, docs/ci.md).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

from content_schema.yaml_source import YamlSyntaxError, load_yaml
from editor_checks.command_name import command_name

from .branch_config import BRANCH_FILE

# The keys that decide what a branch is called, where it is published, who may approve its changes
# and where readers are sent to talk to it or write to it.
TRUST_KEYS = ("name", "kind", "domain", "contact", "channels", "editors")
BRANCH_YAML = re.compile(rf"^branches/([^/]+)/{re.escape(BRANCH_FILE)}$")


def _git(repo: str, *args: str) -> str:
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def branch_files(repo: str, commit: str) -> dict[str, str]:
    """{path: text} of every branches/*/branch.yaml at ``commit``."""
    names = _git(repo, "ls-tree", "-r", "--name-only", commit, "--", "branches").splitlines()
    return {n: _git(repo, "show", f"{commit}:{n}") for n in names if BRANCH_YAML.match(n)}


def _trust_values(text: str) -> dict | None:
    """The trust keys' values, or None when the file cannot be read (then any change counts)."""
    try:
        data = load_yaml(text).data
    except YamlSyntaxError:
        return None
    if not isinstance(data, dict):
        return None
    return {key: data.get(key) for key in TRUST_KEYS}


def trust_changes(repo: str, base: str, head: str) -> list[str]:
    """One line per branch.yaml whose trust keys differ between ``base`` and ``head``."""
    before, after = branch_files(repo, base), branch_files(repo, head)
    changes = []
    for path in sorted(before.keys() | after.keys()):
        old, new = before.get(path), after.get(path)
        if old == new:
            continue
        if old is None:
            changes.append(f"{path}: a new branch ({', '.join(TRUST_KEYS)} are all new)")
            continue
        if new is None:
            changes.append(f"{path}: the branch is removed")
            continue
        old_values, new_values = _trust_values(old), _trust_values(new)
        if old_values is None or new_values is None:
            changes.append(f"{path}: cannot be read on both sides, so any change may touch {', '.join(TRUST_KEYS)}")
            continue
        changed = [key for key in TRUST_KEYS if old_values[key] != new_values[key]]
        if changed:
            changes.append(f"{path}: {', '.join(f'`{k}`' for k in changed)} changed")
    return changes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("make trust-review"), description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit the pull request is merged into")
    parser.add_argument("--head", default="HEAD", help="the pull request's commit (default HEAD)")
    parser.add_argument("--repo", default=".")
    parser.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    base = _git(args.repo, "merge-base", args.base, args.head).strip()
    changes = trust_changes(args.repo, base, args.head)
    if not changes:
        print("trust-review: no branch.yaml key that needs national review changed")
        return 0
    for line in changes:
        if args.format == "github":
            path, _, what = line.partition(": ")
            print(f"::error file={path},title=needs national review::{what}. A national reviewer must approve this.")
        else:
            print(line)
    print(
        "trust-review: these keys decide a branch's name, address, editors and channels, which branch "
        "editors cannot approve for themselves. Ask the national web team (CODEOWNERS_NATIONAL in "
        "pelicanconf.py) to review this pull request: only they merge a change that fails this check.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
