"""Has anything a site is built or checked from changed since last time? Digests of inputs."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat

from pelican import __version__ as pelican_version


def _not_code(name: str, is_dir: bool) -> bool:
    """What a walk of code (plugins, theme) leaves out: hidden folders (tools' caches such as
    .ruff_cache or .mypy_cache, editors' settings) and Python's compiled files."""
    return (name == "__pycache__" or name.startswith(".")) if is_dir else name.endswith(".pyc")


def _walk_files(folder: str):
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not _not_code(d, True))
        for name in sorted(filenames):
            if not _not_code(name, False):
                yield os.path.join(dirpath, name)


def shared_inputs_digest(folders: list[str], files: list[str]) -> str:
    """A digest of the bytes of the theme, the plugins and the settings files."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(pelican_version.encode())
    for folder in folders:
        prefix = len(os.path.join(folder, ""))
        for path in _walk_files(folder):
            digest.update(path[prefix:].encode())  # the path within the folder (os.path.relpath is slow)
            with open(path, "rb") as handle:
                digest.update(handle.read())
    for path in files:
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


_code_digests: dict[tuple, str] = {}
_plugins_digests: dict[tuple[str, ...], str] = {}


def _kit_settings_file() -> tuple[str, ...]:
    """branchsites/site_settings.py, the kit's values a site's pelicanconf.py starts from, if the kit
    is installed (a site may set everything itself)."""
    try:
        found = importlib.util.find_spec("branchsites.site_settings")
    except ModuleNotFoundError:
        found = None
    return (found.origin,) if found is not None and found.origin else ()


def _file_state(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def code_digest(settings: dict) -> str:
    """The plugins' code and the settings files (BRANCH_SHARED_INPUT_FILES), read once per process
    while the files' sizes and modification times stay as they were (a file of the site's, such as
    its logo, may change between two builds of one process)."""
    folders = tuple(dict.fromkeys(settings.get("PLUGIN_PATHS", [])))  # the kit's own site lists its plugins twice
    root = settings.get("KIT_ROOT") or ""
    files = tuple(os.path.join(root, name) for name in settings.get("BRANCH_SHARED_INPUT_FILES", []))
    files += _kit_settings_file()
    key = (folders, files, tuple(_file_state(path) for path in files))
    if key not in _code_digests:
        _code_digests[key] = shared_inputs_digest(list(folders), list(files))
    return _code_digests[key]


def plugins_digest(settings: dict) -> str:
    """The plugins' code alone (PLUGIN_PATHS), read once per process: what a site's settings files,
    or files a plugin adds to BRANCH_SHARED_INPUT_FILES as the build starts (party_brand's logos),
    leave as it is."""
    folders = tuple(dict.fromkeys(settings.get("PLUGIN_PATHS", [])))
    if folders not in _plugins_digests:
        _plugins_digests[folders] = shared_inputs_digest(list(folders), [])
    return _plugins_digests[folders]


def theme_and_code_digest(settings: dict) -> str:
    """The theme's files (with the site's template overrides) as well as code_digest: what every
    branch's pages are made with. The theme is read once per build (the skip of an unchanged build
    and the branch fingerprints both ask)."""
    theme = (settings["THEME"], *settings.get("THEME_TEMPLATES_OVERRIDES", []))
    if theme not in _theme_digests:
        _theme_digests[theme] = shared_inputs_digest(list(theme), [])
    return _theme_digests[theme] + code_digest(settings)


def settings_digest(overrides: dict, shared: str) -> str:
    """A branch's settings and the shared inputs (theme, plugins, settings files). With
    folder_digest of the branch's folder, the branch's fingerprint: like make, it trusts mtimes (an
    edit changes them, and a fresh checkout rebuilds everything)."""
    text = json.dumps(overrides, sort_keys=True, default=str)
    return hashlib.blake2b(f"{shared}\0{text}".encode(), digest_size=16).hexdigest()


# Each folder is walked once per build: the check cache and the branch fingerprints both need it,
# and at 650 branches a walk of every branch folder costs half a second. Emptied as a build starts
# and after each run.
_folder_states: dict[str, str] = {}
_theme_digests: dict[tuple[str, ...], str] = {}


def forget_folder_states() -> None:
    _folder_states.clear()
    _theme_digests.clear()


def folder_state(folder: str) -> str:
    """The name, size and modification time of every file under ``folder``, as one digest."""
    if folder not in _folder_states:
        _folder_states[folder] = _walk_state(folder)
    return _folder_states[folder]


def _walk_state(folder: str) -> str:
    """A site's folder is walked whole, unlike code: the checks read every name in it, hidden ones
    included (file_policy refuses a .well-known/ folder or an .htaccess), so a new hidden file or
    folder, or a symbolic link, must change the state and so have the checks run again. A link is
    taken as itself (os.lstat), never followed: one that leads nowhere is still seen."""
    digest = hashlib.blake2b(digest_size=16)
    for relative, path in _every_entry(folder):
        stat = os.lstat(path)
        digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _every_entry(folder: str):
    """(name within ``folder``, path) of every file under it and every symbolic link to a folder
    (which is not followed), in a stable order: folder by folder, names sorted."""
    prefix = len(os.path.join(folder, ""))
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        links = [name for name in dirnames if os.path.islink(os.path.join(dirpath, name))]
        for name in sorted(filenames + links):
            path = os.path.join(dirpath, name)
            yield path[prefix:], path


def folder_content(folder: str) -> str:
    """The name and bytes of every file under ``folder`` (a symbolic link by where it leads), as one
    digest: what the folder holds wherever it lies and whenever it was checked out, where
    folder_state's sizes and times are those of one checkout. Walked whole, as folder_state is."""
    digest = hashlib.blake2b(digest_size=16)
    for relative, path in _every_entry(folder):
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            held = "link to " + os.readlink(path)
        elif stat.S_ISREG(mode):
            with open(path, "rb") as handle:
                held = hashlib.file_digest(handle, "blake2b").hexdigest()
        else:  # a pipe or a device is never read (file_policy refuses it)
            held = f"mode {stat.S_IFMT(mode)}"
        digest.update(f"{relative}\0{held}\n".encode())
    return digest.hexdigest()


def path_state(path: str) -> str:
    """folder_state of a folder, in which each subfolder walked before in this build (each branch's,
    walked for its checks) is taken from then rather than walked again; or a single file's size and
    modification time; or "missing"."""
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except NotADirectoryError:
        stat = os.stat(path)
        return f"{stat.st_size}\0{stat.st_mtime_ns}"
    except FileNotFoundError:
        return "missing"
    digest = hashlib.blake2b(digest_size=16)
    for entry in entries:  # a site's folder, walked whole (see _walk_state)
        if entry.is_dir(follow_symlinks=False):
            digest.update(f"{entry.name}/\0{folder_state(entry.path)}\n".encode())
        else:
            stat = entry.stat(follow_symlinks=False)
            digest.update(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def folder_digest(folder: str, *inputs: str) -> str:
    """``inputs``, then the state of every file under ``folder`` (folder_state)."""
    digest = hashlib.blake2b(digest_size=16)
    for text in inputs:
        digest.update(text.encode())
        digest.update(b"\0")
    digest.update(folder_state(folder).encode())
    return digest.hexdigest()


def plain_value(value):
    """``value`` as JSON can hold it, the same in every run: objects that print their memory address
    (a bytecode cache, a Markdown extension) by their type, functions by their name."""
    if isinstance(value, dict):
        return {str(key): plain_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_value(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(json.dumps(plain_value(item), sort_keys=True) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    text = str(value)
    return type(value).__qualname__ if " at 0x" in text else text
