"""SARIF 2.1.0, for GitHub code scanning, VS Code's SARIF viewer and other SARIF tools.

Choices worth knowing:

* Columns and character offsets are Unicode code points (``run.columnKind``
  is ``unicodeCodePoints``), as everywhere in corpus-linter.
* Relative paths are relative URIs against ``%SRCROOT%`` (the working
  directory, given in ``originalUriBaseIds``); absolute paths are ``file:`` URIs.
* A finding inside a JSONL or Parquet record names its record in a logical
  location (``kind`` ``record``) and in the location's ``properties``
  (``record``, ``recordId``): its region's lines, columns and offsets count
  within that record's text, not within the file.
* Fixes of whole-file documents are SARIF ``fixes``.  A record's fix counts
  its offsets within the record's text, so a SARIF tool applying it to the
  file would corrupt the file: it goes in ``properties.recordFix`` instead
  (the shape of the JSON output's ``fix``), and ``corpus-linter check --fix``
  applies it.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path, PurePath
from typing import Any, Iterator, TextIO
from urllib.parse import quote

from linter.finding import Finding, Fix, Location, Severity
from linter.reporters.base import LIST_MARKER, Report, Reporter, record_file_line, record_label, write_json
from linter.rule import Rule

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def tool_version() -> str:
    try:
        return importlib.metadata.version("corpus-linter")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def information_uri() -> str:
    """The project's home page from its package metadata, else its PyPI page."""
    try:
        urls = importlib.metadata.metadata("corpus-linter").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "repository"):
            return url.strip()
    return "https://pypi.org/project/corpus-linter/"


def artifact_location(path: str) -> dict[str, str]:
    """A relative URI against %SRCROOT%, or a file: URI for an absolute path."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SRCROOT}


def directory_uri(directory: Path) -> str:
    """A folder's file: URI with the trailing slash SARIF requires of a base URI."""
    uri = directory.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def region(location: Location) -> dict[str, int]:
    """The region in the file.  A JSON-lines record is line ``record + 1`` of its file; the
    position inside the record's text goes in the location's properties instead."""
    if location.record is not None:
        return {"startLine": record_file_line(location) or 1}
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "charOffset": location.start,
        "charLength": location.end - location.start,
    }


def sarif_location(location: Location, *, message: str | None = None, location_id: int | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if location_id is not None:
        result["id"] = location_id
    physical: dict[str, Any] = {"artifactLocation": artifact_location(location.path)}
    if not (location.record is not None and location.path.lower().endswith(".parquet")):  # rows are not lines
        physical["region"] = region(location)
    result["physicalLocation"] = physical
    label = record_label(location)
    if label is not None:
        result["logicalLocations"] = [
            {"name": label, "fullyQualifiedName": f"{location.path}[{label}]", "kind": "record"}
        ]
        properties: dict[str, Any] = {
            "record": location.record,
            "textRegion": {
                "startLine": location.line,
                "startColumn": location.column,
                "endLine": location.end_line,
                "endColumn": location.end_column,
                "charOffset": location.start,
                "charLength": location.end - location.start,
            },
        }
        if location.id is not None:
            properties["recordId"] = location.id
        result["properties"] = properties
    if message:
        result["message"] = {"text": message}
    return result


def sarif_fix(path: str, fix: Fix) -> dict[str, Any]:
    replacements = [
        {
            "deletedRegion": {"charOffset": edit.start, "charLength": edit.end - edit.start},
            "insertedContent": {"text": edit.replacement},
        }
        for edit in fix.edits
    ]
    result: dict[str, Any] = {
        "artifactChanges": [{"artifactLocation": artifact_location(path), "replacements": replacements}],
        "properties": {"safe": fix.safe},
    }
    if fix.description:
        result["description"] = {"text": fix.description}
    return result


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    docs = rule.documentation()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary() or rule.name},
        "fullDescription": {"text": docs or rule.name},
        "help": {"text": docs or rule.name, "markdown": docs or rule.name},
        "defaultConfiguration": {"enabled": rule.enabled_by_default, "level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "fixable": rule.fixable, "tags": [rule.category]},
    }


def adhoc_descriptor(finding: Finding) -> dict[str, Any]:
    """Metadata for a code no registered rule owns (input problems such as INP001)."""
    return {
        "id": finding.code,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": [finding.category]},
    }


def descriptors(report: Report) -> list[dict[str, Any]]:
    """Every rule that ran, then any other code that has findings, sorted by code."""
    by_code = {code: rule_descriptor(rule) for code, rule in report.rules.items()}
    for finding in report.findings:
        if finding.code not in by_code:
            by_code[finding.code] = adhoc_descriptor(finding)
    return [by_code[code] for code in sorted(by_code)]


def sarif_result(finding: Finding, rule_index: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [sarif_location(finding.location)],
    }
    if finding.related:
        result["relatedLocations"] = [
            sarif_location(related, message=related.message or None, location_id=number)
            for number, related in enumerate(finding.related, start=1)
        ]
    properties: dict[str, Any] = {"category": finding.category}
    if finding.fix is not None:
        if finding.location.record is None:
            result["fixes"] = [sarif_fix(finding.location.path, finding.fix)]
        else:
            properties["recordFix"] = finding.fix.to_dict()
    result["properties"] = properties
    return result


def sarif_log(report: Report) -> dict[str, Any]:
    rules = descriptors(report)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "corpus-linter",
                "version": tool_version(),
                "informationUri": information_uri(),
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": directory_uri(Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": LIST_MARKER,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def sarif_results(report: Report) -> Iterator[dict[str, Any]]:
    index = {rule["id"]: number for number, rule in enumerate(descriptors(report))}
    return (sarif_result(finding, index[finding.code]) for finding in report.findings)


class SarifReporter(Reporter):
    """One SARIF 2.1.0 log with one run: rule metadata, results, related locations, fixes."""

    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning, SARIF viewers)"

    def render(self, report: Report, out: TextIO) -> None:
        write_json(out, sarif_log(report), sarif_results(report))
