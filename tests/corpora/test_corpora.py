"""The evaluation corpora stay usable: every gold label locates, every document is dated.

``benchmarks/evaluate.py`` scores the linter on these files; a label that no
longer matches its document would make the scorer stop, so edits to the
articles are checked here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parent
CLEAN = CORPORA / "clean"
INJECTED = CORPORA / "injected"
GOLD = CORPORA / "injected.gold.jsonl"
CATEGORIES = {"junk", "encoding", "typo", "anachronism", "numeric"}
DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-[a-z0-9-]+\.txt$")


def gold_labels() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def nth_occurrence(text: str, needle: str, n: int) -> int:
    """Start of the n-th occurrence (1-based), counted as the shared scorer counts; -1 if fewer."""
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start < 0:
            return -1
    return start


@pytest.mark.parametrize("label", gold_labels(), ids=lambda lab: f"{lab['doc'][:10]}:{lab['text'][:20]}")
def test_gold_label_locates_in_its_document(label: dict) -> None:
    text = (INJECTED / label["doc"]).read_text(encoding="utf-8")
    assert nth_occurrence(text, label["text"], label["occurrence"]) >= 0
    assert label["category"] in CATEGORIES
    assert label["level"] in {"must", "may"} and label["why"]


def test_labelled_defects_are_absent_from_the_clean_originals() -> None:
    """A labelled span is injected: it does not occur as often in the clean article."""
    for label in gold_labels():
        clean = (CLEAN / label["doc"]).read_text(encoding="utf-8")
        assert nth_occurrence(clean, label["text"], label["occurrence"]) < 0, label


def test_every_injected_document_is_a_labelled_copy_of_a_clean_one() -> None:
    labelled = {label["doc"] for label in gold_labels()}
    injected = {path.name for path in INJECTED.glob("*.txt")}
    assert injected == labelled
    assert injected <= {path.name for path in CLEAN.glob("*.txt")}
    per_document = [sum(1 for label in gold_labels() if label["doc"] == name) for name in injected]
    assert min(per_document) >= 2 and max(per_document) <= 5
    assert {label["category"] for label in gold_labels()} == CATEGORIES


@pytest.mark.parametrize("path", sorted(CLEAN.glob("*.txt")) + sorted(INJECTED.glob("*.txt")), ids=lambda p: f"{p.parent.name}/{p.name[:24]}")
def test_file_name_gives_a_valid_date(path: Path) -> None:
    match = DATED_NAME.match(path.name)
    assert match, path.name
    date = dt.date(*map(int, match.groups()))
    assert dt.date(1992, 1, 1) <= date <= dt.date(2026, 12, 31)
