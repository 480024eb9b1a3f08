"""The ANA family's time grows linearly with the text, on dense and on pathological input.

Each check compares the time on a text with the time on one four times as
long (best of several runs): linear work grows about 4x, quadratic work 16x.
The texts are long enough for the shorter one to take a measurable time.
"""

from __future__ import annotations

import time

import pytest

from linter.dates import parse_date_value
from linter.document import Document
from linter.checker import check_document
from rules.anachronism.elect_title import ElectTitle
from rules.anachronism.former_title import FormerTitleSitting
from rules.anachronism.title_not_held import TitleNotHeld

RULES = [TitleNotHeld(), FormerTitleSitting(), ElectTitle()]
DATE = parse_date_value("2025-06-02", "test")
LINEAR_LIMIT = 8.0
"""Growth of time at 4n over n above which the work is not linear (linear is about 4, quadratic 16)."""
MEASURABLE = 0.02
"""Seconds the shorter text must take, so that timer noise does not decide (sparse texts are made longer)."""
MAX_SMALL = 1_000_000
"""Characters the shorter text grows to at most: beyond, memory effects (not the rules) decide the ratio."""
FAST_ENOUGH = 0.05
"""Seconds within which the longer text is checked cannot hang a run, whatever the ratio."""

UNITS = {
    "stale title, one line": "Prime Minister Boris Johnson said ",
    "stale title, sentences": "Prime Minister Boris Johnson said. ",
    "stale appositive": "Boris Johnson, the prime minister, said ",
    "sitting former": "former Prime Minister Keir Starmer said ",
    "late elect": "Prime Minister-elect Boris Johnson said ",
    "open quotation": "\u201cPrime Minister Boris Johnson said ",
    "years and titles": "In 2019 Prime Minister Boris Johnson said ",
    "initials": "A. B. C. ",
    "one character": "a",
    "spaces": " ",
    "CJK without spaces": "\u4e2d\u6587\u6ca1\u6709\u7a7a\u683c",
    "titles without names": "Prime Minister ",
    "names without titles": "Boris Johnson, ",
}


def family_time(text: str, runs: int = 3) -> float:
    """Best time of the three rules on one document (a fresh one each run, so nothing is memoised)."""
    best = float("inf")
    for _ in range(runs):
        document = Document(text=text, path="growth.txt", date=DATE)
        started = time.process_time()
        result = check_document(RULES, document)
        best = min(best, time.process_time() - started)
        assert not result.failures, result.failures
    return best


@pytest.fixture(scope="module", autouse=True)
def loaded() -> None:
    """The knowledge base loads once, outside the timings."""
    check_document(RULES, Document(text="Prime Minister Boris Johnson said.", path="warm.txt", date=DATE))


@pytest.mark.parametrize("unit", UNITS.values(), ids=UNITS.keys())
def test_time_grows_linearly(unit: str) -> None:
    """Up to five tries, each keeping the best time of either size so far: a busy machine can slow
    some timings down, but quadratic work never passes."""
    small = unit * max(1, 10_000 // len(unit))
    while family_time(small) < MEASURABLE and 4 * len(small) <= MAX_SMALL:
        small *= 4
    at_n = at_4n = float("inf")
    for _ in range(5):
        at_n = min(at_n, family_time(small))
        at_4n = min(at_4n, family_time(small * 4))
        if at_4n < max(LINEAR_LIMIT * at_n, FAST_ENOUGH):
            return
    pytest.fail(f"4x the text ({len(small)} characters) took {at_4n / at_n:.1f}x the time")
