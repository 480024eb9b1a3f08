"""The NUM rules take time linear in the text on pathological input.

Growth is compared, not absolute time: the same text at n and at 4n characters. A linear rule
takes about four times as long; a quadratic one sixteen. The threshold sits between, and each
size is timed a few times with the best run kept, so a busy machine does not fail the test.
"""

from __future__ import annotations

import gc
import time

import pytest

from linter.testing import lint
from rules.numeric.age_birth_year import AgeBirthYearMismatch
from rules.numeric.corpus_disagreement import CorpusFigureDisagreement
from rules.numeric.inconsistent_figure import InconsistentFigure
from rules.numeric.margin_mismatch import MarginMismatch
from rules.numeric.parts_and_totals import PartsDoNotAddUp as PartsExceedWhole
from rules.numeric.weekday_mismatch import WeekdayMismatch

RULES = [InconsistentFigure, CorpusFigureDisagreement, WeekdayMismatch, PartsExceedWhole, MarginMismatch, AgeBirthYearMismatch]

UNITS = {
    "percent signs": "5% ",
    "a repeated name and age": "John Smith, 45, ",
    "a repeated birth year": "Smith, born in 1970, ",
    "one letter": "a",
    "CJK without spaces": "中华人民共和国",
    "spaces": " ",
    "numbers": "1234 ",
    "digits": "1",
    "repeated names": "Smith ",
    "different figures of one thing": "the 1,{:03d} prisoners ",
    "seats": "12 seats ",
    "weekday dates": "Monday, May 16, ",
    "parts after a total": "12 people were killed, including 5 children and ",
    "margins": "55% to 43% ",
    "list items after a total": "Pledges reached €400 million. Among them:\n- €25m\n",
    "one long seat paragraph": "Labour won 40 seats of the 650 seats ",
}
SIZE = 10_000
LINEAR = 8.0
"""Allowed growth of the time for four times the text (a quadratic rule grows about 16 times)."""
FLOOR = 0.02
"""Seconds below which a time is noise: the small text's time counts as at least this."""


def _text(unit: str, size: int) -> str:
    pieces, length, index = [], 0, 0
    while length < size:
        piece = unit.format(index % 1000) if "{" in unit else unit
        pieces.append(piece)
        length += len(piece)
        index += 1
    return "".join(pieces)[:size]


def _best_time(rule, text: str, runs: int = 2) -> float:
    """The fastest of a few runs in CPU time (other processes on the machine do not count), without
    garbage collection pauses (findings are many here)."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.process_time()
            lint(rule, text, date="2025-06-02")
            best = min(best, time.process_time() - started)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("unit", list(UNITS.values()), ids=list(UNITS))
def test_time_grows_linearly(rule, unit: str) -> None:
    small = _best_time(rule, _text(unit, SIZE))
    large = _best_time(rule, _text(unit, 4 * SIZE))
    assert large < LINEAR * max(small, FLOOR), f"{rule.code}: {small:.4f}s at {SIZE} chars, {large:.4f}s at {4 * SIZE}"
