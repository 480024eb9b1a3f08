"""Human-readable formats: full (with the source line), concise, grouped."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

import unicodedata

from linter.finding import Finding, Location
from linter.reporters.base import Report, Reporter, StreamingReporter, record_label


def visible(text: str) -> str:
    """Control and format characters made visible, one for one, so a corpus cannot drive the
    terminal (ANSI escapes) and carets stay aligned (columns count code points)."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif ord(char) < 0x20:
            out.append(chr(0x2400 + ord(char)))  # the Control Pictures block: ␛, ␀, ...
        elif char == "\x7f":
            out.append("\u2421")
        else:
            out.append("\u00b7" if unicodedata.category(char) in ("Cf", "Zl", "Zp") else "\ufffd")
    return "".join(out)


def location_label(location: Location) -> str:
    """``path`` or ``path[record id or index]``."""
    record = record_label(location)
    return location.path if record is None else f"{location.path}[{record}]"


def place(finding: Finding) -> str:
    return location_label(finding.location)


def headline(finding: Finding, with_place: bool = True) -> str:
    loc = finding.location
    prefix = f"{visible(place(finding))}:" if with_place else "  "
    fix = " [*]" if finding.fix is not None else ""
    return f"{prefix}{loc.line}:{loc.column}: {finding.code}{fix} [{finding.severity.value}] {visible(finding.message)}"


def summary(report: Report) -> str:
    count = len(report.findings) + report.streamed
    if count == 0:
        text = f"All checks passed ({report.documents} document{'s' if report.documents != 1 else ''})."
    else:
        text = f"Found {count} finding{'s' if count != 1 else ''} in {report.documents} document{'s' if report.documents != 1 else ''}."
    if report.fixed:
        text += f" Fixed {report.fixed}."
    if report.baseline_known:
        text += f" {report.baseline_known} more in the baseline."
    if report.baseline_stale:
        text += f"\n{report.baseline_stale} baseline entr{'ies' if report.baseline_stale != 1 else 'y'} no longer match (--prune-baseline drops them)."
    if report.fixable:
        text += f"\n[*] {report.fixable} fixable with the --fix option."
    if report.not_fixed:
        text += f"\n{report.not_fixed} fix{'es' if report.not_fixed != 1 else ''} not applied (the warnings say why)."
    if report.hidden_fixes:
        plural = "es" if report.hidden_fixes != 1 else ""
        text += f"\n{report.hidden_fixes} hidden fix{plural} can be enabled with the --unsafe-fixes option."
    return text


def caret_block(finding: Finding) -> list[str]:
    """The finding's line with a caret span under it, when the snippet is known."""
    snippet = finding.snippet
    if snippet is None:
        return []
    loc = finding.location
    line_text = visible(snippet.text.replace("\t", " "))
    first = max(loc.column - 1 - snippet.offset, 0)
    if loc.end_line == loc.line:
        width = max(loc.end_column - loc.column, 1)
    else:
        width = max(len(line_text) - first, 1)
    gutter = f"{loc.line} | "
    pad = " " * (len(gutter) - 2) + "| "
    return [f"  {gutter}{line_text}", f"  {pad}{' ' * first}{'^' * width}"]


class FullReporter(Reporter):
    """Each finding with its source line and a caret span, then a summary."""

    name = "full"
    description = "findings with the offending line and a caret span (default)"

    def render(self, report: Report, out: TextIO) -> None:
        for finding in report.findings:
            out.write(headline(finding) + "\n")
            for line in caret_block(finding):
                out.write(line + "\n")
            for related in finding.related:
                where = visible(location_label(related))
                out.write(f"  = related: {where}:{related.line}:{related.column}: {visible(related.message)}\n")
            out.write("\n")
        if not report.quiet:
            out.write(summary(report) + "\n")


class ConciseReporter(StreamingReporter):
    """One line a finding, then a summary."""

    name = "concise"
    description = "one line a finding"

    def write(self, finding: Finding, out: TextIO) -> None:
        out.write(headline(finding) + "\n")

    def end(self, report: Report, out: TextIO) -> None:
        if not report.quiet:
            out.write(summary(report) + "\n")


class GroupedReporter(Reporter):
    """Findings grouped under their file (and record), then a summary."""

    name = "grouped"
    description = "findings grouped by file"

    def render(self, report: Report, out: TextIO) -> None:
        for where, group in groupby(report.findings, key=place):
            out.write(f"{where}:\n")
            for finding in group:
                out.write(headline(finding, with_place=False) + "\n")
            out.write("\n")
        if not report.quiet:
            out.write(summary(report) + "\n")
