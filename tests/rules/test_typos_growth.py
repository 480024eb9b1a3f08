"""Every typo rule takes time linear in the text, on the inputs that make regular expressions and
pairwise comparisons blow up: the time on a text four times longer must grow about fourfold."""

from __future__ import annotations

import random
import time
from typing import Callable

import pytest
import regex

from linter import Document
from linter.rule import rules_in_package
from rules import typos

RULES = rules_in_package(typos.__name__)
GROWTH = 4
MAX_RATIO = 10.0
"""Linear time grows fourfold; quadratic sixteenfold. The margin absorbs noise on a shared machine."""
SCAN = regex.compile(r"\w+|[^\w\s]")
"""A plain linear scan of the same text: on long texts every pass slows down per character once its data
outgrows the processor's caches, so a rule is allowed the growth such a scan shows beyond fourfold."""
ATTEMPTS = 3
"""A busy machine can slow one measurement down; growth that is really faster than linear fails every time."""
SMALL = 8_000
"""Characters in the smaller text."""


def _numbers(size: int) -> str:
    generator = random.Random(size)
    return ", ".join(str(generator.randint(100, 999)) for _ in range(size // 5))


def _names(size: int) -> str:
    """Distinct capitalised words, many one letter apart: pairwise name comparison is quadratic."""
    generator = random.Random(size)
    letters = "abcdefghijklmnoprstuvz"
    return " ".join("K" + "".join(generator.choice(letters) for _ in range(6)) + " said." for _ in range(size // 14))


INPUTS: dict[str, Callable[[int], str]] = {
    "numbers with comma and space": _numbers,
    "a. repeated": lambda size: "a." * (size // 2),
    "one letter": lambda size: "a" * size,
    "spaces": lambda size: "The" + " " * size + "end.",
    "cjk without spaces": lambda size: "中文字符没有空格" * (size // 8),
    "cyrillic without spaces": lambda size: "Приветмир" * (size // 9),
    "repeated name": lambda size: "Zelenskyy met Selenskyy. " * (size // 25),
    "distinct names": _names,
    "doubled words": lambda size: "the the " * (size // 8),
    "glued sentences": lambda size: "Word.Next " * (size // 10),
    "lower-case paragraphs": lambda size: "ends here\n\nfourth seed survived\n" * (size // 32),
}


def _seconds(rule, text: str) -> float:
    """The best of three runs of the rule's per-document (or fact-collecting) phase, in CPU time of this
    process: other processes on a busy machine do not count."""
    best = float("inf")
    for _ in range(3):
        document = Document(text=text, path="<growth>")
        started = time.process_time()
        if rule.is_document_rule():
            list(rule.check(document))
        else:
            list(rule.collect(document))
        best = min(best, time.process_time() - started)
    return best


def _scan_growth(small: str, large: str) -> float:
    """How much longer the plain scan takes on ``large`` than on ``small`` (best of three each)."""
    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            SCAN.findall(text)
            best = min(best, time.process_time() - started)
        return max(best, 1e-6)

    return seconds(large) / seconds(small)


@pytest.mark.parametrize("kind", sorted(INPUTS))
@pytest.mark.parametrize("rule_class", RULES, ids=lambda rule_class: rule_class.code)
def test_time_grows_linearly(rule_class, kind: str) -> None:
    rule = rule_class()
    make = INPUTS[kind]
    _seconds(rule, make(SMALL))  # loads the rule's data
    ratios = []
    for _ in range(ATTEMPTS):
        small_text, large_text = make(SMALL), make(SMALL * GROWTH)
        small = _seconds(rule, small_text)
        assert small < 0.5, f"{rule_class.code} takes {small:.2f} s on {SMALL} characters of {kind}"
        # Below a millisecond, fixed costs dominate and the ratio says nothing.
        ratios.append(_seconds(rule, large_text) / max(small, 0.001))
        if ratios[-1] < MAX_RATIO * max(1.0, _scan_growth(small_text, large_text) / GROWTH):
            return
    pytest.fail(f"{rule_class.code} on {kind}: {GROWTH} times the text took {min(ratios):.1f} times as long")
