"""NUM004: parts that add up to more than their stated whole."""

from __future__ import annotations

import bisect
from functools import cache
from itertools import islice
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


SEAT_WHOLE = regex.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+)-seat\b|\b(?:of|out\s+of)\s+(?:the\s+)?(\d{1,3}(?:,\d{3})*|\d+)\s+seats\b")
"""The size of a chamber: "the 650-seat House", "511 of the 650 seats"."""
SEAT_PART = regex.compile(
    r"(?<![\d,.\w-])(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:\s+of\s+(?:the\s+)?\d[\d,]*)?\s+seats?\b"
    r"|(?<![\d,.\w-])(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+for\s+(?:the\s+)?\p{Lu}"
    r"|\bremaining\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?![\d%])"
    r"|\b(?:won|took|winning|taking)\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?=\s*[.,;]|\s*$)"
)
"""One party's seats: "336 seats", "511 of the 650 seats", "271 for Labour", "the remaining 34", "won 72."."""
MARKER_GAP = regex.compile(r"[ ,;:—–(-]*")
"""What may stand between a total and the word that introduces its parts ("12 people, including")."""
MAX_PARTS = 12
"""How many figures after a total are read as its parts: lists in prose are short."""
FULL_STOP = regex.compile(r"\. ")
STOPS_KEY = "numeric.parts.stops"
LIST_ITEM = regex.compile(r"[ \t]*[-*•–][ \t]+\S")
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
PRECEDING_WORDS = regex.compile(r"(\p{L}+(?:\s+\p{L}+)?)\s+(?:the\s+)?$")


@cache
def seat_not_part_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('seat_not_part_words.txt'))})\b", regex.IGNORECASE)


@cache
def list_intro_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('list_intro_words.txt'))})\b", regex.IGNORECASE)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def blocks(text: str) -> Iterator[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each paragraph of prose with the list lines that follow it (a blank line may sit between)."""
    paragraph: tuple[int, int] | None = None
    items: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line.rstrip("\r\n"))
        position += len(line)
        if not line.strip():
            continue
        if LIST_ITEM.match(line):
            if paragraph is not None:
                items.append((start, end))
            continue
        if paragraph is not None:
            yield paragraph, items
        paragraph, items = (start, end), []
    if paragraph is not None:
        yield paragraph, items


