"""The cache folder: rule data compiled once, and each file's results from the last run.

Both are only ever a shortcut.  Every entry is keyed by everything its content
depends on (package and plugin versions, source and data file digests, the
resolved config), so a stale entry is never found; one that is missing,
unreadable or corrupt is rebuilt, never trusted and never an error; and a
cache folder that cannot be written leaves the run as it was, only slower.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import importlib.metadata
import os
import pickle
import re
import shutil
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, Sequence, TypeVar

T = TypeVar("T")

ENVIRONMENT_VARIABLE = "CORPUS_LINTER_CACHE_DIR"
FORMAT = 2
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
    try:
        return _folder if _folder is not None else default_folder()
    except RuntimeError:  # no home folder to put it in: run without a cache
        return None


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
    return tuple((name, _version(name)) for name in names)


@functools.cache
def _version(name: str) -> str:
    """One distribution's version, read once per process: each read parses its metadata file, and
    every compiled table asks again."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def dependencies() -> list[str]:
    """corpus-linter and the distributions it requires (extras too): their versions key the results."""
    try:
        required = importlib.metadata.requires("corpus-linter") or []
    except importlib.metadata.PackageNotFoundError:
        required = []
    names = {re.match(r"[A-Za-z0-9._-]*", requirement).group(0) for requirement in required}  # type: ignore[union-attr]
    return ["corpus-linter", *sorted(name for name in names if name)]


def own_version() -> str:
    return package_versions(["corpus-linter"])[0][1]


# -- reading and writing entries ----------------------------------------------------


def read_entry(path: Path) -> Any:
    """An entry's value, or None when it is missing or cannot be read (a corrupt entry is not an error)."""
    collecting = gc.isenabled()
    gc.disable()  # the tables are millions of new objects, none garbage: collections while loading only cost time
    try:
        with open(path, "rb") as stream:
            return pickle.load(stream)
    except Exception:  # truncated, corrupt, from another Python, unreadable: rebuild instead
        return None
    finally:
        if collecting:
            gc.enable()


def write_entry(root: Path, path: Path, value: Any) -> None:
    """Write an entry (below the cache folder ``root``) atomically; a folder that cannot be written only costs the shortcut."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
    write_entry(root, entry, (key, value))
    return value


# -- per-file results ----------------------------------------------------------------


def code_signature(roots: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under the plugins' packages (code and data) by size and modification time: a
    changed rule or lexicon means new results even within one version (an editable install)."""
    signature = []
    for path in files_under(roots):
        try:
            stat = path.stat()
        except OSError:
            continue
        signature.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(signature)


def plugin_roots(plugins: Iterable[Any]) -> list[Path]:
    """The folders (top-level packages) or files the registered plugins were imported from."""
    roots: set[Path] = set()
    for plugin in plugins:
        module = plugin if hasattr(plugin, "__file__") else sys.modules.get(getattr(type(plugin), "__module__", ""))
        name = getattr(module, "__name__", "")
        top = sys.modules.get(name.split(".")[0]) if name else None
        source = getattr(top, "__file__", None) or getattr(module, "__file__", None)
        if source:
            path = Path(source)
            roots.add(path.parent if path.name == "__init__.py" else path)
    return sorted(roots)


def option_file_digests(values: Iterable[Any], root: Path | None) -> list[tuple[str, str]]:
    """Digests of the files that option values name (a user's word list, knowledge-base files)."""
    found = []
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if not isinstance(item, str) or not item or len(item) > 4096:
                continue
            path = Path(item).expanduser()
            if not path.is_absolute() and root is not None:
                path = root / path
            try:
                if path.is_file():
                    found.append((str(path), file_digest(path)))
            except OSError:
                continue
    return found


class FileResults:
    """What checking one file gave: its input problems and each document's result, in input order,
    each with its place among the file's items (so a streamed report keeps input order)."""

    def __init__(
        self,
        path: str,
        digest: str,
        problems: list[tuple[int, Any]],
        results: list[Any],
        offsets: list[int],
        items: int,
        context: tuple[bool, ...],
    ) -> None:
        self.path = path
        self.digest = digest
        self.problems = problems
        self.results = results
        self.offsets = offsets
        self.items = items
        self.context = context
        """Which documents were read only as context (``--context``, ``--diff-base``): they were checked differently."""


class ResultCache:
    """Each file's results from an earlier run with the same settings, found by path and content digest.

    One entry per file, replaced when the file changes, so the cache does
    not grow with edits; settings that differ get a folder of their own.
    """

    def __init__(self, root: Path, settings: str) -> None:
        self.root = root
        self.folder = root / "results" / settings
        self.hits = 0
        self.misses = 0

    def _entry(self, path: str) -> Path:
        return self.folder / f"{digest_of(os.path.abspath(path))}.pickle"

    def load(self, path: str, digest: str, context: Callable[[list[Any]], tuple[bool, ...]]) -> FileResults | None:
        """The file's results if they were stored for exactly this content, read as context or not
        as ``context`` says this run reads each of them."""
        found = read_entry(self._entry(path))
        if (
            isinstance(found, FileResults)
            and found.digest == digest
            and found.path == path
            and found.context == context(found.results)
        ):
            self.hits += 1
            return found
        self.misses += 1
        return None

    def store(self, results: FileResults) -> None:
        write_entry(self.root, self._entry(results.path), results)


class CompiledParts(Generic[T]):
    """A large table compiled once into ``count`` pickled parts, split by a stable hash of its keys.

    A short run (a pre-commit hook's) looks up a few keys and unpickles only their parts, not
    hundreds of thousands of words. ``build(part_of)`` returns the ``count`` parts, putting each
    key in part ``part_of(key)``; ``inputs`` and ``packages`` are as for ``compiled``.
    """

    def __init__(
        self,
        name: str,
        build: Callable[[Callable[[str], int]], Sequence[T]],
        *,
        count: int,
        inputs: Iterable[Path],
        packages: Iterable[str] = (),
    ) -> None:
        self.name, self.build, self.count = name, build, count
        self.inputs, self.packages = list(inputs), list(packages)
        self._pickled: tuple[bytes, ...] | None = None
        self._loaded: dict[int, T] = {}

    def part_of(self, key: str) -> int:
        """The part that holds ``key``: the same in every process, unlike ``hash``."""
        return zlib.crc32(key.encode("utf-8", "surrogatepass")) % self.count

    def part(self, index: int) -> T:
        loaded = self._loaded.get(index)
        if loaded is None:
            if self._pickled is None:
                self._pickled = compiled(self.name, self._pickle_parts, inputs=self.inputs, packages=self.packages)
            loaded = self._loaded[index] = pickle.loads(self._pickled[index])
        return loaded

    def part_for(self, key: str) -> T:
        return self.part(self.part_of(key))

    def _pickle_parts(self) -> tuple[bytes, ...]:
        parts = self.build(self.part_of)
        if len(parts) != self.count:
            raise ValueError(f"{self.name}: built {len(parts)} parts, not {self.count}")
        return tuple(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts)
