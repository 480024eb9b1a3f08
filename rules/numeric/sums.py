"""Parts and wholes in one sentence, read from the mentions: a count and the names listed after
it, parts and the total that introduces or follows them, a fraction of a whole restated as a
number.

Each finder returns what it read (the whole, its parts, whether they must add up exactly or
only not exceed it); the NUM004 rule decides what contradicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from rules.numeric.lexicon import alternation, numbers, word_set
from rules.numeric.mentions import Mention

ITEM = (
    r"\p{Lu}[\p{L}\p{M}'’.&-]*(?:(?:\s+(?:of|de|da|del|la|le|du|van|von|der|den|bin|al|the|and\s+the|&))*\s+"
    r"\p{Lu}[\p{L}\p{M}'’.&-]*)*"
)
GAP_WORD = r"(?!(?:that|which|who|whom|whose|while|when|where|but|and|or|followed|including|such|like|with|among|as)\b)[\p{L}'’-]+"
LISTED = regex.compile(
    rf"(?P<lead>(?:\s*,|(?:\s+{GAP_WORD}){{0,8}}?(?:\s*[-–—:(]|\s+(?:are|were)|,\s+in\s+the\s+(?:cities|countries|towns|regions|states)\s+of|,\s+namely))\s*)"
    rf"(?P<list>{ITEM}(?:,\s+{ITEM})+,?\s+and\s+{ITEM})(?=\s*(?:[.;:)]|,\s|\s+-\s|$))"
)
"""Names listed right after a count: "three marques - BMW, Mini and Rolls-Royce"."""
PARTIAL = regex.compile(r"\b(?:including|include|includes|included|such\s+as|like|among|other\s+than|except|besides|with)\b", regex.IGNORECASE)

TOTAL_BEFORE = regex.compile(
    r"(?:\b(?:a\s+)?total\s+of|\btotalling|\btotaling|\b(?:bringing|taking|took|brought|brings|takes)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:total|fund|tally|sum|overall\s+figure)\s+to|\b(?:or|making|in\s+all|altogether)|:\s*)\s*$",
    regex.IGNORECASE,
)
TOTAL_AFTER = regex.compile(r"\s*(?:\p{L}+\s+)?(?:in\s+all|in\s+total|altogether|combined|overall)\b", regex.IGNORECASE)
WHOLE_THEN_PARTS = regex.compile(
    r"(?:\s*\p{L}+){0,6}?\s*(?::|\s(?:has|have|had|comprises|comprising|consists\s+of|consisting\s+of|is\s+made\s+up\s+of|made\s+up\s+of|came\s+from|come\s+from|from|includes|including|included))\s",
    regex.IGNORECASE,
)
EXCEED_ONLY = regex.compile(r"\b(?:has|have|had|includes|including|included|from|came\s+from|come\s+from)\b", regex.IGNORECASE)
LIST_GAP = regex.compile(
    r"^(?!.*\b(?:of\s+whom|of\s+which|among\s+them|including)\b)\s*(?:\p{L}+\s+){0,3}?(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+|;\s*)(?:\p{L}+\s+){0,3}?$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Listing:
    """A count and the names listed after it."""

    count: Mention
    start: int
    end: int
    items: int


def listed_names(text: str, count: Mention, sentence_end: int) -> Listing | None:
    """The names a count introduces, when they follow it at once ("nine other cities (Helsinki, ...)")."""
    if count.unit != "count" or not count.exact or count.partitive or not 2 <= count.value <= 30 or count.counted is None:
        return None
    if count.counted in word_set("time_nouns.txt") or PARTIAL.search(text, max(0, count.start - 25), count.start):
        return None
    match = LISTED.match(text, count.phrase_end, sentence_end)
    if match is None or PARTIAL.search(match.group("lead")):
        return None
    names = match.group("list")
    items = len(regex.findall(r",\s+", names)) + 1 + (0 if regex.search(r",\s+and\s+\p{Lu}", names) else 1)
    return Listing(count, match.start("list"), match.end("list"), items)


@dataclass(frozen=True)
class Total:
    """A whole and the parts said to make it up."""

    whole: Mention
    parts: tuple[Mention, ...]
    exact: bool
    """True when the parts must add up to the whole; False when they need only not exceed it."""


def list_runs(mentions: list[Mention], text: str) -> list[list[Mention]]:
    """Runs of two or more mentions of one unit joined as a list ("€40m, €75m and €60m")."""
    runs: list[list[Mention]] = []
    for mention in mentions:
        if mention.unit not in ("count", "money") or mention.is_range or mention.per_side:
            continue
        if runs and _joins(runs[-1][-1], mention, text):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return [run for run in runs if len(run) >= 2]


def _joins(a: Mention, b: Mention, text: str) -> bool:
    gap = text[a.phrase_end : b.start]
    return (
        a.sentence == b.sentence
        and a.unit == b.unit
        and a.currency == b.currency
        and b.start - a.phrase_end <= 40
        and LIST_GAP.match(gap) is not None
        and not (TOTAL_BEFORE.search(gap) and not gap.strip() in (",", "and", ", and"))
        and not TOTAL_AFTER.match(text, b.end)
    )


def totals(mentions: list[Mention], text: str) -> list[Total]:
    """Parts joined as a list with the total that follows them ("..., a total of €185m", "88 in
    all") or introduces them ("88 medals: 34 gold, ...", "a squad of 23: 3 goalkeepers, ...")."""
    found = []
    by_start = {m.start: index for index, m in enumerate(mentions)}
    for run in list_runs(mentions, text):
        index = by_start[run[-1].start]
        after = mentions[index + 1] if index + 1 < len(mentions) else None
        if after is not None and after.sentence == run[-1].sentence and _same_unit(after, run[0]) and after.exact:
            gap = text[run[-1].phrase_end : after.start]
            if len(gap) <= 40 and (TOTAL_BEFORE.search(gap) or TOTAL_AFTER.match(text, after.end)) and ":" not in gap:
                found.append(Total(after, tuple(run), exact=True))
                continue
        first = by_start[run[0].start]
        before = next(
            (m for m in reversed(mentions[max(0, first - 3) : first]) if m.sentence == run[0].sentence and _same_unit(m, run[0])),
            None,
        )
        if before is not None and before.exact:
            gap = text[before.phrase_end : run[0].start]
            exact = ":" in gap or EXCEED_ONLY.search(gap) is None
            if len(gap) <= 60 and WHOLE_THEN_PARTS.fullmatch(gap) and (exact or max(p.value for p in run) <= before.value):
                found.append(Total(before, tuple(run), exact=exact))
    return found


def joined_as_list(a: Mention, b: Mention, text: str) -> bool:
    """Two parts of one list: "5 children and 9 adults", "25 were men and 22 were women"."""
    return a.sentence == b.sentence and b.start - a.phrase_end <= 40 and PARTS_GAP.match(text[a.phrase_end : b.start]) is not None


PARTS_GAP = regex.compile(r"^(?:\s*(?:were|are|was)\s+\p{L}+)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)$", regex.IGNORECASE)


def _same_unit(a: Mention, b: Mention) -> bool:
    return a.unit == b.unit and a.currency == b.currency and not a.is_range


@cache
def fraction_or() -> regex.Pattern:
    """"two-thirds of the 300 delegates, or 210" and "55% of the 300 delegates (165)"."""
    fractions = alternation(list(numbers()["fractions"]))
    return regex.compile(
        rf"\b(?P<fraction>{fractions})\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<whole>\d[\d,]*)\s+(?:\p{{L}}+\s+){{0,2}}?\p{{L}}+"
        rf"(?:,\s+or|\s+\(|,\s+that\s+is)\s+(?P<part>\d[\d,]*)(?![\d%]|\.\d)",
        regex.IGNORECASE,
    )


FRACTION_WORDS = ("half", "third", "quarter", "fifth", "tenth")


def fractions_or(text: str, lowered: str) -> list[regex.Match]:
    """What ``fraction_or`` finds, tried only where a fraction word stands (found by ``str.find``)."""
    starts = sorted(position for word in FRACTION_WORDS for position in _find_all(lowered, word))
    found = []
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = fraction_or().search(text, max(resume, start - 16), start + 90)
        if match is not None and match.start() <= start:
            found.append(match)
            resume = match.end()
    return found


def _find_all(text: str, word: str) -> list[int]:
    positions, position = [], text.find(word)
    while position >= 0:
        positions.append(position)
        position = text.find(word, position + 1)
    return positions


def fraction_values(match: regex.Match) -> tuple[float, float, float]:
    """(fraction, whole, part) of a ``fraction_or`` match."""
    fraction = numbers()["fractions"][regex.sub(r"\s+", " ", match.group("fraction").lower())]
    return float(fraction), float(match.group("whole").replace(",", "")), float(match.group("part").replace(",", ""))


SEAT_WHOLE = regex.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})*|\d+)-(?:seat|member)\b|\b(?:of|out\s+of)\s+(?:the\s+|all\s+)?(\d{1,3}(?:,\d{3})*|\d+)\s+seats\b")
"""The size of a chamber: "the 650-seat House", "511 of the 650 seats"."""


