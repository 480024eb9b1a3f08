"""Machine-readable findings: a JSON list, or one JSON object a line."""

from __future__ import annotations

import json
from typing import TextIO

from linter.reporters.base import Report, Reporter


class JsonReporter(Reporter):
    """A JSON list of findings (the schema in the README)."""

    name = "json"
    description = "a JSON list of findings"

    def render(self, report: Report, out: TextIO) -> None:
        out.write(json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2))  # one write: json.dump writes in tiny chunks
        out.write("\n")


class JsonLinesReporter(Reporter):
    """One JSON object a line, one finding an object: for streaming into other tools."""

    name = "json-lines"
    description = "one JSON finding a line"

    def render(self, report: Report, out: TextIO) -> None:
        for finding in report.findings:
            out.write(json.dumps(finding.to_dict(), ensure_ascii=False))
            out.write("\n")
