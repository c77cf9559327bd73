"""Connect incremental_build: the build's "now", stable feeds, unchanged files left alone, stale ones removed."""

from __future__ import annotations

import contextlib
import fnmatch
import logging
import os
import types

from pelican import signals
from pelican.generators import StaticGenerator

from . import produced, pruning, site_folders
from .build_lock import hold_build_lock, lock_each_run
from .clock import set_build_now
from .containment import OutsideItsFolder, output_destination, read_site_file
from .derived import prune_stamps
from .feeds import stable_feed_date
from .fingerprint import forget_folder_states
from .unchanged_build import skip_when_unchanged
from .writer import UnchangedFilesWriter, write_if_changed

log = logging.getLogger(__name__)


def start_build(pelican) -> None:
    hold_build_lock(pelican.settings)  # first of all: a second build at once writes nothing
    set_build_now(pelican.settings)
    forget_folder_states()  # files may have changed since an earlier build in this process
    produced.start(pelican.settings["OUTPUT_PATH"])
    site_folders.start(pelican.settings["OUTPUT_PATH"], f"the site {pelican.settings['SITENAME']!r}")
    # connected now, after every plugin's register(): pruning must come after every other
    # `finalized` receiver, because some of them write files too
    signals.finalized.connect(prune_stale_files)
    record_what_failed_runs_wrote(pelican)  # the innermost of the wrappers: around the run itself
    skip_when_unchanged(pelican)
    lock_each_run(pelican)  # around the skip too: it writes the last-build record


def get_writer(pelican):
    return UnchangedFilesWriter


def prune_stale_files(pelican) -> None:
    """Remove what the last kit build wrote and this one did not: a deleted post leaves no page
    behind. Any other file in the output folder (an ordinary Pelican plugin's, written with open())
    is left alone (pruning.py). The stamps of derived files it did not make go too (derived.prune_stamps)."""
    settings = pelican.settings
    output, cache, keep = settings["OUTPUT_PATH"], settings["CACHE_PATH"], _kept_folders(settings)
    stamps = prune_stamps(settings)
    if stamps:
        log.info("incremental_build: forgot %d derived file stamp(s) of files this build no longer makes", stamps)
    if not settings["OUTPUT_PRUNE"]:
        pruning.keep_recording(output, cache, keep)
        return
    sources = [
        settings["PATH"],
        settings.get("BRANCHES_PATH") or settings["PATH"],
        settings.get("KIT_ROOT") or settings["PATH"],
    ]
    removed = pruning.prune(output, cache, keep, settings.get("OUTPUT_RETENTION", []), sources)
    if removed:
        log.info("incremental_build: removed %d file(s) this build no longer makes", len(removed))


def _kept_folders(settings: dict) -> list[str]:
    return [os.path.join(settings["OUTPUT_PATH"], folder) for folder in settings.get("OUTPUT_PRUNE_KEEP", [])]


def record_what_failed_runs_wrote(pelican) -> None:
    """A run that fails never reaches pruning (a `finalized` receiver): the files it wrote join the
    record all the same, so the next build that does not make them again removes them."""
    settings, run = pelican.settings, pelican.run

    def run_recording_on_failure():
        try:
            run()
        except BaseException:
            with contextlib.suppress(OSError):  # the run's own error is the one to report
                pruning.keep_recording(settings["OUTPUT_PATH"], settings["CACHE_PATH"], _kept_folders(settings))
            raise

    pelican.run = run_recording_on_failure


def record_static_files(generators) -> None:
    """Pelican's StaticGenerator copies static files (pictures in images/, {attach} files) and the
    theme's files: make both copies read only from inside their folder, write only inside the output
    folder, leave unchanged files alone, replace changed ones whole (Pelican copies into the old file,
    and only logs a warning when that fails), and record what they wrote (an {attach} file moves while the
    pages are written, so its place is known only when it is copied)."""
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            generator._copy_paths = types.MethodType(copy_paths_if_changed, generator)
            generator._link_or_copy_staticfile = types.MethodType(copy_static_file, generator)
            # Pelican skips a file whose copy is newer than it; the bytes are compared instead, so
            # that every file published is recorded (and so not pruned)
            generator._file_update_required = lambda static: True


def copy_static_file(generator, static) -> None:
    """StaticGenerator._link_or_copy_staticfile, never linking, and refusing a file that is not a
    plain file of the site's folder reached through no symbolic link, or whose place is outside the
    output folder."""
    try:
        data = read_site_file(generator.path, static.source_path)
        destination = output_destination(generator.output_path, static.save_as)
    except OutsideItsFolder as refused:
        log.error("incremental_build: %s was not published: %s", static.source_path, refused)
        return
    write_if_changed(destination, data)


def copy_paths_if_changed(generator, paths, source, destination, output_path, final_path=None):
    """StaticGenerator._copy_paths (pelican/generators.py) with the copy left out when the bytes match:
    Pelican's copy rewrites every theme file on every build."""
    ignores = generator.settings.get("IGNORE_FILES", [])
    for path in paths:
        source_path = os.path.join(source, path)
        if os.path.isfile(source_path):
            pairs = [(source_path, os.path.join(output_path, destination, os.path.basename(path)))]
        else:
            target = os.path.join(output_path, destination)
            pairs = [
                (
                    os.path.join(dirpath, name),
                    os.path.join(target, os.path.relpath(os.path.join(dirpath, name), source_path)),
                )
                for dirpath, _, names in os.walk(source_path, followlinks=True)
                for name in names
                if not any(fnmatch.fnmatch(name, pattern) for pattern in ignores)
            ]
        for src, dst in pairs:
            with open(src, "rb") as handle:
                write_if_changed(output_destination(output_path, dst), handle.read())


def register():
    signals.initialized.connect(start_build)
    signals.get_writer.connect(get_writer)
    signals.feed_generated.connect(stable_feed_date)
    signals.all_generators_finalized.connect(record_static_files)
