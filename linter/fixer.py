"""Applies fixes to files, atomically, and only when asked.

The check phase streams; fixes are applied afterwards by re-reading each file
that has any, verifying that every document is still the text that was
checked, and writing a new file next to the old one that replaces it in one
``os.replace``.  A file whose bytes are not valid UTF-8, whose format has no
writer (Parquet), or that changed since the check is left alone, with a
warning: a fix must never lose data.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import gzip
import hashlib
import io
import math
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from linter.finding import Edit, Finding
from linter.json_splice import field_value, splice
from linter.readers.base import sniff_encoding
from linter.safe_write import NotWritten, Snapshot, remove_stale_temporaries, replace_file, sync_folder, terminate_cleanly


@dataclass
class FixOutcome:
    applied: list[Finding] = field(default_factory=list)
    """Findings whose fix was written (or, without writing, would be)."""
    warnings: list[str] = field(default_factory=list)
    changes: list[tuple[str, bytes, bytes]] = field(default_factory=list)
    """(path, bytes before, bytes after) of each file a fix changes: what ``--diff`` shows."""


def choose_edits(findings: Iterable[Finding], unsafe: bool, length: int | None = None) -> tuple[list[Edit], list[Finding]]:
    """Non-overlapping edits, first come first served; a fix that overlaps an earlier one waits for the next run.

    A fix whose own edits overlap or leave the text (``length``) is a rule's bug and is never applied.
    """
    chosen: list[Edit] = []
    applied: list[Finding] = []
    taken: list[tuple[int, int]] = []  # sorted; spans that do not overlap also have sorted ends
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe):
            continue
        spans = sorted((e.start, e.end) for e in fix.edits)
        if not _well_formed(spans, length) or any(_overlaps(span, taken) for span in spans):
            continue
        chosen.extend(fix.edits)
        for span in spans:
            bisect.insort(taken, span)
        applied.append(finding)
    return chosen, applied


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps a taken span, or inserts where one starts (a binary search, not a scan:
    a document may have tens of thousands of fixes)."""
    start, end = span
    index = bisect.bisect_right(taken, (end, math.inf))  # the spans that start at or before ``end``
    while index > 0:
        index -= 1
        taken_start, taken_end = taken[index]
        if taken_end < start:  # ends are sorted: no earlier span reaches ``span``
            return False
        if start < taken_end and taken_start < end or start == end == taken_start:
            return True
    return False


def _well_formed(spans: list[tuple[int, int]], length: int | None) -> bool:
    if any(start < 0 or end < start or (length is not None and end > length) for start, end in spans):
        return False
    return all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with the edits applied; where deletions leave blank lines behind, one paragraph break stays.

    Removing a line between two paragraphs would otherwise leave two or more
    blank lines (four in a row for a removed block): a run of line breaks at a
    deletion is cut to the longest run that stood next to the deleted text,
    to none at the very start of the text, and at its very end to the line
    break (or breaks) the text ended with.
    """
    parts: list[str] = []
    cursor = 0
    length = 0
    content_end = len(text.rstrip(" \t\r\n"))  # only white space follows
    points: list[tuple[int, int]] = []  # (offset in the result, line breaks allowed there)
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        kept = text[cursor : edit.start]
        parts.append(kept)
        parts.append(edit.replacement)
        length += len(kept) + len(edit.replacement)
        if not edit.replacement and edit.end > edit.start:
            if edit.start == 0:
                allowed = 0
            elif edit.end >= content_end:
                allowed = max(_breaks_before(text, len(text)), 1)
            else:
                allowed = max(_breaks_before(text, edit.start), _breaks_after(text, edit.end))
            points.append((length, allowed))
        cursor = edit.end
    parts.append(text[cursor:])
    result = "".join(parts)
    cuts = [cut for point, allowed in _merged(result, points) if (cut := _blank_run_cut(result, point, allowed))]
    if not cuts:
        return result
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in cuts:  # in order, each in its own run of white space: one pass
        pieces += [result[cursor:start], replacement]
        cursor = end
    pieces.append(result[cursor:])
    return "".join(pieces)


def _merged(text: str, points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One point per run of white space, allowing the most any deletion in it allowed
    (consecutive deleted lines are one deletion)."""
    merged: list[tuple[int, int]] = []
    for point, allowed in points:
        if merged and not text[merged[-1][0] : point].strip(" \t\r\n"):
            first, before = merged[-1]
            at_start = first == 0 and before == 0  # blank lines that would open the text go entirely
            merged[-1] = (first, 0 if at_start else max(before, allowed))
        else:
            merged.append((point, allowed))
    return merged


