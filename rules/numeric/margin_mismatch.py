"""NUM005: a stated margin that does not match the two figures it separates."""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from rules.numeric.figures import _alternation, _word_list

NUMBER = r"(?<![\d.,])\d{1,3}(?:\.\d+)?(?!\d|,\d|\.\d)"
PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"


@cache
def margin_pattern() -> regex.Pattern:
    nouns = _alternation(_word_list("margin_words.txt"))
    return regex.compile(
        rf"(?P<a>{NUMBER})(?P<pa>{PERCENT})?\s*(?:to|-|–|—|versus|vs\.?)\s*(?P<b>{NUMBER})(?P<pb>{PERCENT})?"
        rf"(?P<gap>[^.;!?\n]{{0,60}}?)"
        rf"\b(?:(?:a|an|the)\s+(?P<m>{NUMBER})[- ](?:percentage[- ])?(?P<unit>point|vote|seat)s?[- ](?:{nouns})\b"
        rf"|by\s+(?P<m2>{NUMBER})\s+(?:percentage\s+)?(?P<unit2>point|vote|seat)s?\b)",
        regex.IGNORECASE,
    )


class MarginMismatch(Rule):
    """A margin that does not match the two figures it is the difference of.

    ## What it flags
    Two figures followed in the same sentence by their stated difference,
    where the difference is wrong: "won 73% to 24%, a 37-point margin" (the
    margin is 49 points), "passed 62-38, a 20-vote majority", "rose from 41%
    to 45%, a 6-point jump".

    ## Why
    A margin that does not match its figures means one of the three numbers
    is wrong; a careful sub-editor checks the arithmetic.

    ## What it leaves alone
    Margins within one point of the difference of two percentages (each may
    be rounded); margins stated in percent rather than points ("a 37%
    increase" is relative); figures and margins in different sentences.

    ## Example
    "Voters backed the measure 73% to 24%, a 37-point margin." is flagged at
    the margin.
    """

    code = "NUM005"
    name = "margin-mismatch"
    category = "numeric"

    def prepare(self) -> None:
        margin_pattern()

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        for match in margin_pattern().finditer(text):  # fast: the engine skips ahead to digits
            a, b = float(match.group("a")), float(match.group("b"))
            group = "m" if match.group("m") else "m2"
            margin = float(match.group(group))
            unit = (match.group("unit") or match.group("unit2")).lower()
            percents = bool(match.group("pa") or match.group("pb"))
            if unit == "point" and not percents:
                continue  # points of a score or an index: the figures may be anything
            tolerance = 1.0 if percents else 0.0
            if "." in match.group("a") + match.group("b") + match.group(group):
                tolerance = 0.11
            if abs(abs(a - b) - margin) > tolerance:
                yield self.finding(
                    document,
                    match.start(group),
                    match.end(),
                    f"a margin of {match.group(group)} {unit}s, but {match.group('a')} and {match.group('b')} "
                    f"differ by {abs(a - b):g}",
                    related=[document.location(match.start("a"), match.end("b") + len(match.group("pb") or ""), "the two figures")],
                )
