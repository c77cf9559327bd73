"""`make server-config SERVER=nginx` (`branchsites server-config --server nginx`): write the web
server's configuration for the site's published settings and its branches (docs/hosts.md)."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pelican.settings import read_settings

from editor_checks.command_name import command_name
from incremental_build.atomic import write_atomic
from kit_settings.declared_settings import SettingsProblems, apply_declared_settings

from .render import SERVERS, UnsafeValue, render
from .values import ServerConfigProblems, server_values

log = logging.getLogger(__name__)


def read_server_settings(path: str, override: dict | None = None) -> dict:
    """The site's settings, with the kit's declared ones and this command's own filled in and checked."""
    settings = read_settings(path, override=override)
    for warning in apply_declared_settings(settings, [*settings.get("PLUGINS", ()), "server_configs"]):
        log.warning("%s:%s: %s. Fix: %s", warning.path, warning.line, warning.message, warning.fix)
    return settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=command_name("python -m server_configs"), description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=sorted(SERVERS), required=True, help="the web server")
    parser.add_argument("-s", "--settings", default="publishconf.py", help="the settings file (publishconf.py)")
    parser.add_argument("-o", "--output", help="the file to write (default: print it)")
    parser.add_argument("--root", default="", help="the live site's folder on the host (SERVER_CONFIG_ROOT)")
    args = parser.parse_args(argv)
    try:
        settings = read_server_settings(args.settings, {"SERVER_CONFIG_ROOT": args.root} if args.root else None)
        values = server_values(settings, args.settings)
        text = render(args.server, values)
    except (SettingsProblems, ServerConfigProblems, UnsafeValue) as exc:
        print(f"server-config: {exc}", file=sys.stderr)
        return 2
    if not args.output:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text.encode("utf-8"))
        print(f"wrote {os.path.relpath(args.output)}", file=sys.stderr)
    return left_out(values)


def left_out(values) -> int:
    """Say which branches were left out, and why: 1 if any was (the others' configuration is written)."""
    if not values.left_out:
        return 0
    print(
        "server-config: these are left out (a branch with an error in its branch.yaml: no server for its own "
        "domain, no form-action for its newsletter; a redirects.yaml line with an error: no redirect): fix "
        "them, then make the configuration again:\n" + "\n".join(f"- {problem}" for problem in values.left_out),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