def _breaks_before(text: str, offset: int) -> int:
    run = text[max(offset - 20, 0) : offset].replace("\r", "").rstrip(" \t")
    return len(run) - len(run.rstrip("\n"))


def _breaks_after(text: str, offset: int) -> int:
    run = text[offset : offset + 20].replace("\r", "")
    return len(run) - len(run.lstrip("\n"))


def _blank_run_cut(text: str, point: int, allowed: int) -> tuple[int, int, str] | None:
    """How to cut the run of blank lines around ``point`` to ``allowed`` line breaks (spaces in it go too):
    (start, end, replacement), or None to leave it."""
    start = point
    while start > 0 and text[start - 1] in " \t\r\n":
        start -= 1
    end = point
    while end < len(text) and text[end] in " \t\r\n":
        end += 1
    run = text[start:end]
    breaks = run.count("\n")
    if breaks <= max(allowed, 1) and not (start == 0 and allowed == 0 and breaks):
        return None
    first, last = run.find("\n"), run.rfind("\n")
    if start > 0:  # keep the spaces that end the line before and that indent the line after
        head, tail = run[:first].rstrip("\r"), run[last + 1 :]
    else:
        head, tail = "", run[last + 1 :]
    newline = "\r\n" if "\r\n" in run else "\n"
    return start, end, head + newline * allowed + tail


def text_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def fix_files(
    findings: Iterable[Finding],
    digests: dict[tuple[str, int | None], str],
    *,
    unsafe: bool = False,
    text_field: str = "text",
    roots: Sequence[str] = (),
    write: bool = True,
) -> FixOutcome:
    """Apply the fixable findings to their files; returns what was written.

    With ``write=False`` nothing is written: the outcome holds each file's
    bytes before and after, for ``--diff``.

    ``digests`` holds the checked text's digest per (path, record); a
    document whose text differs now is not touched.  ``roots`` are the paths
    the user named: a file reached through a symlink that leads out of them
    is not written.  A finding counts as applied only once its file is written.
    """
    outcome = FixOutcome()
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.fix is not None and (finding.fix.safe or unsafe):
            by_path[finding.path].append(finding)
    cleaned: set[Path] = set()
    written: set[Path] = set()
    with terminate_cleanly() if write else contextlib.nullcontext():
        try:
            for path, path_findings in sorted(by_path.items()):
                target = _writable_target(path, roots, outcome.warnings)
                if target is None:
                    continue
                if write and target.parent not in cleaned:
                    remove_stale_temporaries(target.parent)
                    cleaned.add(target.parent)
                try:
                    snapshot, raw = Snapshot.take(target)
                    fix = _fix_jsonl if path.lower().endswith(JSONL_SUFFIXES) else _fix_text
                    new, applied = fix(path, raw, path_findings, digests, unsafe, text_field, outcome.warnings)
                    if new is None or new == raw:
                        continue
                    if write:
                        replace_file(snapshot, new)
                        written.add(target.parent)
                    else:
                        outcome.changes.append((path, raw, new))
                    outcome.applied.extend(applied)
                except NotWritten as reason:
                    outcome.warnings.append(f"{path}: not fixed: {reason}")
                except (OSError, UnicodeDecodeError, ValueError) as error:
                    outcome.warnings.append(f"{path}: not fixed: {error}")
        finally:  # the moves made durable, once per folder
            for folder in written:
                sync_folder(folder)
    return outcome


def _writable_target(path: str, roots: Sequence[str], warnings: list[str]) -> Path | None:
    """The real file a fix of ``path`` may be written to, or None (and a warning) if none may be."""
    if path == "-":
        warnings.append("fixes are not applied to standard input")
        return None
    if not path.lower().endswith(JSONL_SUFFIXES + TEXT_SUFFIXES):
        warnings.append(f"{path}: fixes are not written to this format; left unchanged")
        return None
    if roots and _leaves_roots(path, roots):
        warnings.append(f"{path}: a symlink to {os.path.realpath(path)}, outside the checked paths; not fixed")
        return None
    target = Path(os.path.realpath(path))
    if not target.is_file():  # a pipe read once by the check would block here, and be replaced by a file
        warnings.append(f"{path}: not a regular file; not fixed")
        return None
    return target


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
UTF8_BOM = b"\xef\xbb\xbf"


