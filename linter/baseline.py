"""Adopting the linter on a corpus that already has findings: a baseline of known findings.

``--write-baseline FILE`` records today's findings; ``--baseline FILE``
reports only findings that are not in it.  A finding is known by a
fingerprint that survives edits elsewhere: its rule, its document (the
record's id, else the file's path: never a line number or record index),
the flagged text and its neighbourhood on the line, white space folded, and
how many identical findings came before it in the same document.  A
corpus-wide finding carries no line of text (its message counts documents,
and changes when another document does), so its text is read again from its
file.  Entries that no longer match anything are stale: ``--statistics``
counts them and ``--prune-baseline`` drops them from the file; only entries
the run could have matched count (of files it read, or of files under the
checked paths that are gone), so checking a few files leaves the rest alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import regex

from linter.finding import Finding

FORMAT_VERSION = 1
NEIGHBOURHOOD = 30
"""Characters of the line on each side of the flagged text that are part of its fingerprint."""
_SPACE = regex.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names it."""


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


Texts = dict[tuple[str, "int | None"], str]
"""Documents' texts as read, by (path, record)."""
TextLoader = Callable[[Iterable[tuple[str, "int | None"]]], Texts]


def _file_key(path: str, root: Path) -> str:
    """A file as the baseline names it: relative to the baseline's folder (so the baseline holds
    wherever the command runs from); standard input stays ``-``."""
    return path if path == "-" else Path(os.path.relpath(os.path.realpath(path), root)).as_posix()


def document_key(finding: Finding, root: Path) -> str:
    """The finding's document, by what stays put: its file, plus the record's id if it has one."""
    location = finding.location
    path = _file_key(location.path, root)
    return f"{path}#id={location.id}" if location.id is not None else path


def flagged_text(finding: Finding) -> str | None:
    """The exact flagged text, when the finding's snippet holds all of it (one line, inside the window)."""
    snippet = finding.snippet
    loc = finding.location
    if snippet is None or loc.end_line != loc.line:
        return None
    first = loc.column - 1 - snippet.offset
    last = loc.end_column - 1 - snippet.offset
    if first < 0 or last > len(snippet.text) or last < first:
        return None
    return snippet.text[first:last]


def fingerprint_content(finding: Finding, texts: Texts) -> tuple[str, str]:
    """The flagged text and its neighbourhood on the line: from the finding's snippet, else from its
    document's text (corpus-wide findings), else (standard input) the message."""
    location = finding.location
    flagged = flagged_text(finding)
    snippet = finding.snippet
    if flagged is not None and snippet is not None:
        line, first = snippet.text, location.column - 1 - snippet.offset
    elif (text := texts.get((location.path, location.record))) is not None and location.end <= len(text):
        line_start = text.rfind("\n", 0, location.start) + 1
        line_end = text.find("\n", location.end)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        flagged, first = text[location.start : location.end], location.start - line_start
    else:
        return "", _folded(finding.message)
    last = first + len(flagged)
    around = line[max(first - NEIGHBOURHOOD, 0) : first] + "\u241f" + line[last : last + NEIGHBOURHOOD]
    return _folded(flagged), _folded(around)


def texts_without_snippets(findings: Iterable[Finding], load: TextLoader | None) -> Texts:
    """The texts of the documents that have findings without a line of text (corpus-wide findings)."""
    wanted = {(f.location.path, f.location.record) for f in findings if flagged_text(f) is None}
    return load(wanted) if load is not None and wanted else {}


def fingerprints(findings: Iterable[Finding], root: Path, texts: Texts | None = None) -> list[str]:
    """One fingerprint per finding, in order; identical findings in one document are told apart by their rank."""
    seen: Counter[tuple[str, ...]] = Counter()
    prints = []
    for finding in findings:
        key = (finding.code, document_key(finding, root), *fingerprint_content(finding, texts or {}))
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
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION or not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: not a corpus-linter baseline (version {FORMAT_VERSION})")
    return entries


def apply_baseline(
    findings: list[Finding],
    entries: list[dict],
    root: Path,
    texts: Texts | None = None,
    in_scope: Callable[[dict], bool] = lambda entry: True,
) -> BaselineResult:
    """Drop the findings the baseline knows; each entry accounts for one finding.
    Entries that match nothing are stale if ``in_scope`` says this run could have matched them."""
    remaining = Counter(entry["fingerprint"] for entry in entries)
    new = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root, texts)):
        if remaining[fingerprint] > 0:
            remaining[fingerprint] -= 1
        else:
            new.append(finding)
    stale = []
    for entry in entries:
        if remaining[entry["fingerprint"]] > 0:
            remaining[entry["fingerprint"]] -= 1
            if in_scope(entry):
                stale.append(entry)
    return BaselineResult(new, len(findings) - len(new), stale)


def checked_scope(read: Iterable[str], paths: Sequence[str], root: Path) -> Callable[[dict], bool]:
    """Whether a run could have matched an entry: its file was read, or it is gone from under a checked path."""
    files = {_file_key(path, root) for path in read}
    tops = [os.path.realpath(path) for path in paths if path != "-"]

    def in_scope(entry: dict) -> bool:
        file = str(entry.get("document", "")).partition("#id=")[0]
        if file in files:
            return True
        full = os.path.realpath(root / file)
        return not os.path.lexists(full) and any(full == top or full.startswith(top + os.sep) for top in tops)

    return in_scope


def baseline_entries(findings: list[Finding], root: Path, texts: Texts | None = None) -> list[dict]:
    """Entries for a baseline file: the fingerprint, plus what a reader of the file needs to recognise it."""
    entries = []
    for finding, fingerprint in zip(findings, fingerprints(findings, root, texts)):
        flagged, _around = fingerprint_content(finding, texts or {})
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
    """Write the baseline atomically (sorted, one entry a line, so it diffs well in review).

    A new file gets the usual permissions (the umask's), a rewritten one keeps its own.
    """
    ordered = sorted(entries, key=lambda e: (str(e.get("document", "")), str(e.get("code", "")), e["fingerprint"]))
    body = ",\n".join("    " + _entry_json(entry) for entry in ordered)
    entries_json = f"[\n{body}\n  ]" if ordered else "[]"
    text = f'{{\n  "version": {FORMAT_VERSION},\n  "tool": "corpus-linter",\n  "entries": {entries_json}\n}}\n'
    target = writable_baseline(path)
    temporary = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        with open(temporary, "x", encoding="utf-8") as handle:
            handle.write(text)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise BaselineError(f"cannot write baseline {path}: {error.strerror or error}") from None


def writable_baseline(path: Path) -> Path:
    """The file a baseline at ``path`` is written to (through a symlink); BaselineError if it cannot be:
    a missing folder, or something other than a regular file (a device, a folder) that replacing would destroy."""
    target = path.resolve()
    if not target.parent.is_dir():
        raise BaselineError(f"cannot write baseline {path}: no folder {target.parent}")
    if target.exists() and not target.is_file():
        raise BaselineError(f"cannot write baseline {path}: not a regular file")
    return target


def _entry_json(entry: dict) -> str:
    """One entry as JSON: readable UTF-8, escaped where the text cannot be UTF-8 (a lone surrogate)."""
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(entry, ensure_ascii=True, sort_keys=True)
    return text