def _figures_in(figures: list[Figure], starts: list[int], start: int, end: int) -> list[Figure]:
    """The figures (in text order, with their ``starts``) that start in text[start:end]."""
    return figures[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


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
    - Parties' seats in one paragraph (or in the list after it) that add up to
      more than the chamber's size stated there ("511 of the 650 seats", "the
      651-seat House"): "336 seats", "271 for Labour", "the remaining 34",
      "the Liberal Democrats won 72", "- Other parties: 40 seats".
    - A list introduced by "among them", "including", "the tally was"... whose
      items (one money figure each, in the total's currency) add up to more
      than the total stated just before it; flagged at the total.

    ## Why
    Numbers that do not add up are a sure sign that one of them is wrong,
    whether by a typo, a rewrite that changed one figure only, or a merge of
    two reports.

    ## What it leaves alone
    Parts that add up to less than the total ("including" rarely lists every
    part); open-ended totals ("more than 12 killed"); durations, ages and
    money parts of a count; percentages of different wholes. For seats: two
    chamber sizes in one paragraph, figures for another year, changes and
    thresholds ("gained 20 seats", "needs 326"), blocs ("the coalition holds
    400"), and one party's figure restated.

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
        seat_not_part_pattern()
        list_intro_pattern()

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        by_sentence: dict[int, list[Figure]] = {}
        for figure in analysis.figures:
            by_sentence.setdefault(figure.sentence, []).append(figure)
        time_nouns = word_set("time_nouns.txt")
        text = document.text
        if "seat" in text or ":" in text:
            yield from self._lists(document, analysis.figures)
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
            gap = MARKER_GAP.match(text, total.phrase_end, sentence_end)
            marker = part_marker_pattern().match(text, gap.end(), sentence_end)
            if marker is None:
                continue
            parts = [
                f
                for f in islice(figures, position + 1, position + 1 + MAX_PARTS)
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

    def _lists(self, document: Document, figures: list[Figure]) -> Iterator[Finding]:
        """Seats of the parties against the chamber's size; list items against the total they follow."""
        text = document.text
        starts = [figure.start for figure in figures]
        for (start, end), items in blocks(text):
            if "seat" in text[start:end]:
                finding = self._seats(document, (start, end), items)
                if finding is not None:
                    yield finding
                    continue
            if items and text[start:end].rstrip().endswith(":"):
                finding = self._list_total(document, (start, end), items, figures, starts)
                if finding is not None:
                    yield finding

    def _seats(self, document: Document, paragraph: tuple[int, int], items: list[tuple[int, int]]) -> Finding | None:
        text = document.text
        wholes = [(m.start(), m.end(), _number(m.group(1) or m.group(2))) for m in SEAT_WHOLE.finditer(text, *paragraph)]
        if len({value for _s, _e, value in wholes}) != 1:
            return None  # no chamber size, or two chambers
        whole = wholes[0][2]
        places = [(s, e) for s, e in items if "seat" in text[s:e]] or [paragraph]
        parts: dict[float, tuple[int, int]] = {}
        for place_start, place_end in places:
            for match in SEAT_PART.finditer(text, place_start, place_end):
                value = _number(match.group("n"))
                if value >= whole or self._not_a_share(document, match.start("n"), place_start):
                    continue
                parts.setdefault(value, (match.start(), match.end()))
        added = sum(parts)
        if len(parts) < 2 or added <= whole:
            return None
        ordered = sorted(parts.values())
        last = ordered[-1]
        return self.finding(
            document,
            *last,
            f"the parties' seats add up to {_show(added)}, more than the {_show(whole)} seats in all",
            related=[document.location(wholes[0][0], wholes[0][1], "the chamber's size")]
            + [document.location(s, e, "another party's seats") for s, e in ordered[:-1]],
        )

    def _not_a_share(self, document: Document, position: int, floor: int) -> bool:
        """A change, a threshold, a bloc or another election's figure ("gained 20 seats", "in 2019")."""
        text = document.text
        clause_start = max(floor, position - 40)
        clause_start = max(clause_start, *(text.rfind(mark, clause_start, position) + 1 for mark in ",;:(—"))
        if seat_not_part_pattern().search(text, clause_start, position):
            return True
        stops, other_years = self._stops_and_other_years(document)
        index = bisect.bisect_left(stops, position)
        sentence_start = max(stops[index - 1] if index else -1, floor)
        sentence_end = stops[index] if index < len(stops) else len(text)
        first_year = bisect.bisect_left(other_years, sentence_start)
        return first_year < len(other_years) and other_years[first_year] < sentence_end

    @staticmethod
    def _stops_and_other_years(document: Document) -> tuple[list[int], list[int]]:
        """Where ". " ends a sentence, and where a year other than the document's stands; found once."""
        cached = document.cache.get(STOPS_KEY)
        if cached is None:
            text = document.text
            this_year = document.date.value.year if document.date else None
            stops = [match.start() for match in FULL_STOP.finditer(text)]
            other_years = [y.start() for y in YEAR.finditer(text) if int(y.group()) != this_year]
            cached = document.cache[STOPS_KEY] = (stops, other_years)
        return cached

    def _list_total(
        self,
        document: Document,
        paragraph: tuple[int, int],
        items: list[tuple[int, int]],
        figures: list[Figure],
        starts: list[int],
    ) -> Finding | None:
        """"Pledges had reached €400 million. Among them:" and list items of €-figures adding up to more."""
        text = document.text
        intro_start = max(text.rfind(". ", paragraph[0], paragraph[1] - 1) + 1, paragraph[0])
        if not list_intro_pattern().search(text, intro_start, paragraph[1]):
            return None
        before = [f for f in _figures_in(figures, starts, *paragraph) if f.currency and not f.percent]
        if not before or before[-1].high is None:
            return None
        total = before[-1]
        parts = []
        for item_start, item_end in items:
            inside = _figures_in(figures, starts, item_start, item_end)
            if len(inside) != 1 or inside[0].currency != total.currency or inside[0].percent or not inside[0].exact:
                return None  # not a list of parts of this total
            parts.append(inside[0])
        added = sum(p.value for p in parts)
        if len(parts) < 2 or added <= total.high:
            return None
        return self.finding(
            document,
            total.start,
            total.phrase_end,
            f"the items listed add up to {total.currency}{_show(added)}, more than this total of "
            f"{total.currency}{_show(total.high)}",
            related=[document.location(p.start, p.end, "a listed part") for p in parts],
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
