"""A reporter that counts findings per rule code."""

from __future__ import annotations

from typing import TextIO

from linter.reporters.base import Report, Reporter


class CountReporter(Reporter):
    """How many findings each rule made, most first, then the total."""

    name = "count"
    description = "the number of findings per rule code"

    def render(self, report: Report, out: TextIO) -> None:
        names = {finding.code: finding.name for finding in report.findings}
        for code, count in sorted(report.counts_by_code().items(), key=lambda item: (-item[1], item[0])):
            out.write(f"{count:>7}  {code:<8} {names[code]}\n")
        documents = f"{report.documents} document{'s' if report.documents != 1 else ''}"
        out.write(f"{len(report.findings):>7}  total in {documents}\n")
