"""The shared typo analysis: its shortcuts give the same answers as the plain definitions."""

from __future__ import annotations

import pytest

from linter import Document
from rules.typos.name_variant import NameSpelledTwoWays
from rules.typos.text import (
    LOWER_WORD,
    PROTECTED,
    Analysis,
    _overlaps,
    gazetteer_for,
    name_candidates,
)


def analysis_of(text: str) -> Analysis:
    return Analysis(Document(text=text, path="<text>"))


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/a.b?c=d#x and www.bbc.co.uk/news, then mail john.doe@example.co.uk.",
        "The U.S. report.pdf (data.csv) was posted by @handle with #Tag at 10.30 a.m.",
        "Run `make test.py now` and `x`; also open index.html.",
        "no.spaces.anywhere.com,and@more.org;foo.bar#baz\nnext.line.net",
        "Plain prose with a full stop. And another sentence.",
        "",
    ],
)
def test_protected_spans_match_a_full_scan(text: str) -> None:
    spans = [match.span() for match in PROTECTED.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    assert analysis_of(text).protected == merged


def test_lower_word_starts_are_whole_words_only() -> None:
    text = "the post-war order, a post office and a post."
    analysis = analysis_of(text)
    assert "post" in analysis.lower_words
    starts = analysis.lower_word_starts("post")
    assert starts == [match.start() for match in LOWER_WORD.finditer(text) if match.group() == "post"]
    assert [text[s : s + 4] for s in starts] == ["post", "post"]
    assert text.index("post-war") not in starts


def test_previous_name_needs_only_spaces_between() -> None:
    text = "Vladimir Putin met Putin's aide. Kremlin, Putin said.  Dmitry\tPeskov agreed."
    analysis = analysis_of(text)
    tokens = {token.start: token for form in analysis.capitalised_counts for token in analysis.name_tokens(form)}
    previous = {text[start : token.end]: analysis.previous_name(token) for start, token in sorted(tokens.items())}
    assert previous["Vladimir"] == ""
    assert analysis.previous_name(tokens[text.index("Putin")]) == "Vladimir"
    assert analysis.previous_name(tokens[text.index("Putin said")]) == ""  # a comma between
    assert previous["Peskov"] == "Dmitry"
    assert analysis.capitalised_counts["Putin"] == 3  # the possessive counts as the name


def test_name_candidates_keep_first_occurrence_order() -> None:
    text = "Kovalchuk met Zelenskyy. Later Kovalchuk and Zelenskyy spoke; “Medinsky” declined."
    analysis = analysis_of(text)
    candidates = name_candidates(analysis, gazetteer_for(NameSpelledTwoWays({})))
    assert list(candidates)[:1] == ["Kovalchuk"]
    assert candidates["Kovalchuk"].start == 0
    assert "Medinsky" not in candidates  # only found inside a short quotation


@pytest.mark.parametrize(
    ("spans", "start", "end", "expected"),
    [
        ([], 0, 5, False),
        ([(2, 4)], 0, 2, False),
        ([(2, 4)], 0, 3, True),
        ([(2, 4)], 3, 6, True),
        ([(2, 4)], 4, 6, False),
        ([(2, 4), (10, 12)], 5, 11, True),
        ([(2, 4), (10, 12)], 5, 10, False),
    ],
)
def test_overlaps(spans: list[tuple[int, int]], start: int, end: int, expected: bool) -> None:
    assert _overlaps(spans, start, end) is expected
