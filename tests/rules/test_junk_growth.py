"""The junk rules take time linear in the text, on inputs shaped to make line scans or patterns blow up:
the time on a text four times longer must grow about fourfold.  The rules run one after another on
each document, as the engine runs them, so the shared context model is counted in the first rule."""

from __future__ import annotations

import random
import time
from typing import Callable

import pytest

from linter import Document
from linter.rule import rules_in_package
from rules import junk

RULES = [rule_class() for rule_class in rules_in_package(junk.__name__)]
GROWTH = 4
MAX_RATIO = 10.0
"""Linear time grows fourfold; quadratic sixteenfold. The margin absorbs noise on a shared machine."""
ATTEMPTS = 3
SMALL = 20_000
"""Characters in the smaller text: enough for a few milliseconds, so the ratio is not noise."""


def _menu_and_prose(size: int) -> str:
    generator = random.Random(size)
    words = ["Home", "News", "Sport", "Contact us", "Privacy Policy", "Leave a Reply", "15 comments", "Reply"]
    prose = "The ministers met in Istanbul on Monday and agreed that the talks would go on next week.\n"
    lines = []
    while sum(len(line) for line in lines) < size:
        lines.append(prose if generator.random() < 0.3 else generator.choice(words) + "\n")
    return "".join(lines)


INPUTS: dict[str, Callable[[int], str]] = {
    "menus between paragraphs": _menu_and_prose,
    "one line repeated": lambda size: "Peace talks end after two hours\n" * (size // 32),
    "one long line": lambda size: "word " * (size // 5),
    "score headers": lambda size: "Re: (Score:" * (size // 11),
    "pipes and main": lambda size: "x | Main | " * (size // 11) + "\n",
    "arrows": lambda size: "»" * size,
    "braces": lambda size: "{{" * (size // 2),
    "short lines": lambda size: "a\n" * (size // 2),
    "cjk without spaces": lambda size: "版权所有未经授权禁止转载" * (size // 12),
}


def _seconds(text: str) -> dict[str, float]:
    """Each rule's processor time on the text, the best of three runs, as the engine runs them (one shared analysis)."""
    best: dict[str, float] = {}
    for _ in range(3):
        document = Document(text=text, path="<growth>")
        for rule in RULES:
            started = time.process_time()
            if rule.is_document_rule():
                list(rule.check(document))
            else:
                list(rule.collect(document))
            best[rule.code] = min(best.get(rule.code, float("inf")), time.process_time() - started)
    return best


@pytest.mark.parametrize("kind", sorted(INPUTS))
def test_time_grows_linearly(kind: str) -> None:
    make = INPUTS[kind]
    _seconds(make(SMALL))  # loads the rules' data
    ratios: dict[str, list[float]] = {rule.code: [] for rule in RULES}
    for _ in range(ATTEMPTS):
        small, large = _seconds(make(SMALL)), _seconds(make(SMALL * GROWTH))
        slow = [code for code, seconds in small.items() if seconds > 0.5]
        assert not slow, f"{slow} take over 0.5 s on {SMALL} characters of {kind}"
        for code in ratios:
            # Below a millisecond, fixed costs dominate and the ratio says nothing.
            ratios[code].append(large[code] / max(small[code], 0.001))
        if all(ratio[-1] < MAX_RATIO for ratio in ratios.values()):
            return
    worst = {code: round(min(values), 1) for code, values in ratios.items() if min(values) >= MAX_RATIO}
    pytest.fail(f"on {kind}, {GROWTH} times the text took this many times as long: {worst}")
