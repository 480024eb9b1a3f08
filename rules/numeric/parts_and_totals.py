"""NUM004: parts that do not add up to their whole: a count and the names it lists, parts and their
total, a fraction restated as a number, shares over 100%, parties' seats over the chamber's size."""

from __future__ import annotations

import bisect
from functools import cache
from itertools import islice
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from rules.numeric import sums
from rules.numeric.analysis import analyse
from rules.numeric.lexicon import alternation, word_list, word_set
from rules.numeric.mentions import Mention


@cache
def share_word_pattern() -> regex.Pattern:
    return regex.compile(rf"\s*(?:(?:were|was|are|is)\s+)?(?:of\s+\p{{L}}+\s+)?(?:{alternation(word_list('share_words.txt'))})\b", regex.IGNORECASE)


SEAT_WHOLE = regex.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+)-seat\b|\b(?:of|out\s+of)\s+(?:the\s+)?(\d{1,3}(?:,\d{3})*|\d+)\s+seats\b")
"""The size of a chamber: "the 650-seat House", "511 of the 650 seats"."""
SEAT_PART = regex.compile(
    r"(?<![\d,.\w-])(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?:\s+of\s+(?:the\s+)?\d[\d,]*)?\s+seats?\b"
    r"|(?<![\d,.\w-])(?P<n>\d{1,3}(?:,\d{3})*|\d+)\s+for\s+(?:the\s+)?\p{Lu}"
    r"|\bremaining\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?![\d%])"
    r"|\b(?:won|took|winning|taking)\s+(?P<n>\d{1,3}(?:,\d{3})*|\d+)(?=\s*[.,;]|\s*$)"
)
"""One party's seats: "336 seats", "511 of the 650 seats", "271 for Labour", "the remaining 34", "won 72."."""
PARTS_MARKER = regex.compile(
    r"[ ,;:—–(-]*(?P<marker>(?:including|included|include|includes|of\s+whom|of\s+which|among\s+them|among\s+whom)\b)",
    regex.IGNORECASE,
)
"""A total followed by some of its parts: "12 people, including", "40 migrants, of whom"."""
AMONG_BEFORE = regex.compile(r"\b(?:among|of)\s+the\s+$", regex.IGNORECASE | regex.REVERSE)
AMONG_GAP = regex.compile(r"\s*(?:,\s*|\s+(?:were|are)\s+)$", regex.IGNORECASE)
""""Among the 454 dead were 68 children and 395 adults", "Of the 40 migrants, 25 were men"."""
MAX_PARTS = 12
"""How many figures after a total are read as its parts: lists in prose are short."""
FULL_STOP = regex.compile(r"\. ")
STOPS_KEY = "numeric.parts.stops"
LIST_ITEM = regex.compile(r"[ \t]*[-*•–][ \t]+\S")
YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@cache
def seat_not_part_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(word_list('seat_not_part_words.txt'))})\b", regex.IGNORECASE)


@cache
def list_intro_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(word_list('list_intro_words.txt'))})\b", regex.IGNORECASE)


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


