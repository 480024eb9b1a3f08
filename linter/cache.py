"""The cache folder: rule data compiled once, and each file's results from the last run.

Both are only ever a shortcut.  Every entry is keyed by everything its content
depends on (package and plugin versions, source and data file digests, the
resolved config), so a stale entry is never found; one that is missing,
unreadable or corrupt is rebuilt, never trusted and never an error; and a
cache folder that cannot be written leaves the run as it was, only slower.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")

ENVIRONMENT_VARIABLE = "CORPUS_LINTER_CACHE_DIR"
FORMAT = 1
"""Bump when what is stored changes shape: older entries are then never read."""
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# corpus-linter's cache; see https://bford.info/cachedir/\n"

_folder: Path | None = None
_enabled = True


def default_folder() -> Path:
    """Where the cache lives unless ``cache-dir`` says otherwise: the platform's user cache folder."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(os.environ[ENVIRONMENT_VARIABLE]).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "corpus-linter" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "corpus-linter"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "corpus-linter"


def configure(folder: Path | None, enabled: bool = True) -> None:
    """Set the folder every cache of this process uses (None: the default), or turn caching off."""
    global _folder, _enabled
    _folder = folder
    _enabled = enabled


def folder() -> Path | None:
    """The cache folder in use, or None when caching is off."""
    if not _enabled:
        return None
    return _folder if _folder is not None else default_folder()


def clean(target: Path) -> bool:
    """Remove a cache folder; False when there was none.  Only a folder this tool made is removed."""
    if not target.is_dir():
        return False
    if not (target / "CACHEDIR.TAG").is_file():
        raise ValueError(f"{target} has no CACHEDIR.TAG written by corpus-linter; not removing it")
    shutil.rmtree(target)
    return True


# -- digests ----------------------------------------------------------------------


def file_digest(path: Path) -> str:
    """The content digest of one file."""
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def digest_of(*parts: Any) -> str:
    """A digest of values whose ``repr`` is stable (strings, numbers, tuples, sorted items)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def files_under(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every file below the folders named, in a stable order (bytecode left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
            )
        elif path.is_file():
            found.append(path)
    return found


def package_versions(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Installed versions of distributions ("" for one that is missing)."""
    versions = []
    for name in names:
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((name, ""))
    return tuple(versions)


def own_version() -> str:
    return package_versions(["corpus-linter"])[0][1]


# -- reading and writing entries ----------------------------------------------------


def read_entry(path: Path) -> Any:
    """An entry's value, or None when it is missing or cannot be read (a corrupt entry is not an error)."""
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)
    except Exception:  # truncated, corrupt, from another Python, unreadable: rebuild instead
        return None


def write_entry(path: Path, value: Any) -> None:
    """Write an entry atomically; a folder that cannot be written only costs the shortcut."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        root = path.parent.parent
        if not (root / "CACHEDIR.TAG").exists():
            (root / "CACHEDIR.TAG").write_text(CACHEDIR_TAG, encoding="utf-8")
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        pass


# -- compiled rule data ---------------------------------------------------------------


def compiled(name: str, build: Callable[[], T], *, inputs: Iterable[Path], packages: Iterable[str] = ()) -> T:
    """What ``build()`` returns, loaded from the cache when its inputs are unchanged.

    ``inputs`` are the files and folders the value is made from, code
    included (each digested); ``packages`` the installed distributions whose
    data it reads (by version).  A value that cannot be pickled is returned
    and not stored.
    """
    root = folder()
    if root is None:
        return build()
    sources = files_under(inputs)
    key = digest_of(
        FORMAT,
        own_version(),
        sys.version_info[:2],
        package_versions(packages),
        [(str(path), file_digest(path)) for path in sources],
    )
    entry = root / "data" / f"{name}-{key}.pickle"
    value = read_entry(entry)
    if isinstance(value, tuple) and len(value) == 2 and value[0] == key:
        return value[1]
    value = build()
    for stale in entry.parent.glob(f"{name}-*.pickle") if entry.parent.is_dir() else ():
        try:
            stale.unlink()
        except OSError:
            pass
    write_entry(entry, (key, value))
    return value
