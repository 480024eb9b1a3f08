"""Adopting the linter on a corpus that already has findings: a baseline of known findings.

``--write-baseline FILE`` records today's findings; ``--baseline FILE``
reports only findings that are not in it.  A finding is known by a
fingerprint that survives edits elsewhere: its rule, its document (the
record's id, else the file's path: never a line number or record index),
the flagged text and its neighbourhood on the line, white space folded, and
how many identical findings came before it in the same document.  Entries
that no longer match anything are stale: ``--statistics`` counts them and
``--prune-baseline`` drops them from the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import regex

from linter.finding import Finding
from linter.reporters.base import flagged_text

FORMAT_VERSION = 1
NEIGHBOURHOOD = 30
"""Characters of the line on each side of the flagged text that are part of its fingerprint."""
_SPACE = regex.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names it."""


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def document_key(finding: Finding, root: Path) -> str:
    """The finding's document, by what stays put: its file relative to the baseline's folder (so the
    baseline holds wherever the command runs from), plus the record's id if it has one."""
    location = finding.location
    path = location.path
    if path != "-":
        path = Path(os.path.relpath(os.path.realpath(path), root)).as_posix()
    return f"{path}#id={location.id}" if location.id is not None else path


def _content(finding: Finding) -> tuple[str, str]:
    """The flagged text and its neighbourhood on the line (the message where the text is not at hand)."""
    flagged = flagged_text(finding)
    snippet = finding.snippet
    if flagged is None or snippet is None:
        return "", _folded(finding.message)
    first = finding.location.column - 1 - snippet.offset
    last = first + len(flagged)
    around = snippet.text[max(first - NEIGHBOURHOOD, 0) : first] + "\u241f" + snippet.text[last : last + NEIGHBOURHOOD]
    return _folded(flagged), _folded(around)


def fingerprints(findings: Iterable[Finding], root: Path) -> list[str]:
    """One fingerprint per finding, in order; identical findings in one document are told apart by their rank."""
    seen: Counter[tuple[str, ...]] = Counter()
    prints = []
    for finding in findings:
        key = (finding.code, document_key(finding, root), *_content(finding))
        payload = json.dumps([*key, seen[key]], ensure_ascii=False)
        prints.append(hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32])
        seen[key] += 1
    return prints


@dataclass
class BaselineResult:
    findings: list[Finding]
    """The findings not in the baseline."""
    known: int
    """Findings the baseline accounted for."""
    stale: list[dict]
    """Baseline entries that matched no finding."""


def read_baseline(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BaselineError(f"{path}: not a readable baseline: {error}") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if data.get("version") != FORMAT_VERSION or not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: not a corpus-linter baseline (version {FORMAT_VERSION})")
    return entries


def apply_baseline(findings: list[Finding], entries: list[dict], root: Path) -> BaselineResult:
    """Drop the findings the baseline knows; each entry accounts for one finding."""
    remaining = Counter(entry["fingerprint"] for entry in entries)
    new = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root)):
        if remaining[fingerprint] > 0:
            remaining[fingerprint] -= 1
        else:
            new.append(finding)
    stale = []
    for entry in entries:
        if remaining[entry["fingerprint"]] > 0:
            remaining[entry["fingerprint"]] -= 1
            stale.append(entry)
    return BaselineResult(new, len(findings) - len(new), stale)


def baseline_entries(findings: list[Finding], root: Path) -> list[dict]:
    """Entries for a baseline file: the fingerprint, plus what a reader of the file needs to recognise it."""
    entries = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root)):
        flagged, _around = _content(finding)
        entries.append(
            {
                "fingerprint": fingerprint,
                "code": finding.code,
                "document": document_key(finding, root),
                "text": flagged,
                "message": finding.message,
            }
        )
    return entries


def write_baseline(path: Path, entries: list[dict]) -> None:
    """Write the baseline atomically (sorted, one entry a line, so it diffs well in review)."""
    ordered = sorted(entries, key=lambda e: (e["document"], e["code"], e["fingerprint"]))
    body = ",\n".join("    " + _entry_json(entry) for entry in ordered)
    entries_json = f"[\n{body}\n  ]" if ordered else "[]"
    text = f'{{\n  "version": {FORMAT_VERSION},\n  "tool": "corpus-linter",\n  "entries": {entries_json}\n}}\n'
    temporary = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.resolve().parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None


def _entry_json(entry: dict) -> str:
    """One entry as JSON: readable UTF-8, escaped where the text cannot be UTF-8 (a lone surrogate)."""
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(entry, ensure_ascii=True, sort_keys=True)
    return text
