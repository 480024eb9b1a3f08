"""The per-document phase's bookkeeping: what rules share on a document, and what the engine keeps after it."""

from __future__ import annotations

from typing import Iterator

from linter.budget import RuleClock
from linter.checker import Batch, DocumentChecker, check_document
from linter.document import Document
from linter.finding import Finding
from linter.rule import Fact, Rule


class BuildsShared(Rule):
    """Stores an analysis in the document's cache, as a family's first rule does."""

    code = "TST101"
    name = "builds-shared"
    category = "test"

    def check(self, document: Document) -> Iterator[Finding]:
        document.cache["shared"] = document.text.split()
        return iter(())


class UsesShared(Rule):
    """Reports the first word of the shared analysis, which it expects to find already built."""

    code = "TST102"
    name = "uses-shared"
    category = "test"

    def check(self, document: Document) -> Iterator[Finding]:
        words = document.cache["shared"]
        yield self.finding(document, 0, len(words[0]), f"first word {words[0]}")

    def collect(self, document: Document) -> Iterator[Fact]:
        yield Fact("words", len(document.cache["shared"]))


def test_rules_share_a_documents_cache_which_is_freed_once_they_have_all_run() -> None:
    document = Document(text="Alpha beta gamma", path="a.txt")
    result = check_document([BuildsShared(), UsesShared()], document)
    assert [f.message for f in result.findings] == ["first word Alpha"]
    assert result.facts == [("TST102", "words", 3)]
    assert result.failures == []
    assert document.cache == {}


def test_each_document_of_a_batch_gets_its_rules_findings_and_a_freed_cache() -> None:
    documents = [Document(text="One two", path="a.txt"), Document(text="Three", path="b.txt")]
    results = DocumentChecker([BuildsShared(), UsesShared()]).check_batch(Batch(documents))
    assert [[f.message for f in r.findings] for r in results] == [["first word One"], ["first word Three"]]
    assert [r.facts for r in results] == [[("TST102", "words", 2)], [("TST102", "words", 1)]]
    assert all(document.cache == {} for document in documents)


def test_a_context_only_document_runs_only_the_collect_phase() -> None:
    document = Document(text="Alpha beta", path="a.txt", context_only=True)
    result = check_document([BuildsShared(), UsesShared()], document)
    assert result.findings == []
    # BuildsShared (check only) did not run, so UsesShared's collect found no shared analysis.
    assert [code for code, _ in result.failures] == ["TST102"]


def test_the_clock_passes_arguments_through_with_and_without_a_limit() -> None:
    clock = RuleClock()
    assert clock.call(divmod, 1.0, 7, 2) == (3, 1)
    assert clock.call(divmod, 0, 9, 4) == (2, 1)
