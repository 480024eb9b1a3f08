"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, ...).

One ``testsuite``; one ``testcase`` per checked file with findings (the file
is the test, and it failed); one ``failure`` per finding in it.  A run without
findings is one passing testcase, so CI shows that the check ran.  Text that
XML 1.0 cannot hold (control characters from binary junk) is shown as
``\\xNN`` escapes, so the report is always well-formed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from linter.finding import Finding
from linter.reporters.base import Report, Reporter, record_label

SUITE = "corpus-linter"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """Text with every character XML 1.0 forbids written as an escape."""
    return NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def place(finding: Finding) -> str:
    loc = finding.location
    label = record_label(loc)
    record = f"record {label}, " if label is not None else ""
    return f"{record}line {loc.line}, column {loc.column}"


def failure_text(finding: Finding) -> str:
    loc = finding.location
    label = record_label(loc)
    where = loc.path + (f"[{label}]" if label is not None else "")
    lines = [f"{where}:{loc.line}:{loc.column}: {finding.code} [{finding.severity.value}] {finding.message}"]
    if finding.fix is not None:
        lines.append(f"fix ({'safe' if finding.fix.safe else 'unsafe'}): {finding.fix.description or 'available'}")
    for related in finding.related:
        related_label = record_label(related)
        related_where = related.path + (f"[{related_label}]" if related_label is not None else "")
        lines.append(f"related: {related_where}:{related.line}:{related.column}: {related.message}")
    return "\n".join(lines)


def junit_tree(report: Report) -> ET.Element:
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.location.path, []).append(finding)
    tests = max(len(by_path), 1)
    counts = {"tests": str(tests), "failures": str(len(by_path)), "errors": "0"}
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts, "skipped": "0"})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "findings", "value": str(len(report.findings))})
    ET.SubElement(properties, "property", {"name": "documents", "value": str(report.documents)})
    if not by_path:
        ET.SubElement(suite, "testcase", {"name": "no findings", "classname": SUITE})
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", {"name": xml_safe(path), "classname": SUITE, "file": xml_safe(path)})
        for finding in findings:
            message = f"{place(finding)}: {finding.code} {finding.message}"
            failure = ET.SubElement(case, "failure", {"message": xml_safe(message), "type": finding.code})
            failure.text = xml_safe(failure_text(finding))
    return root


class JunitReporter(Reporter):
    """A JUnit XML report: files are testcases, findings are failures."""

    name = "junit"
    description = "JUnit XML (CI test reports)"

    def render(self, report: Report, out: TextIO) -> None:
        tree = junit_tree(report)
        ET.indent(tree)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(tree, encoding="unicode"))
        out.write("\n")
