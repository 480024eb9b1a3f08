"""Applies fixes to files, atomically, and only when asked.

The check phase streams; fixes are applied afterwards by re-reading each file
that has any, verifying that every document is still the text that was
checked, and writing a new file next to the old one that replaces it in one
``os.replace``.  A file whose bytes are not valid UTF-8, whose format has no
writer (Parquet), or that changed since the check is left alone, with a
warning: a fix must never lose data.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from linter.finding import Edit, Finding
from linter.readers.base import dotted_get


@dataclass
class FixOutcome:
    applied: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def choose_edits(findings: Iterable[Finding], unsafe: bool, length: int | None = None) -> tuple[list[Edit], list[Finding]]:
    """Non-overlapping edits, first come first served; a fix that overlaps an earlier one waits for the next run.

    A fix whose own edits overlap or leave the text (``length``) is a rule's bug and is never applied.
    """
    chosen: list[Edit] = []
    applied: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe):
            continue
        spans = sorted((e.start, e.end) for e in fix.edits)
        if not _well_formed(spans, length):
            continue
        if any(s < te and ts < e or (s == e == ts) for s, e in spans for ts, te in taken):
            continue
        chosen.extend(fix.edits)
        taken.extend(spans)
        applied.append(finding)
    return chosen, applied


def _well_formed(spans: list[tuple[int, int]], length: int | None) -> bool:
    if any(start < 0 or end < start or (length is not None and end > length) for start, end in spans):
        return False
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    parts = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        parts.append(text[cursor : edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def fix_files(
    findings: Iterable[Finding],
    digests: dict[tuple[str, int | None], str],
    *,
    unsafe: bool = False,
    text_field: str = "text",
) -> FixOutcome:
    """Apply the fixable findings to their files; returns what was applied.

    ``digests`` holds the checked text's digest per (path, record); a
    document whose text differs now is not touched.
    """
    outcome = FixOutcome()
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None and (finding.fix.safe or unsafe):
            by_path[finding.path].append(finding)
    for path, path_findings in sorted(by_path.items()):
        if path == "-":
            outcome.warnings.append("fixes are not applied to standard input")
            continue
        lower = path.lower()
        try:
            if lower.endswith(JSONL_SUFFIXES):
                _fix_jsonl(path, path_findings, digests, unsafe, text_field, outcome)
            elif lower.endswith(TEXT_SUFFIXES):
                _fix_text(path, path_findings, digests, unsafe, outcome)
            else:
                outcome.warnings.append(f"{path}: fixes are not written to this format; left unchanged")
        except (OSError, UnicodeDecodeError, ValueError) as error:
            outcome.warnings.append(f"{path}: not fixed: {error}")
    return outcome


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _target(path: str) -> Path:
    """The real file behind a path: a fix through a symlink must change the file, not replace the link."""
    return Path(os.path.realpath(path))


def _write_atomically(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fix_text(
    path: str, findings: list[Finding], digests: dict[tuple[str, int | None], str], unsafe: bool, outcome: FixOutcome
) -> None:
    target = _target(path)
    raw = target.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw[3 if bom else 0 :].decode("utf-8")  # strict: never rewrite lossy text
    if digests.get((path, None)) != text_digest(text):
        outcome.warnings.append(f"{path}: changed since it was checked; not fixed")
        return
    edits, applied = choose_edits(findings, unsafe, len(text))
    if not edits:
        return
    fixed = apply_edits(text, edits)
    _write_atomically(target, (b"\xef\xbb\xbf" if bom else b"") + fixed.encode("utf-8"))
    outcome.applied.extend(applied)


def _fix_jsonl(
    path: str,
    findings: list[Finding],
    digests: dict[tuple[str, int | None], str],
    unsafe: bool,
    text_field: str,
    outcome: FixOutcome,
) -> None:
    """Rewrite only the records that have fixes; every other line is kept byte for byte."""
    by_record: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.location.record is not None:
            by_record[finding.location.record].append(finding)
    target = _target(path)
    compressed = target.name.lower().endswith(".gz")
    raw = target.read_bytes()
    data = gzip.decompress(raw) if compressed else raw
    parts = data.split(b"\n")  # the reader splits on \n only, so record indexes match
    lines = [part + b"\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    changed = False
    for index, record_findings in by_record.items():
        if index >= len(lines):
            outcome.warnings.append(f"{path}: record {index} no longer exists; not fixed")
            continue
        line = lines[index]
        record = json.loads(line)
        holder, key = _field_holder(record, text_field)
        if holder is None or digests.get((path, index)) != text_digest(str(holder.get(key))):
            outcome.warnings.append(f"{path}: record {index} changed since it was checked; not fixed")
            continue
        edits, applied = choose_edits(record_findings, unsafe, len(holder[key]))
        if not edits:
            continue
        holder[key] = apply_edits(holder[key], edits)
        ending = line[len(line.rstrip(b"\r\n")) :]
        lines[index] = json.dumps(record, ensure_ascii=False).encode("utf-8") + ending
        outcome.applied.extend(applied)
        changed = True
    if changed:
        out = b"".join(lines)
        if compressed:
            buffer = io.BytesIO()
            with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as gz:
                gz.write(out)
            out = buffer.getvalue()
        _write_atomically(target, out)


def _field_holder(record: dict, dotted: str) -> tuple[dict | None, str]:
    """The dict that holds the text field, and the field's own key (the reader's dotted paths)."""
    parent, _, key = dotted.rpartition(".")
    holder = dotted_get(record, parent) if parent else record
    return (holder if isinstance(holder, dict) else None), key