def _leaves_roots(path: str, roots: Sequence[str]) -> bool:
    """Whether a file found below the named paths really lives outside all of them (a symlink out).

    A file named on the command line is the user's own choice, symlink or not.
    """
    if path in roots:
        return False
    real = Path(os.path.realpath(path))
    return not any(
        real.is_relative_to(os.path.realpath(root)) for root in roots if root != "-" and os.path.isdir(root)
    )


def _fix_text(
    path: str,
    raw: bytes,
    findings: list[Finding],
    digests: dict[tuple[str, int | None], str],
    unsafe: bool,
    text_field: str,
    warnings: list[str],
) -> tuple[bytes | None, list[Finding]]:
    encoding = sniff_encoding(raw)  # written back as it was read: UTF-16 stays UTF-16, a BOM stays
    text = raw[len(encoding.bom) :].decode(encoding.codec)  # strict: never rewrite lossy text
    if digests.get((path, None)) != text_digest(text):
        warnings.append(f"{path}: changed since it was checked; not fixed")
        return None, []
    edits, applied = choose_edits(findings, unsafe, len(text))
    if not edits:
        return None, []
    fixed = apply_edits(text, edits)
    return encoding.bom + fixed.encode(encoding.codec), applied


def _fix_jsonl(
    path: str,
    raw: bytes,
    findings: list[Finding],
    digests: dict[tuple[str, int | None], str],
    unsafe: bool,
    text_field: str,
    warnings: list[str],
) -> tuple[bytes | None, list[Finding]]:
    """Splice new text values into the records that have fixes; every other byte is kept."""
    by_record: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.location.record is not None:
            by_record[finding.location.record].append(finding)
    compressed = path.lower().endswith(".gz")
    data = gzip.decompress(raw) if compressed else raw
    encoding = sniff_encoding(data)
    if encoding.wide:
        raise NotWritten(f"JSON lines in {encoding.label} are not rewritten (records are spliced as UTF-8); convert the file to UTF-8 to fix it")
    parts = data.split(b"\n")  # the reader splits on \n only, so record indexes match
    lines = [part + b"\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    applied: list[Finding] = []
    for index, record_findings in sorted(by_record.items()):
        if index >= len(lines):
            warnings.append(f"{path}: record {index} no longer exists; not fixed")
            continue
        fixed = _fix_record(lines[index], record_findings, digests.get((path, index)), unsafe, text_field)
        if fixed is None:
            warnings.append(f"{path}: record {index} changed since it was checked; not fixed")
            continue
        lines[index], record_applied = fixed
        applied.extend(record_applied)
    if not applied:
        return None, []
    out = b"".join(lines)
    if compressed:
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0) as gz:
            gz.write(out)
        out = buffer.getvalue()
    return out, applied


def _fix_record(
    line: bytes, findings: list[Finding], digest: str | None, unsafe: bool, text_field: str
) -> tuple[bytes, list[Finding]] | None:
    """The record's line with its text fixed, and the findings applied; None if the record changed."""
    bom = line.startswith(UTF8_BOM)
    try:
        body = line[len(UTF8_BOM) if bom else 0 :].decode("utf-8")
        found = field_value(body, text_field)
    except (ValueError, RecursionError):  # not UTF-8 or not JSON any more (or nested too deep to read)
        return None
    if found is None or not isinstance(found[2], str) or digest != text_digest(found[2]):
        return None
    start, end, text = found
    edits, applied = choose_edits(findings, unsafe, len(text))
    if not edits:
        return line, []
    spliced = splice(body, (start, end), apply_edits(text, edits))
    return (UTF8_BOM if bom else b"") + spliced.encode("utf-8"), applied


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """What a fix changes in one file, as a unified diff of its (decompressed) text."""
    if path.lower().endswith(".gz"):
        before, after = gzip.decompress(before), gzip.decompress(after)
    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=path, tofile=path)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _lines(data: bytes) -> list[str]:
    """The text's lines, each with its "\n": split where ``diff`` and ``patch`` split, never at the other
    characters ``str.splitlines`` takes for line ends (U+2028, form feed...), which can stand inside a line."""
    encoding = sniff_encoding(data)
    parts = data[len(encoding.bom) :].decode(encoding.codec, "replace").split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
