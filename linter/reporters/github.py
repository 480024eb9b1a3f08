"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

A finding inside a JSONL record is annotated on the record's line of the file
(record i is line i + 1), so it sits on the diff; its line and column count
within the record's text, so the message names the record and that place.  A
Parquet row has no line: it is annotated on the file.
"""

from __future__ import annotations

from typing import TextIO

from linter.finding import Finding, Severity
from linter.reporters.base import StreamingReporter, record_file_line, record_label

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: GitHub's own escaping of ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, plus ``:`` and ``,`` that would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    properties = [("file", loc.path)]
    message = finding.message
    label = record_label(loc)
    if label is None:
        properties += [
            ("line", str(loc.line)),
            ("endLine", str(loc.end_line)),
            ("col", str(loc.column)),
            ("endColumn", str(loc.end_column)),
        ]
    else:
        message = f"record {label}, line {loc.line}, column {loc.column}: {message}"
        file_line = record_file_line(loc)
        if file_line is not None:
            properties += [("line", str(file_line)), ("endLine", str(file_line))]
    properties.append(("title", f"{finding.code} {finding.name}"))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


class GithubReporter(StreamingReporter):
    """One ``::error`` / ``::warning`` / ``::notice`` command a finding."""

    name = "github"
    description = "GitHub Actions annotations (workflow commands)"

    def write(self, finding: Finding, out: TextIO) -> None:
        out.write(annotation(finding) + "\n")
