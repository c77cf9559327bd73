"""A build with nothing to do does nothing: the record of the last whole build.

A build is unchanged when its settings, the theme and plugins, and every file it reads (the main
site's content, every branch's folder, files the theme copies from elsewhere) are as they were at
the last build that finished, "now" still lies within the time that build's pages hold (the next
event ending, security.txt's daily Expires: see holds_until), and every file it wrote is still in
the output folder. Then the build ends at once, having written nothing. Otherwise it runs as ever:
each branch is still skipped or rebuilt on its own fingerprint (branch_subsites).

Like make, this trusts modification times: an edit changes them, and a fresh checkout rebuilds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from dataclasses import dataclass

from pelican.log import console

from . import produced
from .cache_files import load_keyed, store_keyed
from .files import output_states, outputs_intact
from .fingerprint import forget_folder_states, path_state, plain_value, theme_and_code_digest

log = logging.getLogger(__name__)

RECORD_FILE = "last-build.pickle"
# what may differ between two runs without changing what they make: "now" is checked on its own
RUN_SETTINGS = frozenset({"BUILD_NOW"})


@dataclass
class LastBuild:
    built_at: dt.datetime
    holds_until: dt.datetime | None  # None: nothing it made depends on the time
    # every file in the output folder it made or kept: (a folder within it, {name within that folder:
    # its state, files.output_states})
    files: list[tuple[str, dict[str, list]]]

    @property
    def file_count(self) -> int:
        return sum(len(states) for _folder, states in self.files)


# Filled while a build runs, by output folder: files other builds wrote into it (the branches'), and
# the earliest time at which something it made goes out of date.
_other_files: dict[str, list[tuple[str, dict[str, list]]]] = {}
_holds_until: dict[str, dt.datetime] = {}


def add_outputs(settings: dict, folder: str, states: dict[str, list]) -> None:
    """Files in ``folder`` (relative to OUTPUT_PATH; the names relative to it, with their states,
    files.output_states) that another build made for this one, such as a branch subsite: a later
    unchanged build checks that they are still there as they were."""
    _other_files.setdefault(os.path.abspath(settings["OUTPUT_PATH"]), []).append((folder, states))


def holds_until(settings: dict, when: dt.datetime | None) -> None:
    """Something this build makes goes out of date at ``when`` (an event ends, a date moves on): a
    build at or after then is not skipped."""
    if when is None:
        return
    output = os.path.abspath(settings["OUTPUT_PATH"])
    when = when.astimezone(dt.UTC)
    if output not in _holds_until or when < _holds_until[output]:
        _holds_until[output] = when


def input_paths(settings: dict) -> list[str]:
    """What a build reads besides its settings, theme and plugins."""
    theme = os.path.join(os.path.abspath(settings["THEME"]), "")
    paths = [settings["PATH"], settings.get("BRANCHES_PATH") or ""]
    paths += [p for p in settings.get("THEME_STATIC_PATHS", []) if os.path.isabs(p) and not p.startswith(theme)]
    return [p for p in paths if p]


def inputs_digest(settings: dict) -> str:
    """The settings, the theme and plugins, and every input file's name, size and modification time."""
    values = {key: value for key, value in settings.items() if key not in RUN_SETTINGS}
    parts = [json.dumps(plain_value(values), sort_keys=True), theme_and_code_digest(settings)]
    parts += [f"{path}\0{path_state(path)}" for path in input_paths(settings)]
    return "\n".join(parts)


def record_path(settings: dict) -> str:
    return os.path.join(settings["CACHE_PATH"], RECORD_FILE)


def is_unchanged(settings: dict, key: str) -> LastBuild | None:
    """The last build, if this one would make just what it made."""
    last = load_keyed(record_path(settings), key)
    now = settings.get("BUILD_NOW")
    if not isinstance(last, LastBuild) or now is None or now < last.built_at:
        return None
    if last.holds_until is not None and now >= last.holds_until:
        return None
    output = settings["OUTPUT_PATH"]
    whole = all(outputs_intact(os.path.join(output, folder), states) for folder, states in last.files)
    return last if whole else None


def save(settings: dict, key: str) -> None:
    output = os.path.abspath(settings["OUTPUT_PATH"])
    prefix = os.path.join(output, "")
    own = sorted(path[len(prefix) :] for path in produced.produced(output) if path.startswith(prefix))
    states = output_states(output, own)  # the bytes too: a page written over later is found
    record = LastBuild(settings["BUILD_NOW"], _holds_until.get(output), [("", states), *_other_files.get(output, [])])
    store_keyed(record_path(settings), key, record)


def forget_last_build(settings: dict) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(record_path(settings))


def take_held_until(settings: dict) -> dt.datetime | None:
    """The earliest time given to holds_until for this build's output, if any, forgotten here: for a
    build whose own record keeps it (a branch's valid_until)."""
    return _holds_until.pop(os.path.abspath(settings["OUTPUT_PATH"]), None)


class _ErrorCount(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def skip_when_unchanged(pelican) -> None:
    """Make ``pelican.run`` end at once when nothing changed since the last build that finished.

    Pelican has no signal between creating its generators and running them at which a plugin could
    end a run, and PELICAN_CLASS is imported before plugins are on sys.path (and tests and branch
    builds make a Pelican directly), so the run of this one instance is wrapped instead."""
    settings = pelican.settings
    if not settings["BUILD_SKIP_UNCHANGED"] or settings.get("DELETE_OUTPUT_DIRECTORY"):
        return
    run = pelican.run

    def run_unless_unchanged():
        output = os.path.abspath(settings["OUTPUT_PATH"])
        try:
            key = inputs_digest(settings)  # before the run: an edit made while it runs is seen next time
            last = is_unchanged(settings, key)
            if last is not None:
                console.print(
                    f"Done: nothing changed since the last build; its {last.file_count} files in "
                    f"{settings['OUTPUT_PATH']} are current, and none was written."
                )
                return
            _other_files.pop(output, None)
            _holds_until.pop(output, None)
            # until this run finishes, output/ may be half this run's and half the last one's: a run
            # that fails leaves no record, so the next build runs whatever its settings
            forget_last_build(settings)
            errors = _ErrorCount()
            logging.getLogger().addHandler(errors)
            try:
                run()
            finally:
                logging.getLogger().removeHandler(errors)
            if not errors.count:  # a run that logged errors (without --fatal) is not one to repeat
                save(settings, key)
        finally:
            forget_folder_states()  # a later run of the same instance (pelican --autoreload) walks again
            _other_files.pop(output, None)

    pelican.run = run_unless_unchanged
