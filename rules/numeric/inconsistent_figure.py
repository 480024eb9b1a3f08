"""NUM001: the same quantity stated twice in one text with values that cannot both be true."""

from __future__ import annotations

from itertools import islice
from typing import Iterator

import regex

from linter import Document, Finding, Option, Rule
from rules.numeric.analysis import analyse
from rules.numeric.compare import compatible, same_quantity, slip_strength, thing, transposed
from rules.numeric.lexicon import not_names, word_set
from rules.numeric.mentions import Mention

MAX_EARLIER = 32
"""How many earlier statements of the same thing a figure is compared with, latest first: an
article restates one quantity a few times, and the bound keeps the rule linear on any text."""
GENERIC_NOUNS = frozenset({"figure", "sum", "amount", "total"})
"""Nouns of "the $340m figure": it restates an earlier amount, whatever that amount counted."""
COMPARED_UNITS = ("count", "money", "percent", "points")
NAME = regex.compile(r"(?<![\p{L}])\p{Lu}[\p{L}’'-]+")
RESTRICTIVE = regex.compile(r"\s+(?:where|that|which|who|whose|in\s+which)\b")
"""After a definite figure: "the 14 seats where ..." picks out a set rather than referring back."""
CLEFT_BEFORE = regex.compile(r"\b[Ii]t(?:\s+(?:was|is|were)|['’]s)(?:\s+not|n['’]t)?\s+(?:the|these|those|that)\s+$", regex.REVERSE)
"""Before the figure of a cleft sentence: in "it was the 600 brands that drew comment" the clause
after the figure is the sentence's predicate, not a restriction, so the figure still refers back."""
CLAUSE_END = regex.compile(r"[,;:.]")
FINAL_BEFORE = regex.compile(r"\b(?:finished|ended|final\s+score\s+was|full-time\s+score\s+was)\s+$", regex.IGNORECASE | regex.REVERSE)
"""This and ``CLEFT_BEFORE`` end at the figure: searched in reverse, they try that one place."""
"""Before a restated final score: "It finished 3-2"."""
POSSESSIVE_BEFORE = regex.compile(r"(\p{Lu}[\p{L}-]+)(?:’s|'s)\s+$")
RESULT_NOUNS = ("win", "victory", "defeat", "loss", "draw", "result", "scoreline", "success", "triumph", "thrashing")


def _show(mention: Mention) -> str:
    if mention.unit == "score":
        return f"{mention.value:g}-{mention.second:g}"
    value = mention.value
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return mention.currency + shown + ("%" if mention.unit == "percent" else "")


