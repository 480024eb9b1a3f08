"""The times a sentence speaks of, relative to the document's date (rules/anachronism/periods.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from rules.anachronism.periods import clause_end, clause_start, opening, relative_periods

D = dt.date


@pytest.mark.parametrize(
    ("sentence", "first", "last", "expected"),
    [
        ("MPs criticised him last year.", D(2005, 6, 1), D(2005, 6, 1), [(D(2004, 1, 1), D(2004, 12, 31))]),
        ("MPs criticised him last year.", D(2005, 1, 1), D(2005, 12, 31), [(D(2004, 1, 1), D(2004, 12, 31))]),
        ("It fell over the past year.", D(2005, 6, 1), D(2005, 6, 1), [(D(2004, 5, 31), D(2005, 6, 1))]),
        ("It rose earlier this year.", D(2005, 6, 1), D(2005, 6, 1), [(D(2005, 1, 1), D(2005, 6, 1))]),
        ("It rose last month.", D(2005, 1, 10), D(2005, 1, 10), [(D(2004, 12, 1), D(2004, 12, 31))]),
        ("He said so in March.", D(2005, 6, 1), D(2005, 6, 1), [(D(2005, 3, 1), D(2005, 3, 31))]),
        ("He said so in October.", D(2005, 3, 1), D(2005, 3, 1), [(D(2004, 10, 1), D(2004, 10, 31))]),
        ("He said so in March.", D(2005, 1, 1), D(2005, 12, 31), [(D(2004, 3, 1), D(2004, 3, 31)), (D(2005, 3, 1), D(2005, 3, 31))]),
        ("He said so last summer.", D(2005, 11, 1), D(2005, 11, 1), [(D(2005, 6, 1), D(2005, 8, 31))]),
        ("He said so last week.", D(2005, 6, 15), D(2005, 6, 15), [(D(2005, 6, 1), D(2005, 6, 15))]),
    ],
)
def test_relative_periods(sentence: str, first: dt.date, last: dt.date, expected: list) -> None:
    assert relative_periods(sentence, first, last) == expected


@pytest.mark.parametrize(
    "sentence",
    ["He said he may resign.", "Theresa May said so.", "The talks will march on.", "He said so in March 2019.", "It was a lasting year."],
)
def test_no_relative_period(sentence: str) -> None:
    assert relative_periods(sentence, D(2005, 6, 1), D(2005, 6, 1)) == []


@pytest.mark.parametrize(
    ("sentence", "mention", "clause"),
    [
        ("MPs criticised Home Secretary X last year for it.", "Home Secretary X", " last year for it."),
        ("President X (2021-2025) signed the law, aides said.", "President X", " (2021-2025) signed the law"),
        ("President X, who served from 1983 to 1990, campaigned.", "President X", ""),
        ("President X, whose decree failed, was impeached in December.", "President X", ""),
        ("Putin told President X at a 2021 summit that it was over.", "President X", " at a 2021 summit that it was over."),
    ],
)
def test_clause_after_a_mention(sentence: str, mention: str, clause: str) -> None:
    end = sentence.index(mention) + len(mention)
    assert sentence[end : clause_end(sentence, end)] == clause


def test_clause_before_a_mention_and_the_opening() -> None:
    sentence = "Officials said, since February, when President X took office, that it was over."
    assert sentence[clause_start(sentence, sentence.index("President")) :] == " when President X took office, that it was over."
    assert opening("Last year, President X said so.") == "Last year"
    assert opening("She has been foreign minister only since February, when X formed a government.") == ""
