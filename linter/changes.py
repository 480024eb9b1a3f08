"""What changed since a git ref: the files, and in JSON lines the records (``--diff-base REF``).

A changed text file is one document.  In a changed JSON-lines file only the
records that are new or differ are: a record is unchanged when the old
version of the file (under its old name, if git saw it renamed) has the same
line, so reordering records changes nothing, whatever their ids.  A file that
cannot be decompressed, now or at the ref, is checked whole, so the reader
reports what is wrong with it.  Everything else is still read, as context for
the corpus-wide rules.
"""

from __future__ import annotations

import gzip
import os
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

JSONL_SUFFIXES = tuple(base + comp for base in (".jsonl", ".ndjson") for comp in ("", ".gz", ".zst"))


class ChangesError(Exception):
    """git could not say what changed; the message says why."""


@dataclass
class Focus:
    """The documents a run reports on: whole files, and records of JSON-lines files."""

    files: set[str] = field(default_factory=set)
    """Real paths of files whose every document changed."""
    records: dict[str, set[int]] = field(default_factory=dict)
    """Real path of a JSON-lines file -> indexes of its changed records."""
    _real_paths: dict[str, str] = field(default_factory=dict, repr=False)
    """Each path resolved once: a file of a million records asks a million times."""

    def includes(self, path: str, record: int | None) -> bool:
        """Whether a document, or a problem (``record`` None: the file as a whole), is in focus."""
        real = self._real_paths.get(path)
        if real is None:
            real = self._real_paths[path] = os.path.realpath(path)
        if real in self.files:
            return True
        if record is None:
            return real in self.records
        return record in self.records.get(real, ())


GIT_OPTIONS = ("-c", "core.fsmonitor=false")
"""A repository's own config may name a command to run on every status-like call (core.fsmonitor):
a corpus downloaded with its .git folder must not run it."""


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        completed = subprocess.run(["git", *GIT_OPTIONS, *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangesError("--diff-base needs git, which is not installed") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangesError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return completed.stdout


def changed_since(ref: str, start: Path) -> Focus | None:
    """The documents that differ from ``ref`` in the work tree (staged or not, and untracked files);
    None, meaning every document, for ``HEAD`` in a repository without commits (a first commit)."""
    folder = start if start.is_dir() else start.parent
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).decode().strip())
    except ChangesError:
        raise ChangesError(f"--diff-base: {folder} is not inside a git repository") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except ChangesError:
        if ref == "HEAD" and not _git(["rev-list", "-n", "1", "--all"], top).strip():
            return None
        raise ChangesError(f"--diff-base: {ref!r} is not a commit of the repository at {top}") from None
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split(b"\0")
    focus = Focus()
    for old_name, name in [*_changed(ref, top), *((None, name) for name in untracked if name)]:
        relative = name.decode("utf-8", "surrogateescape")
        path = top / relative
        if not path.is_file():
            continue  # deleted since the ref
        real = os.path.realpath(path)
        if relative.lower().endswith(JSONL_SUFFIXES) and old_name is not None:
            records = _changed_records_of(top, ref, old_name.decode("utf-8", "surrogateescape"), relative, path)
            if records is not None:
                focus.records[real] = records
                continue
        focus.files.add(real)
    return focus


def _changed(ref: str, top: Path) -> list[tuple[bytes | None, bytes]]:
    """(name at the ref, name now) of each file changed since the ref; the old name is None for a new file."""
    fields = _git(["diff", "--name-status", "-z", "--find-renames", ref, "--"], top).split(b"\0")
    changed: list[tuple[bytes | None, bytes]] = []
    position = 0
    while position < len(fields) - 1:
        status = fields[position][:1]
        if status in (b"R", b"C"):  # renamed or copied: old name, then new name
            changed.append((fields[position + 1], fields[position + 2]))
            position += 3
        else:
            changed.append((None if status == b"A" else fields[position + 1], fields[position + 1]))
            position += 2
    return changed


def _changed_records_of(top: Path, ref: str, old_name: str, name: str, path: Path) -> set[int] | None:
    """The changed records of a JSON-lines file; None when either version cannot be read (check it whole)."""
    try:
        old = _git(["show", f"{ref}:{old_name}"], top)
    except ChangesError:
        return None
    before, now = _decompressed(old_name, old), _decompressed(name, path.read_bytes())
    if before is None or now is None:
        return None
    return changed_records(before, now)


def _decompressed(name: str, data: bytes) -> bytes | None:
    """The file's bytes, decompressed by its name's ending; None if they cannot be (cut short, corrupt)."""
    try:
        if name.lower().endswith(".gz"):
            return gzip.decompress(data)
        if name.lower().endswith(".zst"):
            return _zstd_frames(data)
    except (OSError, EOFError, zstandard.ZstdError):
        return None
    return data


def _zstd_frames(data: bytes) -> bytes | None:
    """Every frame of a zstd stream, as the reader reads them; None if the last one is cut short."""
    parts = []
    while data:
        decompressor = zstandard.ZstdDecompressor().decompressobj()
        parts.append(decompressor.decompress(data))
        if not decompressor.eof:
            return None
        data = decompressor.unused_data
    return b"".join(parts)


def changed_records(old: bytes, new: bytes) -> set[int]:
    """Indexes of the records in ``new`` whose line is not in ``old`` (each old line accounts for one new line,
    so a record copied twice is new once)."""
    old_lines = Counter(line.strip() for line in old.split(b"\n"))
    changed = set()
    for index, line in enumerate(new.split(b"\n")):
        line = line.strip()
        if not line:
            continue
        if old_lines[line] > 0:
            old_lines[line] -= 1
        else:
            changed.add(index)
    return changed
