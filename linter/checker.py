"""The per-document phase: every rule on one document, each within its time budget.

It runs in worker processes (or in the main process for small runs); only
findings, facts and what went wrong come back.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, NamedTuple, Sequence

from linter.budget import TIMEOUTS_BEFORE_RETIRING, RuleClock, RuleTimeout, TimeBudget
from linter.document import Document
from linter.finding import Finding, Snippet
from linter.fixer import text_digest
from linter.readers.base import dotted_get
from linter.rule import Fact, Rule
from linter.selection import matches
from linter.suppression import Suppressions
from linter.suppression import parse as parse_suppressions

SNIPPET_WIDTH = 160


@dataclass
class DocumentResult:
    """What the per-document phase sends back for one document."""

    findings: list[Finding]
    facts: list[tuple[str, str, Any]]
    """(rule code, key, value) for the corpus phase."""
    failures: list[tuple[str, str]]
    """(rule code, the error's repr) for each rule that raised on this document."""
    characters: int
    where: tuple[str, int | None] = ("", None)
    """(path, record) of the document."""
    digest: str | None = None
    """The text's digest, taken only for ``--fix`` runs, where ``fix_files`` verifies it."""
    id: str | None = None
    timeouts: list[tuple[str, float]] = field(default_factory=list)
    """(rule code, seconds it was given) for each rule stopped on this document by its time budget."""
    skipped: list[str] = field(default_factory=list)
    """Rules not run on this document: retired after timing out on earlier ones."""
    suppressions: Suppressions | None = None
    """What the document silences (inline comments, its record's ignore field), for the corpus phase."""


@dataclass(frozen=True)
class Batch:
    """Documents to check, and the rules the run has retired so far (sent along with each batch)."""

    documents: Sequence[Document]
    retired: frozenset[str] = frozenset()


class PlannedRule(NamedTuple):
    """A rule with what it runs, asked once per run rather than once per document."""

    rule: Rule
    code: str
    checks: bool
    """Whether it has a per-document ``check``."""
    collects: bool
    """Whether it has a ``collect`` for the corpus phase."""


class DocumentChecker:
    """Runs the rules on documents, each rule within its time budget.

    One is sent to every worker process; it counts the timeouts it sees, so a
    rule that timed out on several documents is not tried again in that
    process, whatever the main process has heard yet.
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        budget: TimeBudget = TimeBudget(),
        take_digests: bool = False,
        ignore_field: str = "lint.ignore",
    ) -> None:
        self.rules = list(rules)
        self.budget = budget
        self.take_digests = take_digests
        self.ignore_field = ignore_field
        self.rule_classes = {rule.code: type(rule) for rule in self.rules}
        self.plan = [PlannedRule(rule, rule.code, rule.is_document_rule(), rule.is_corpus_rule()) for rule in self.rules]
        self.timeouts: Counter[str] = Counter()
        self.retired_here: set[str] = set()
        """Rules stopped on ``TIMEOUTS_BEFORE_RETIRING`` documents in this process."""

    def check_batch(self, batch: Batch) -> list[DocumentResult]:
        clock = RuleClock()
        with clock.interrupting(self.budget):
            return [self.check(document, clock, batch.retired) for document in batch.documents]

    def check(self, document: Document, clock: RuleClock, retired: frozenset[str] = frozenset()) -> DocumentResult:
        findings: list[Finding] = []
        facts: list[tuple[str, str, Any]] = []
        failures: list[tuple[str, str]] = []
        timeouts: list[tuple[str, float]] = []
        skipped: list[str] = []
        seconds = self.budget.for_characters(len(document.text))
        context_only = document.context_only
        retired_here = self.retired_here
        for rule, code, checks, collects in self.plan:
            if code in retired or code in retired_here:
                skipped.append(code)
                continue
            if context_only:
                if not collects:
                    continue
                checks = False
            try:  # one broken or slow rule must not stop the run, nor spoil the others' results
                rule_findings, rule_facts = clock.call(_run_rule, seconds, rule, document, checks, collects)
            except RuleTimeout:
                self.timeouts[code] += 1
                if self.timeouts[code] >= TIMEOUTS_BEFORE_RETIRING:
                    retired_here.add(code)
                timeouts.append((code, seconds))
                continue
            except Exception as error:
                failures.append((code, repr(error)))
                continue
            if rule_findings:
                findings.extend(rule_findings)
            if rule_facts:
                facts.extend((code, fact.key, fact.value) for fact in rule_facts)
        # Every rule has run: free the analyses they shared now rather than with the batch, so
        # the garbage collector never walks a batch's worth of them (a fifth of a TYP run's CPU).
        document.cache.clear()
        if findings:  # snippets from the normalised text; then every offset back to the text as read
            findings = [document.source_finding(dataclasses.replace(f, snippet=snippet_for(document, f))) for f in findings]
        if document.line_ends_changed:
            facts = [(code, key, document.source_value(value)) for code, key, value in facts]
        suppressions = parse_suppressions(document.source_text, dotted_get(document.metadata, self.ignore_field))
        if suppressions is not None:
            findings = [f for f in findings if not silenced(suppressions, f, self.rule_classes)]
        # A document that emits facts may get a fixable finding in the corpus phase too.
        wants_digest = self.take_digests and (facts or any(f.fix for f in findings))
        return DocumentResult(
            findings,
            facts,
            failures,
            len(document.text),
            (document.path, document.record),
            text_digest(document.source_text) if wants_digest else None,
            document.id,
            timeouts,
            skipped,
            suppressions,
        )


def check_documents(checker: DocumentChecker, batch: Batch) -> list[DocumentResult]:
    """The per-document phase for one batch (the function worker processes run)."""
    return checker.check_batch(batch)


def check_document(
    rules: Sequence[Rule], document: Document, take_digest: bool = False, budget: TimeBudget = TimeBudget()
) -> DocumentResult:
    """Every rule on one document, in this process."""
    return DocumentChecker(rules, budget, take_digest).check_batch(Batch([document]))[0]


def _run_rule(rule: Rule, document: Document, checks: bool, collects: bool) -> tuple[list[Finding], list[Fact]]:
    findings = checked_items(rule.check(document), Finding, "check()") if checks else []
    facts = checked_items(rule.collect(document), Fact, "collect()") if collects else []
    return findings, facts


def checked_items(items: Iterable[Any], kind: type, where: str) -> list[Any]:
    """All of a rule's results, or TypeError if any is not a ``kind``: a plugin's bug is its own failure."""
    items = list(items)
    for item in items:
        if not isinstance(item, kind):
            raise TypeError(f"{where} produced a {type(item).__name__}, not a {kind.__name__}")
    return items


def snippet_for(document: Document, finding: Finding) -> Snippet:
    """The finding's first line, cut to a window around the span for long lines."""
    line_start, line_end = document.line_span(finding.location.line)
    column = finding.location.start - line_start
    if line_end - line_start <= SNIPPET_WIDTH:
        return Snippet(document.text[line_start:line_end], 0)
    window_start = max(column - SNIPPET_WIDTH // 4, 0)
    window_end = min(window_start + SNIPPET_WIDTH, line_end - line_start)
    return Snippet(document.text[line_start + window_start : line_start + window_end], window_start)


def silenced(suppressions: Suppressions, finding: Finding, rule_classes: Mapping[str, type[Rule]]) -> bool:
    """Whether a document's suppressions silence a finding of one of these rules."""
    rule_class = rule_classes.get(finding.code)
    return suppressions.silences(finding, lambda selector: rule_class is not None and matches(selector, rule_class))
