"""NUM001: the same quantity stated twice in one text with values that cannot both be true."""

from __future__ import annotations

import dataclasses
from functools import cache
from itertools import islice
from typing import Iterator

import regex

from linter import Document, Finding, Option, Rule
from rules.numeric import figures
from rules.numeric.figures import Figure, _yaml, analyse, compatible, round_number, word_set


MAX_EARLIER = 32
"""How many earlier statements of the same thing a figure is compared with, latest first: an
article restates one quantity a few times, and the bound keeps the rule linear on any text."""


@cache
def death_patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern, frozenset[str]]:
    """(verb after counted people, verb before them, death toll before a bare figure, classes of people)."""
    data = _yaml("death_counts.yaml")
    return (
        regex.compile(data["after_people"], regex.IGNORECASE),
        regex.compile(data["before_people"], regex.IGNORECASE),
        regex.compile(data["before_figure"], regex.IGNORECASE),
        frozenset(data["people"]),
    )


def as_death_count(text: str, figure: Figure) -> Figure:
    """"116 people had been killed" and "the death toll rose to 161" count deaths, as "161 deaths" does."""
    after, killed_before, before, people = death_patterns()
    if figure.noun in people and not figure.percent and (
        after.match(text, figure.phrase_end) or killed_before.search(text, max(0, figure.start - 30), figure.start)
    ):
        return dataclasses.replace(figure, noun="death", modifiers=(), event="killed")
    if figure.noun is None and not figure.percent and before.search(text, max(0, figure.start - 40), figure.start):
        return dataclasses.replace(figure, noun="death", event="killed")
    if figure.noun == "death":
        return dataclasses.replace(figure, event="killed")
    return figure


def transposed(a: float, b: float) -> bool:
    """4,291 and 4,912: the same digits in another order, three or more of them."""
    x, y = _digits(a), _digits(b)
    return len(x) >= 3 and x != y and sorted(x) == sorted(y)


def _digits(value: float) -> str:
    return f"{value:.10g}".replace(".", "")


def typo_like(a: float, b: float) -> bool:
    """827 and 872, 27 and 72, 1,500 and 1,600: figures one slip of the keyboard apart."""
    x, y = _digits(a), _digits(b)
    if len(x) != len(y) or x == y or len(x) < 2:
        return False
    if sorted(x) == sorted(y):
        return True
    return sum(1 for p, q in zip(x, y) if p != q) == 1 and x[-1] == y[-1] == "0" and len(x) >= 3


def _show(figure: Figure) -> str:
    value = figure.value
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


class InconsistentFigure(Rule):
    """The same quantity of the same thing stated twice in one text with incompatible values.

    ## What it flags
    A figure that refers back to one given earlier ("the £72bn package" after
    "a £27bn package"), or that counts the same thing as an earlier figure and
    differs from it by a transposition or a slip of one digit ("827 deaths"
    ... "872 deaths"), when the two values cannot both be true. The dead
    are one count however they are written: "116 people had been killed",
    "the blast killed 116 people", "the death toll rose to 161" and "161
    deaths". A figure in an update sentence ("rose to", "now") may differ
    from a later one, except by a swap of its digits (4,291 and 4,912). The
    finding sits at the later figure; the earlier one is a related location.

    ## Why
    A figure that changes inside one article is a typo, a garbled rewrite or a
    badly merged text; readers cannot tell which is right.

    ## What it leaves alone
    Figures that can agree ("at least 1,000" and "the 1,200 prisoners"; a
    round number and a precise one within 5%); figures that count different
    things (different nouns or different words before the noun: "1,000
    Ukrainian prisoners" and "the 390 Russian prisoners"); updates and
    comparisons (a sentence with "rose", "revised", "earlier", "previous",
    "in May", "another"...); durations and ages (days, years); and small
    numbers below `min_value`, which news uses for many different things.

    ## Example
    "Ministers unveiled a £27bn package on Monday. ... Critics said the £72bn
    package was too small." flags "£72bn package".

    ## Options
    `min_value` (default 10): figures below it are compared only when they
    look like a typo of each other.
    """

    code = "NUM001"
    name = "inconsistent-figure"
    category = "numeric"
    default_options = {"min_value": Option(10, minimum=0)}

    def prepare(self) -> None:
        figures.prepare()
        death_patterns()

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        time_nouns = word_set("time_nouns.txt")
        text = document.text
        candidates = [
            figure
            for figure in (as_death_count(text, f) for f in analysis.figures if not f.spelled)
            if figure.noun and figure.noun not in time_nouns
        ]
        flagged: set[int] = set()
        statements: dict[tuple, list[Figure]] = {}
        """Earlier figures by the thing they count: only figures of one thing are ever compared."""
        for later in candidates:
            earlier_ones = statements.setdefault(self._thing(later), [])
            if later.sentence not in analysis.updates:
                for earlier in islice(reversed(earlier_ones), MAX_EARLIER):
                    if earlier.sentence == later.sentence and earlier.end > later.start - 3:
                        continue
                    if earlier.sentence in analysis.updates:
                        # an update may change a figure, but hardly by swapping its digits: 4,291 and 4,912
                        contradicts = earlier.exact and later.exact and transposed(earlier.value, later.value)
                    else:
                        contradicts = self._contradicts(earlier, later)
                    if contradicts:
                        if later.start not in flagged:
                            flagged.add(later.start)
                            yield self.finding(
                                document,
                                later.start,
                                later.phrase_end,
                                f"{_show(later)} {later.noun} here, but {_show(earlier)} earlier in the text",
                                related=[document.location(earlier.start, earlier.phrase_end, "earlier figure")],
                            )
                        break
                    if earlier.sentence not in analysis.updates and compatible(earlier, later):
                        break  # the later figure agrees with the last statement of it
            earlier_ones.append(later)

    @staticmethod
    def _thing(figure: Figure) -> tuple:
        """What a figure counts, as a key: figures with different keys are never the same quantity."""
        return (
            figure.noun,
            figure.currency,
            figure.percent,
            figure.event,
            figure.per_side,
            tuple(m.lower() for m in figure.modifiers),
        )

    def _contradicts(self, earlier: Figure, later: Figure) -> bool:
        if compatible(earlier, later):
            return False
        typo = earlier.exact and later.exact and typo_like(earlier.value, later.value)
        if typo:
            return True
        if not later.definite or min(earlier.value, later.value) < self.options["min_value"]:
            return False
        if earlier.exact and later.exact and (round_number(earlier.value) or round_number(later.value)):
            return not compatible(earlier, later, tolerance=0.05)
        return True
