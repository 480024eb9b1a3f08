"""NUM005: a stated margin that does not match the two figures it is the difference of."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Rule
from rules.numeric import margins as reading
from rules.numeric.analysis import analyse
from rules.numeric.margins import Margin, Pair
from rules.numeric.mentions import Mention
from rules.numeric.sums import chamber_sizes

PAIR_CONNECTORS = ("to", "-", "–", "—", "against", "v", "vs", "vs.")
COMPATIBLE = {"point": ("percent",), "vote": ("vote",), "seat": ("vote",), "": ("vote", "percent"), "goal": ("goal",), "run": ("run",), "rate": ("rate",)}


class MarginMismatch(Rule):
    """A margin that does not match the two figures it is the difference of.

    ## What it flags
    A margin stated anywhere in the article that is not the difference of the
    figures it separates: a majority against the vote ("by 336 votes to 212"
    ... "a majority of 53"), a lead in points against two shares ("40.3% ...
    36.9%" ... "a lead of 4.4 points", or the shares of the parties it names),
    a winning margin in goals against the one final score, a defeat in runs
    against a chase ("chasing 241, all out for 237, lost by two runs"), a rate
    change against the rates it moved between ("raised by 50 basis points to
    2.75% from 2.5%"), and an overall majority against the winner's seats and
    the chamber's size.

    ## Why
    A margin that does not match its figures means one of the three numbers is
    wrong; a careful sub-editor checks the arithmetic.

    ## What it leaves alone
    Margins within rounding of two percentages (a point for whole ones, a
    tenth for one decimal); margins in percent ("a 37% increase" is relative);
    points of a game or an index; margins when the article has several
    candidate pairs and the margin names none of them; tallies of another
    time.

    ## Example
    "Voters backed the measure 73% to 24%, a 37-point margin." is flagged at
    the margin.
    """

    code = "NUM005"
    name = "margin-mismatch"
    category = "numeric"

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        analysis = analyse(document)
        mentions = analysis.mentions
        stated = reading.margins(text, mentions)
        if not stated:
            return
        layout = analysis.layout
        tallies = [_tally(m) for m in mentions if _is_tally(m)]
        for margin in stated:
            sentence = layout.sentence_at(margin.start)
            sentence_span = layout.sentence_span(sentence)
            pair = self._pair(document, margin, sentence, sentence_span, layout, mentions, [t for t in tallies if t is not None])
            if pair is None:
                continue
            expected = pair.difference
            if abs(expected - margin.value) > _tolerance(pair) + 1e-9:
                yield self.finding(
                    document,
                    margin.start,
                    margin.end,
                    f"a margin of {margin.value:g}, but {pair.first:g} and {pair.second:g} differ by {expected:g}",
                    related=[document.location(pair.start, pair.end, "the two figures")],
                )

    def _pair(self, document: Document, margin: Margin, sentence: int, sentence_span, layout, mentions, tallies) -> Pair | None:
        text = document.text
        wanted = COMPATIBLE[margin.unit]
        if margin.unit == "rate":
            moves = reading.changes(text, *sentence_span)
            return moves[0] if len(moves) == 1 else None
        if margin.unit == "run":
            return reading.chase(text, *layout.paragraphs[layout.paragraph_at(margin.start)])
        if margin.overall:
            return _overall(text, mentions)
        if margin.unit == "point":
            moves = [m for m in reading.changes(text, *sentence_span) if m.end <= margin.start]
            if len(moves) == 1:
                return moves[0]
        here = [t for t in tallies if t.unit in wanted and sentence_span[0] <= t.start < sentence_span[1] and t.end <= margin.start]
        if len(here) == 1:
            return here[0]
        if here:
            return None
        elsewhere = {(t.first, t.second, t.unit): t for t in tallies if t.unit in wanted and t.end <= margin.start}
        if len(elsewhere) == 1:
            return next(iter(elsewhere.values()))
        if margin.unit == "point" and not elsewhere:
            return _leading_shares(mentions, layout, sentence)
        return None


def _is_tally(mention: Mention) -> bool:
    if mention.time is not None or mention.per_side or mention.is_range:
        return False
    if mention.unit == "score":
        return True
    return mention.second is not None and mention.connector in PAIR_CONNECTORS and mention.unit in ("count", "percent")


def _tally(mention: Mention) -> Pair | None:
    unit = {"score": "goal", "count": "vote", "percent": "percent"}[mention.unit]
    if mention.unit == "count" and mention.counted not in (None, "vote", "seat", "vote margin", "seat margin"):
        return None
    return Pair(mention.start, mention.end if mention.unit == "score" else mention.phrase_end, mention.value, mention.second, unit)


def _leading_shares(mentions: list[Mention], layout, margin_sentence: int) -> Pair | None:
    """The two largest shares of the one sentence before the margin that gives several parties' shares."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.unit == "percent" and mention.time is None and mention.sentence < margin_sentence:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    candidates = [group for group in by_sentence.values() if len(group) >= 2 and len({m.entity for m in group if m.entity}) >= 2]
    if len(candidates) != 1:
        return None
    top = sorted(candidates[0], key=lambda m: -m.value)[:2]
    first, second = sorted(top, key=lambda m: m.start)
    return Pair(first.start, second.end, first.value, second.value, "percent")


def _overall(text: str, mentions: list[Mention]) -> Pair | None:
    """"An overall majority of 32": the winner's seats against all the others' (2 x seats - chamber)."""
    sizes = chamber_sizes(text)
    seats = [m for m in mentions if m.counted == "seat" and m.unit == "count" and m.time is None and m.exact]
    if len(sizes) != 1 or not seats:
        return None
    whole = next(iter(sizes))
    winner = max((m for m in seats if m.value < whole), key=lambda m: m.value, default=None)
    if winner is None or winner.value <= whole / 2:
        return None
    return Pair(winner.start, winner.phrase_end, winner.value, whole - winner.value, "vote")


def _tolerance(pair: Pair) -> float:
    if pair.unit == "percent":
        decimals = any(value != int(value) for value in (pair.first, pair.second))
        return 0.11 if decimals else 1.0
    return 0.001 if pair.unit == "rate" else 0.0
