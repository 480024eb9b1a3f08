"""The reporter contract: a finished run in, text out."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Iterable, Mapping, TextIO

from linter.finding import Finding, Location
from linter.rule import Rule


@dataclass
class Report:
    """Everything a reporter may show about a run."""

    findings: list[Finding]
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    """Every registered rule, by code (SARIF lists them as tool metadata)."""
    documents: int = 0
    bytes: int = 0
    fixed: int = 0
    """Findings whose fix was applied by ``--fix`` (they are not in ``findings``)."""
    fixable: int = 0
    """Findings in ``findings`` that carry a fix this run's ``--fix`` would apply."""
    not_fixed: int = 0
    """In a ``--fix`` run, findings whose fix was not written (a read-only file, one changed meanwhile...)."""
    hidden_fixes: int = 0
    """Findings whose fix is unsafe and would need ``--unsafe-fixes`` too."""
    baseline_known: int = 0
    """Findings not shown because the baseline (``--baseline``) knows them."""
    baseline_stale: int = 0
    """Baseline entries that matched no finding any more."""
    quiet: bool = False
    """``--quiet``: findings only, no summary."""
    settings: Mapping[str, Any] = field(default_factory=dict)
    """The run's settings worth showing (date, selected rules, version), for reports that show them."""
    elapsed: float = 0.0
    """Seconds the run took (0 when unknown)."""
    load_texts: Callable[[Iterable[tuple[str, int | None]]], dict[tuple[str, int | None], str]] | None = None
    """Reads the texts of some documents again, by (path, record), for reports that show whole documents."""
    streamed: int = 0
    """Findings a streaming reporter already wrote during the run (they are not in ``findings``)."""

    def counts_by_code(self) -> Counter[str]:
        return Counter(f.code for f in self.findings)


class Reporter:
    """Renders a report in one output format (``--output-format NAME``)."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    def render(self, report: Report, out: TextIO) -> None:
        raise NotImplementedError


class StreamingReporter(Reporter):
    """A format that can write each finding on its own, as the run finds it.

    The command line streams to such a reporter when nothing needs the whole
    list first (no --fix, baseline or --statistics): findings arrive in input
    order, corpus-wide ones last, and are not kept, so memory does not grow
    with their number.  ``render`` writes a finished run's list the same way.
    """

    def write(self, finding: Finding, out: TextIO) -> None:
        raise NotImplementedError

    def end(self, report: Report, out: TextIO) -> None:
        """What follows the findings (a summary); ``report.streamed`` counts those already written."""

    def render(self, report: Report, out: TextIO) -> None:
        for finding in report.findings:
            self.write(finding, out)
        self.end(report, out)


def record_label(location: Location) -> str | None:
    """How reports name the record a location sits in: its index, and its id if it has one
    (``3, id=a``: ids repeat in real corpora, and three records called ``a`` must not read
    as one); None for whole files."""
    if location.record is None:
        return None
    return str(location.record) if location.id is None else f"{location.record}, id={location.id}"


def record_key(location: Location) -> str | None:
    """What stays put when records are added above one: its id, else its index (for fingerprints)."""
    if location.record is None:
        return None
    return location.id if location.id is not None else str(location.record)


def record_file_line(location: Location) -> int | None:
    """The line of the file a record sits on: JSON lines are read one record a line, so record i is
    line i + 1; None outside records and for formats without lines (Parquet rows)."""
    if location.record is None or location.path.lower().endswith(".parquet"):
        return None
    return location.record + 1


LIST_MARKER = "\x00list written item by item\x00"


def write_json(out: TextIO, document: Any, items: Iterable[Any]) -> None:
    """``json.dumps(document, indent=2)`` with the list ``items`` where ``document`` holds
    ``LIST_MARKER``, written one item at a time: built whole, a report of 300,000 findings
    took gigabytes (SARIF 4.4 GB) before its first byte was written."""
    head, tail = json.dumps(document, ensure_ascii=False, indent=2).split(json.dumps(LIST_MARKER), 1)
    line = head[head.rfind("\n") + 1 :]
    indent = " " * (len(line) - len(line.lstrip(" ")))
    out.write(head)
    separator = "[\n"
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  " + indent)
        out.write(f"{separator}{indent}  {text}")  # one write an item: json.dump writes in tiny chunks
        separator = ",\n"
    out.write("[]" if separator == "[\n" else f"\n{indent}]")
    out.write(tail + "\n")
