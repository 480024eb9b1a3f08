"""What changed since a git ref: the files, and in JSON lines the records (``--diff-base REF``).

A changed text file is one document.  In a changed JSON-lines file only the
records that are new or differ are, matched by their id where records have
one and by their exact line otherwise, so reordering records changes nothing.
Everything else is still read, as context for the corpus-wide rules.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

from linter.readers.base import dotted_get

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

    def includes(self, path: str, record: int | None) -> bool:
        real = os.path.realpath(path)
        if real in self.files:
            return True
        return record is not None and record in self.records.get(real, ())


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        completed = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangesError("--diff-base needs git, which is not installed") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangesError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return completed.stdout


def changed_since(ref: str, start: Path, id_field: str = "id") -> Focus | None:
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
    changed = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], top).split(b"\0")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split(b"\0")
    focus = Focus()
    for name in filter(None, (*changed, *untracked)):
        relative = name.decode("utf-8", "surrogateescape")
        path = top / relative
        if not path.is_file():
            continue  # deleted since the ref
        real = os.path.realpath(path)
        if relative.lower().endswith(JSONL_SUFFIXES):
            old = _old_version(top, ref, relative)
            if old is not None:
                focus.records[real] = changed_records(_decompressed(relative, old), _decompressed(relative, path.read_bytes()), id_field)
                continue
        focus.files.add(real)
    return focus


def _old_version(top: Path, ref: str, relative: str) -> bytes | None:
    try:
        return _git(["show", f"{ref}:{relative}"], top)
    except ChangesError:
        return None  # new since the ref


def _decompressed(name: str, data: bytes) -> bytes:
    try:
        if name.lower().endswith(".gz"):
            return gzip.decompress(data)
        if name.lower().endswith(".zst"):
            return zstandard.ZstdDecompressor().decompressobj().decompress(data)
    except (OSError, EOFError, zstandard.ZstdError):
        return b""  # unreadable before or now: every record counts as changed
    return data


def changed_records(old: bytes, new: bytes, id_field: str = "id") -> set[int]:
    """Indexes of the records in ``new`` that are not in ``old``: by id where a record has one,
    else by the line's exact bytes (each old line accounts for one new line)."""
    old_by_id: dict[str, bytes] = {}
    old_lines: Counter[bytes] = Counter()
    for line in old.split(b"\n"):
        record_id = _record_id(line, id_field)
        if record_id is not None:
            old_by_id[record_id] = line.strip()
        old_lines[line.strip()] += 1
    changed = set()
    for index, line in enumerate(new.split(b"\n")):
        if not line.strip():
            continue
        record_id = _record_id(line, id_field)
        if record_id is not None and record_id in old_by_id:
            if old_by_id[record_id] != line.strip():
                changed.add(index)
        elif old_lines[line.strip()] > 0:
            old_lines[line.strip()] -= 1
        else:
            changed.add(index)
    return changed


def _record_id(line: bytes, id_field: str) -> str | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return None
    value = dotted_get(record, id_field) if isinstance(record, dict) else None
    return None if value is None else str(value)
