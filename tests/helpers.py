"""Test-only rules and plugins, registered into a PluginHost by the tests that use them."""

from __future__ import annotations

import time
from typing import Any, Iterator, Sequence

from linter import Document, Fact, Finding, Fix, Rule, hookimpl


class ShoutRule(Rule):
    """Flags the word SHOUT (a test rule).

    ## What it flags
    SHOUT.

    ## Why
    Tests need a rule whose findings they can predict.

    ## Example
    "SHOUT" is flagged.

    ## Fix
    Replaces it with "shout"; safe.
    """

    code = "TST001"
    name = "shout"
    category = "test"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        start = document.text.find("SHOUT")
        while start != -1:
            yield self.finding(document, start, start + 5, "shouting", fix=Fix.replace(start, start + 5, "shout"))
            start = document.text.find("SHOUT", start + 5)


class SharedLineRule(Rule):
    """Flags a line that appears in two or more documents (a test corpus rule).

    ## What it flags
    Lines shared across documents.

    ## Why
    Tests the corpus phase.

    ## Example
    Two documents ending in "Footer" are both flagged.
    """

    code = "TST002"
    name = "shared-line"
    category = "test"

    def collect(self, document: Document) -> Iterator[Fact]:
        for start, end, line in document.lines():
            if line.strip():
                yield Fact(line.strip(), document.location(start, end, "also here"))

    def reduce(self, key: str, values: Sequence[Any]) -> Iterator[Finding]:
        if len(values) < 2:
            return
        for index, location in enumerate(values):
            others = [v for i, v in enumerate(values) if i != index]
            fix = Fix.delete(location.start, location.end, safe=False, description="delete the shared line")
            yield self.finding_at(location, f"line shared by {len(values)} documents", fix=fix, related=others)


class BrokenRule(Rule):
    """Raises on every document (a test rule).

    ## What it flags
    Nothing: it raises.

    ## Why
    Tests that a broken rule does not stop a run.

    ## Example
    Any text.
    """

    code = "TST003"
    name = "broken"
    category = "test"

    def check(self, document: Document) -> Iterator[Finding]:
        raise ValueError("this rule is broken on purpose")


class SlowRule(Rule):
    """Spins on documents that contain SLOW (a test rule).

    ## What it flags
    The word SLOW, after spinning for `seconds` of CPU time (busy, in Python).

    ## Why
    Tests the per-rule time budget.

    ## Example
    "SLOW" is flagged, late.
    """

    code = "TST004"
    name = "slow"
    category = "test"
    default_options = {"seconds": 20.0}

    def check(self, document: Document) -> Iterator[Finding]:
        start = document.text.find("SLOW")
        if start == -1:
            return
        deadline = time.thread_time() + self.options["seconds"]  # CPU time, like the time budget
        while time.thread_time() < deadline:
            pass
        yield self.finding(document, start, start + 4, "slow")


class TestRulesPlugin:
    @hookimpl
    def corpus_linter_register_rules(self) -> list[type[Rule]]:
        return [ShoutRule, SharedLineRule, BrokenRule, SlowRule]


class VetoPlugin:
    @hookimpl
    def corpus_linter_keep_finding(self, finding: Finding) -> bool | None:
        return False if "veto" in finding.message or finding.snippet and "VETO" in finding.snippet.text else None


class FailingRegistrationPlugin:
    @hookimpl
    def corpus_linter_register_rules(self) -> list[type[Rule]]:
        raise RuntimeError("cannot register")


class NotARulePlugin:
    @hookimpl
    def corpus_linter_register_rules(self) -> list[Any]:
        return [object]
