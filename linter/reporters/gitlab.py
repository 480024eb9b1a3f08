"""GitLab Code Quality JSON (the Code Climate issue subset GitLab reads).

Fingerprints.  GitLab compares a merge request's report with its target
branch's by fingerprint, to tell new findings from old ones.  A fingerprint
made of line numbers would call every finding below an edited paragraph
"new", so it hashes what stays put instead: the path, the record (its id, else
its index), the rule code and the flagged text with its neighbourhood on the
line (as a baseline knows a finding; a corpus-wide finding's text is read
again from its file, since its message counts documents), plus how many
identical findings came before it in the same file, which keeps fingerprints
unique when one typo occurs twice.

Lines.  A finding inside a JSONL record is reported on the record's line of
the file (record i is line i + 1); its line and column within the record's
text go in the description.  A Parquet row has no line: line 1.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, Iterator, TextIO

from linter.baseline import Texts, fingerprint_content, texts_without_snippets
from linter.finding import Finding, Severity
from linter.reporters.base import LIST_MARKER, Report, Reporter, record_file_line, record_key, record_label, write_json

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint_key(finding: Finding, texts: Texts) -> tuple[str, ...]:
    loc = finding.location
    return (loc.path, record_key(loc) or "", finding.code, *fingerprint_content(finding, texts))


def fingerprint(key: tuple[str, ...], occurrence: int) -> str:
    payload = json.dumps([*key, occurrence], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()  # a lone surrogate from a record


def issue(finding: Finding, key: tuple[str, ...], occurrence: int) -> dict[str, Any]:
    loc = finding.location
    label = record_label(loc)
    description = f"{finding.code} {finding.message}"
    if label is None:
        lines = {"begin": loc.line, "end": loc.end_line}
    else:
        description = f"{finding.code} record {label}, line {loc.line}, column {loc.column}: {finding.message}"
        lines = {"begin": record_file_line(loc) or 1}
    return {
        "description": description,
        "check_name": finding.code,
        "fingerprint": fingerprint(key, occurrence),
        "severity": SEVERITIES[finding.severity],
        "location": {"path": loc.path, "lines": lines},
    }


def code_quality(report: Report) -> Iterator[dict[str, Any]]:
    seen: Counter[tuple[str, ...]] = Counter()
    texts = texts_without_snippets(report.findings, report.load_texts)
    for finding in report.findings:
        key = fingerprint_key(finding, texts)
        yield issue(finding, key, seen[key])
        seen[key] += 1


class GitlabReporter(Reporter):
    """A JSON list of Code Quality issues for a GitLab ``codequality`` report artifact."""

    name = "gitlab"
    description = "GitLab Code Quality JSON"

    def render(self, report: Report, out: TextIO) -> None:
        write_json(out, LIST_MARKER, code_quality(report))
