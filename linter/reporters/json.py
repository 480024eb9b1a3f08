"""Machine-readable findings: a JSON list, or one JSON object a line."""

from __future__ import annotations

import json
from typing import TextIO

from linter.finding import Finding
from linter.reporters.base import LIST_MARKER, Report, Reporter, StreamingReporter, write_json


class JsonReporter(Reporter):
    """A JSON list of findings (the schema in the README)."""

    name = "json"
    description = "a JSON list of findings"

    def render(self, report: Report, out: TextIO) -> None:
        write_json(out, LIST_MARKER, (f.to_dict() for f in report.findings))


class JsonLinesReporter(StreamingReporter):
    """One JSON object a line, one finding an object: for streaming into other tools."""

    name = "json-lines"
    description = "one JSON finding a line"

    def write(self, finding: Finding, out: TextIO) -> None:
        out.write(json.dumps(finding.to_dict(), ensure_ascii=False))
        out.write("\n")
