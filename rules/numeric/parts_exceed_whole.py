"""NUM004: parts that add up to more than their stated whole."""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from rules.numeric import figures
from rules.numeric.figures import Figure, _alternation, _word_list, analyse, word_set


@cache
def part_marker_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('part_markers.txt'))})\b", regex.IGNORECASE)


@cache
def share_word_pattern() -> regex.Pattern:
    return regex.compile(rf"\s*(?:(?:were|was|are|is)\s+)?(?:of\s+\p{{L}}+\s+)?(?:{_alternation(_word_list('share_words.txt'))})\b", regex.IGNORECASE)


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


class PartsExceedWhole(Rule):
    """Parts that add up to more than the whole they are parts of.

    ## What it flags
    - A total followed in the same sentence by its parts ("including",
      "of whom", "of which", "among them") whose figures add up to more than
      the total: "12 people were killed, including 5 children and 9 adults".
    - Shares of one whole (percentages each followed by a vote word such as
      "in favour", "against", "undecided", "backed") in one sentence that add
      up to more than 100%, allowing half a point of rounding for each share.

    ## Why
    Numbers that do not add up are a sure sign that one of them is wrong,
    whether by a typo, a rewrite that changed one figure only, or a merge of
    two reports.

    ## What it leaves alone
    Parts that add up to less than the total ("including" rarely lists every
    part); open-ended totals ("more than 12 killed"); durations, ages and
    money parts of a count; percentages of different wholes.

    ## Example
    "A blast killed 12 people, including 5 children and 9 adults" is flagged
    at the parts, with the total as a related location.
    """

    code = "NUM004"
    name = "parts-exceed-whole"
    category = "numeric"

    def prepare(self) -> None:
        figures.prepare()
        part_marker_pattern()
        share_word_pattern()

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        by_sentence: dict[int, list[Figure]] = {}
        for figure in analysis.figures:
            by_sentence.setdefault(figure.sentence, []).append(figure)
        time_nouns = word_set("time_nouns.txt")
        text = document.text
        for index, figures in by_sentence.items():
            if len(figures) < 2:
                continue
            sentence_start, sentence_end = analysis.sentences[index]
            yield from self._parts(document, figures, sentence_end, time_nouns)
            yield from self._shares(document, figures)

    def _parts(self, document: Document, figures: list[Figure], sentence_end: int, time_nouns: frozenset[str]) -> Iterator[Finding]:
        text = document.text
        for position, total in enumerate(figures):
            if total.high is None or total.percent or total.noun in time_nouns or total.noun is None:
                continue
            marker = part_marker_pattern().search(text, total.phrase_end, sentence_end)
            if marker is None or text[total.phrase_end : marker.start()].strip(" ,;:—–-(") != "":
                continue
            parts = [
                f
                for f in figures[position + 1 :]
                if f.start >= marker.end() and not f.percent and f.currency == total.currency and f.noun not in time_nouns
            ]
            if len(parts) < 2 and not (parts and parts[0].low > total.high):
                continue
            added = sum(p.low for p in parts)
            if parts and added > total.high:
                yield self.finding(
                    document,
                    marker.start(),
                    parts[-1].phrase_end,
                    f"the parts add up to {_show(added)}, more than the total of {_show(total.high)}",
                    related=[document.location(total.start, total.phrase_end, "the total")],
                )

    def _shares(self, document: Document, figures: list[Figure]) -> Iterator[Finding]:
        shares = [f for f in figures if f.percent and f.exact and share_word_pattern().match(document.text, f.end)]
        if len(shares) < 2:
            return
        added = sum(f.value for f in shares)
        if added > 100 + 0.5 * len(shares):
            yield self.finding(
                document,
                shares[-1].start,
                shares[-1].end,
                f"shares of one whole add up to {_show(added)}%",
                related=[document.location(f.start, f.end, "another share") for f in shares[:-1]],
            )