def chamber_sizes(text: str) -> set[float]:
    return {float((m.group(1) or m.group(2)).replace(",", "")) for m in SEAT_WHOLE.finditer(text)}


def seat_shares(mentions: list[Mention], whole: float, text: str, not_share: regex.Pattern, layout) -> list[Mention]:
    """Each party's seats at the story's time, once: seat counts, and bare figures in a sentence
    about seats ("ahead of the Greens on 36"); not changes, thresholds, majorities, blocs, other
    elections, or a party's figure restated."""
    seat_sentences = {m.sentence for m in mentions if m.counted == "seat"}
    shares: list[Mention] = []
    entities: set[str] = set()
    values: set[float] = set()
    for mention in mentions:
        if mention.unit != "count" or not mention.exact or mention.time is not None or mention.update:
            continue
        if mention.counted not in ("seat", None) or mention.sentence not in seat_sentences or mention.value >= whole:
            continue
        if mention.counted is None and (mention.entity is None or mention.second is not None):
            continue
        if mention.partitive and not OF_A_NUMBER.match(text, mention.end):
            continue  # "one of the safest seats": one seat among many, not a party's share
        sentence_start = layout.sentence_span(mention.sentence)[0]
        clause_start = max(sentence_start, mention.start - 40)
        for mark in CLAUSE_MARKS.finditer(text, clause_start, mention.start):
            clause_start = mark.end()
        if _not_share_before(not_share, text, clause_start, mention.start, sentence_start) or not_share.match(text, mention.phrase_end):
            continue
        if mention.value in values or (mention.entity is not None and mention.entity in entities):
            continue
        shares.append(mention)
        values.add(mention.value)
        if mention.entity is not None:
            entities.add(mention.entity)
    return shares


def _not_share_before(not_share: regex.Pattern, text: str, start: int, end: int, sentence_start: int) -> bool:
    """A word before the figure that makes it no party's share ("a majority of", "the alliance
    won"); capitalised inside the sentence it names the party ("the Green Alliance 39")."""
    for match in not_share.finditer(text, start, end):
        if not text[match.start()].isupper() or not text[sentence_start : match.start()].strip():
            return True
    return False


CLAUSE_MARKS = regex.compile(r"[,;:(—]")
OF_A_NUMBER = regex.compile(r"\s+of\s+(?:the\s+)?\d")