class InconsistentFigure(Rule):
    """The same quantity of the same thing stated twice in one text with incompatible values.

    ## What it flags
    A figure stated again later with a value that cannot be the same, when the
    two mentions are the same quantity of the same thing at the same time: the
    same unit (and currency), the same thing counted ("3,412 homes were
    destroyed" and "the 3,142 destroyed homes"; the dead however they are
    written: "116 people were killed", "the death toll rose to 161", "161
    deaths"), the same base for a percentage ("of voters"), the same entity
    ("Labour's 356 seats") and no cue of another time. The later figure must
    refer back ("the £72bn package" after "a £27bn package") or differ by a
    slip of the hand (digits swapped or one digit changed: "827 deaths" ...
    "872 deaths"). Referring back includes "all 30 starts", a cleft sentence
    ("it was the 600 brands that ...") and "the £26m figure", which is tied
    to the one earlier amount of its size a digit away. A match's score restated differently ("won 4-1" ... "the
    3-1 win") and a goal's minute with its digits swapped ("87th minute" ...
    "78th-minute goal") are flagged too. The finding sits at the later figure;
    the earlier one is a related location.

    ## Why
    A figure that changes inside one article is a typo, a garbled rewrite or a
    badly merged text; readers cannot tell which is right.

    ## What it leaves alone
    Figures that can agree ("at least 1,000" and "the 1,200 prisoners"; a
    rounded figure and one that rounds to it, "1.5 million" and 1,486,000,
    though not 410,000 and 401,000, nor small counts such as 10 and 11; a
    per-side figure and a total of twice it); different things, bases or entities ("84% of users"
    and "87% of searchers"; "1,000 Ukrainian prisoners" and "390 Russian
    prisoners"; two parties' seats); another time ("in 2019", "previous",
    "a year ago", "compared with"); updates ("rose to", "revised", "now"),
    unless the digits are merely swapped; parts of a whole ("12 of the 20
    seats"); durations, ages, years, clock times, ranks and distances ("the
    1500m final"); and figures below `min_value` that only refer back.

    ## Example
    "Ministers unveiled a £27bn package on Monday. ... Critics said the £72bn
    package was too small." flags "£72bn package".

    ## Options
    `min_value` (default 10): figures below it are compared only when they
    look like a slip of each other.
    """

    code = "NUM001"
    name = "inconsistent-figure"
    category = "numeric"
    default_options = {"min_value": Option(10, minimum=0)}

    def check(self, document: Document) -> Iterator[Finding]:
        mentions = analyse(document).mentions
        yield from self._restated(document, mentions)
        yield from self._scores(document, mentions)
        yield from self._minutes(document, mentions)

    def _restated(self, document: Document, mentions: list[Mention]) -> Iterator[Finding]:
        time_nouns = word_set("time_nouns.txt")
        statements: dict[tuple, list[Mention]] = {}
        by_unit: dict[tuple, list[Mention]] = {}
        """Earlier figures by unit and currency, for "the $340m figure", which may restate any of them."""
        for later in mentions:
            if later.unit not in COMPARED_UNITS or later.counted in time_nouns or later.spelled and later.value < 10:
                continue
            if later.counted is None and not (later.unit == "percent" and later.base and later.definite):
                continue
            earlier_ones = statements.setdefault(thing(later), [])
            same_unit = by_unit.setdefault((later.unit, later.currency), [])
            generic = later.counted in GENERIC_NOUNS and later.definite
            earlier = self._contradicted(document.text, later, same_unit if generic else earlier_ones, generic)
            if earlier is not None:
                noun = later.counted or later.base
                yield self._finding(document, earlier, later, f"{_show(later)} {noun} here, but {_show(earlier)} earlier in the text")
            earlier_ones.append(later)
            same_unit.append(later)

    def _contradicted(self, text: str, later: Mention, earlier_ones: list[Mention], generic: bool) -> Mention | None:
        """The earlier statement that ``later`` contradicts, if its referent is clear.

        A later figure that agrees with any earlier statement of the quantity restates it. One
        that does not contradicts an earlier one when they are one slip apart and the earlier one
        is the figure it restates: the entities name it, or no other earlier figure of the
        quantity is near enough in size to be meant. A looser slip (one of two digits) or any other
        difference counts only when the later figure refers back ("the 12 goals")."""
        stated: list[Mention] = []
        for earlier in islice(reversed(earlier_ones), MAX_EARLIER):
            if earlier.sentence == later.sentence or not (generic or same_quantity(earlier, later)):
                continue
            if compatible(earlier, later):
                return None
            stated.append(earlier)
        near = {e.value for e in stated if not e.partitive and within_threefold(e.value, later.value)}
        refers_back = later.definite and (
            not RESTRICTIVE.match(text, later.phrase_end) or CLEFT_BEFORE.search(text, max(0, later.start - 20), later.start) is not None
        )
        for earlier in stated:
            evidence = self._evidence(earlier, later)
            named = bool(later.entity) and earlier.entity == later.entity
            if evidence == 2 and (named or near <= {earlier.value}):
                return earlier
            if evidence == 1 and refers_back and not generic and (named or near == {earlier.value}):
                return earlier
            if generic and evidence == 1 and near == {earlier.value} and slip_strength(earlier, later) == 1:
                return earlier  # "the £26m figure" with £24m the only amount of its size before
        return None

    def _evidence(self, earlier: Mention, later: Mention) -> int:
        """2 when two incompatible values are surely one slip apart, 1 when a back-reference is
        needed to tell, 0 when they cannot be compared."""
        if earlier.is_range or later.is_range:
            return 0
        if later.update:
            return 0  # "the toll later climbed to 161": the figure changed
        if earlier.update:
            # an updated figure may differ from a later one, but hardly by swapping its digits: 4,291 and 4,912
            return 2 if transposed(earlier, later) and len(later.digits) >= 3 else 0
        if max(earlier.value, later.value) < self.options["min_value"]:
            return 0
        strength = slip_strength(earlier, later)
        if strength == 0 and later.unit == "percent":
            return 0  # percentages of one base differ for many reasons
        return max(strength, 1)

    def _scores(self, document: Document, mentions: list[Mention]) -> Iterator[Finding]:
        """A match's final score restated differently: "beat them 4-1" ... "the 3-1 win"."""
        scores = [m for m in mentions if m.unit == "score" and m.time is None]
        in_sets = {m.start for pair in zip(scores, scores[1:]) if pair[1].start - pair[0].end <= 3 for m in pair}
        scores = [m for m in scores if m.start not in in_sets]  # "6-2 6-4": the sets of one tennis match
        if len(scores) < 2:
            return
        first = scores[0]
        text = document.text
        for later in scores[1:]:
            if (later.value, later.second) == (first.value, first.second):
                continue
            if len({(m.value, m.second) for m in scores if m.start < later.start}) != 1:
                return  # several results: a round-up, or a score during the match
            result_after = text[later.end : later.end + 14].lower().lstrip(" -").startswith(RESULT_NOUNS)
            final = FINAL_BEFORE.search(text, max(0, later.start - 20), later.start) is not None
            if (later.definite or result_after or final) and _one_goal_apart(first, later) and self._same_match(document, first, later):
                yield self._finding(document, first, later, f"a {_show(later)} result here, but {_show(first)} earlier in the text")
                return

    @staticmethod
    def _same_match(document: Document, first: Mention, later: Mention) -> bool:
        """No team is named beside the later score that the first score's sentence does not name."""
        layout = analyse(document).layout
        first_sentence = document.text[slice(*layout.sentence_span(first.sentence))]
        start, end = layout.sentence_span(later.sentence)
        clause_end = CLAUSE_END.search(document.text, later.end, min(end, later.end + 40))
        names = NAME.findall(document.text, later.end, clause_end.start() if clause_end else min(end, later.end + 40))
        owner = POSSESSIVE_BEFORE.search(document.text, max(start, later.start - 40), later.start)
        names += [owner.group(1)] if owner else []
        return all(name in first_sentence for name in names if name.lower() not in not_names())

    def _minutes(self, document: Document, mentions: list[Mention]) -> Iterator[Finding]:
        """A goal's minute with its digits swapped: "in the 87th minute" ... "his 78th-minute goal"."""
        minutes = [m for m in mentions if m.counted == "minute" and m.unit in ("ordinal", "count") and m.value <= 120]
        ordinals = [m for m in minutes if m.unit == "ordinal"]
        if not ordinals or len(minutes) < 2:
            return
        first = ordinals[0]
        for later in minutes:
            if later.start > first.start and transposed(first, later) and all(
                m.value != later.value for m in minutes if m.start < later.start
            ):
                yield self._finding(document, first, later, f"minute {later.value:g} here, but {first.value:g} earlier in the text")
                return

    def _finding(self, document: Document, earlier: Mention, later: Mention, message: str) -> Finding:
        return self.finding(
            document,
            later.start,
            later.phrase_end,
            message,
            related=[document.location(earlier.start, earlier.phrase_end, "earlier figure")],
        )


def _one_goal_apart(a: Mention, b: Mention) -> bool:
    """4-1 and 3-1, 2-0 and 0-2: one side changed by a goal or two, or the sides swapped."""
    x, y = (a.value, a.second), (b.value, b.second)
    return x == y[::-1] or (x[0] == y[0] and abs(x[1] - y[1]) <= 2) or (x[1] == y[1] and abs(x[0] - y[0]) <= 2)


def within_threefold(value: float, other: float) -> bool:
    """Whether two figures are of a size (at most three times apart, same sign): zero is near only zero."""
    if value == other:
        return True
    return value * other > 0 and max(abs(value), abs(other)) <= 3 * min(abs(value), abs(other))