def _figures_in(figures: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The figures (in text order, with their ``starts``) that start in text[start:end]."""
    return figures[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _show(value: float, like: Mention | None = None) -> str:
    currency = like.currency if like is not None and like.unit == "money" else ""
    return currency + (f"{value:,.0f}" if value == int(value) else f"{value:,.1f}")


def _last_unit(mention: Mention) -> float:
    """The value of the last digit as written: 1 for "12", 0.1 for "€2.4m" read in millions."""
    written = mention.written.rstrip("abcdefghijklmnopqrstuvwxyz").replace(",", "")
    decimals = len(written.split(".")[1]) if "." in written else 0
    scale = mention.value / float(written) if float(written or 0) else 1.0
    return scale * 10 ** -decimals


class PartsDoNotAddUp(Rule):
    """Parts that do not add up to the whole they are parts of.

    ## What it flags
    - A count and the names listed right after it, when the names are more or
      fewer ("the nine other cities (Helsinki, Oslo, ...)" naming eight; "three
      marques - BMW, Mini, Rolls-Royce and Jaguar").
    - Parts listed with their total, when they do not add up: "€40m, €75m and
      €60m, a total of €185m"; "88 medals: 34 gold, 26 silver and 39 bronze";
      "a squad of 23: 3 goalkeepers, 8 defenders, 7 midfielders and 6
      forwards". A total introduced by "has", "includes" or "from" needs its
      parts only not to exceed it.
    - A total followed by some of its parts ("including", "of whom", "among
      them", "Among the 454 dead were ...", "Of the 40 migrants, ...") that add
      up to more than the total.
    - A fraction of a whole restated as a number that does not match it:
      "two-thirds of the 300 delegates, or 210".
    - Shares of one whole (each followed by a vote word such as "in favour",
      "against", "undecided") in one sentence that add up to more than 100%,
      allowing half a point of rounding for each share.
    - Parties' seats in one paragraph (or in the list after it) that add up to
      more than the chamber's size stated there ("511 of the 650 seats", "the
      651-seat House"); and a list introduced by "among them", "the tally
      was"... whose money items add up to more than the total before it.

    ## Why
    Numbers that do not add up are a sure sign that one of them is wrong,
    whether by a typo, a rewrite that changed one figure only, or a merge of
    two reports.

    ## What it leaves alone
    Lists that are partial ("including", "such as", "with"); parts that add up
    to less than a total that only includes them; open-ended totals ("more
    than 12 killed"); durations, ages and money parts of a count; percentages
    of different wholes; rounding of a fraction to the nearest whole. For
    seats: two chamber sizes in one paragraph, figures for another year,
    changes and thresholds ("gained 20 seats", "needs 326"), blocs ("the
    coalition holds 400"), and one party's figure restated.

    ## Example
    "A blast killed 12 people, including 5 children and 9 adults" is flagged
    at the parts, with the total as a related location.
    """

    code = "NUM004"
    name = "parts-do-not-add-up"
    category = "numeric"

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        mentions = analysis.mentions
        text = document.text
        if not mentions:
            return
        layout = analysis.layout
        chamber = list(self._chamber(document, mentions, layout)) if "seat" in text else []
        yield from chamber
        if "seat" in text or ":" in text:
            yield from self._lists(document, mentions, seats=not chamber)
        yield from self._listed_names(document, mentions, layout)
        yield from self._totals(document, mentions)
        yield from self._fractions(document)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        time_nouns = word_set("time_nouns.txt")
        for index, group in by_sentence.items():
            if len(group) < 2:
                continue
            yield from self._parts(document, group, layout.sentence_span(index)[1], time_nouns)
            yield from self._shares(document, group)

    def _listed_names(self, document: Document, mentions: list[Mention], layout) -> Iterator[Finding]:
        text = document.text
        for mention in mentions:
            listing = sums.listed_names(text, mention, layout.sentence_span(mention.sentence)[1])
            if listing is not None and listing.items != int(mention.value):
                yield self.finding(
                    document,
                    mention.start,
                    mention.phrase_end,
                    f"{mention.value:g} {mention.counted}, but {listing.items} are named",
                    related=[document.location(listing.start, listing.end, "the names listed")],
                )

    def _totals(self, document: Document, mentions: list[Mention]) -> Iterator[Finding]:
        for total in sums.totals(mentions, document.text):
            added = sum(part.value for part in total.parts)
            whole = total.whole.value
            slack = sum(0.5 * _last_unit(p) for p in (*total.parts, total.whole) if "." in p.written) + 1e-6 * whole
            if (total.exact and abs(added - whole) > slack) or (not total.exact and added > whole + slack):
                yield self.finding(
                    document,
                    total.whole.start,
                    total.whole.phrase_end,
                    f"the parts add up to {_show(added, total.whole)}, not {_show(whole, total.whole)}",
                    related=[document.location(p.start, p.phrase_end, "a part") for p in total.parts],
                )

    def _chamber(self, document: Document, mentions: list[Mention], layout) -> Iterator[Finding]:
        """Parties' seats anywhere in the article against the one chamber size it states."""
        sizes = sums.chamber_sizes(document.text)
        if len(sizes) != 1:
            return  # no chamber size, or two chambers
        whole = sizes.pop()
        shares = sums.seat_shares(mentions, whole, document.text, seat_not_part_pattern(), layout)
        added = sum(m.value for m in shares)
        if len(shares) >= 2 and added > whole:
            last = shares[-1]
            yield self.finding(
                document,
                last.start,
                last.phrase_end,
                f"the parties' seats add up to {_show(added)}, more than the {_show(whole)} seats in all",
                related=[document.location(m.start, m.phrase_end, "another party's seats") for m in shares[:-1]],
            )

    def _fractions(self, document: Document) -> Iterator[Finding]:
        text = document.text
        for match in sums.fractions_or(text, analyse(document).lowered):
            fraction, whole, part = sums.fraction_values(match)
            expected = fraction * whole
            if abs(expected - part) > max(1.0, 0.015 * expected):
                yield self.finding(
                    document,
                    match.start("part"),
                    match.end("part"),
                    f"{match.group('fraction')} of {whole:,.0f} is {expected:,.0f}, not {part:,.0f}",
                    related=[document.location(match.start("fraction"), match.end("whole"), "the fraction")],
                )

    def _parts(self, document: Document, mentions: list[Mention], sentence_end: int, time_nouns: frozenset[str]) -> Iterator[Finding]:
        text = document.text
        for position, total in enumerate(mentions):
            if total.high is None or total.unit != "count" or total.counted in time_nouns or total.counted is None:
                continue
            following = list(islice(mentions, position + 1, position + 1 + MAX_PARTS))
            if not following:
                continue
            gap = text[total.phrase_end : following[0].start]
            marker = PARTS_MARKER.match(gap)
            among = AMONG_BEFORE.search(text, max(0, total.start - 12), total.start)
            if marker is None and not (among and AMONG_GAP.match(gap)):
                continue
            parts = [f for f in following if f.unit == "count" and f.exact and f.counted not in time_nouns and not f.per_side]
            parts = parts[:1] + [b for a, b in zip(parts, parts[1:]) if sums.joined_as_list(a, b, text)]
            if parts and marker is not None and parts[0].start - (total.phrase_end + marker.end()) > 25:
                continue  # the parts must follow the marker: "including 5 children and 9 adults"
            if len(parts) < 2 and not (parts and parts[0].low > total.high):
                continue
            added = sum(p.low for p in parts)
            if parts and added > total.high:
                yield self.finding(
                    document,
                    parts[0].start if marker is None else total.phrase_end + marker.start("marker"),
                    parts[-1].phrase_end,
                    f"the parts add up to {_show(added)}, more than the total of {_show(total.high)}",
                    related=[document.location(total.start, total.phrase_end, "the total")],
                )

    def _lists(self, document: Document, figures: list[Mention], seats: bool) -> Iterator[Finding]:
        """Seats of the parties against the chamber's size; list items against the total they follow."""
        text = document.text
        starts = [figure.start for figure in figures]
        for (start, end), items in blocks(text):
            if seats and "seat" in text[start:end]:
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
        figures: list[Mention],
        starts: list[int],
    ) -> Finding | None:
        """"Pledges had reached €400 million. Among them:" and list items of €-figures adding up to more."""
        text = document.text
        intro_start = max(text.rfind(". ", paragraph[0], paragraph[1] - 1) + 1, paragraph[0])
        if not list_intro_pattern().search(text, intro_start, paragraph[1]):
            return None
        before = [f for f in _figures_in(figures, starts, *paragraph) if f.unit == "money"]
        if not before or before[-1].high is None:
            return None
        total = before[-1]
        parts = []
        for item_start, item_end in items:
            inside = _figures_in(figures, starts, item_start, item_end)
            if len(inside) != 1 or inside[0].currency != total.currency or inside[0].unit != "money" or not inside[0].exact:
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

    def _shares(self, document: Document, figures: list[Mention]) -> Iterator[Finding]:
        shares = [f for f in figures if f.unit == "percent" and f.exact and share_word_pattern().match(document.text, f.end)]
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
