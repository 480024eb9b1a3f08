"""The quantity model: every figure in a text as a ``Mention`` that says what it measures.

A mention has a value (an interval, for "at least 1,000" or "between 40 and 50"), a unit (a
count, money with its currency, a percentage, points, a score, an ordinal, a measure), what it
counts (head noun and modifiers), the base of a percentage, the entity it belongs to, its time
(another time than the story's, an update), and whether it refers back ("the 872 deaths").
The NUM rules compare mentions by these fields, never by how close they stand in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

import ahocorasick
import regex

from rules.numeric import context
from rules.numeric.layout import Layout
from rules.numeric.lexicon import alternation, ascii_lower, calendar, compiled, numbers, qualifiers, word_set
from rules.numeric.numbers import DIGITS, parse_number, scale_pattern, spelled_pattern, value_digits


@dataclass(frozen=True)
class Reading:
    """What a mention's lazily read fields look at: the text, its lowered copy, its layout and times."""

    text: str
    lowered: str
    layout: Layout
    times: SentenceTimes


@dataclass(eq=False)
class Mention:
    start: int
    end: int
    """The figure with its qualifier and unit: "at least 3,412", "£27bn", "45%"."""
    phrase_end: int
    """Where the counted phrase ends ("3,412 homes"); ``end`` when nothing is counted."""
    value: float
    low: float
    high: float | None
    """The interval the figure allows; ``high`` is None when open-ended ("at least")."""
    unit: str
    """count, money, percent, points, score, ordinal, metres, clock or year."""
    written: str
    """The number as written, for slips of the hand ("3,412", "2.4bn", "twenty")."""
    currency: str = ""
    counted: str | None = None
    modifiers: tuple[str, ...] = ()
    partitive: bool = False
    base: str | None = None
    qualified: bool = False
    is_range: bool = False
    per_side: bool = False
    spelled: bool = False
    second: float | None = None
    """The second number of a score or a pair ("won 3-1", "by 310 votes to 219")."""
    connector: str = ""
    sentence: int = 0
    reading: Reading | None = field(default=None, repr=False)
    """Where the fields below are read from, when a rule first asks for them (most figures are
    never compared, so their entity, time and back-reference are never read)."""

    @cached_property
    def entity(self) -> str | None:
        """The name the figure belongs to ("Labour won 356 seats", "198 for the Conservatives")."""
        text, (start, end) = self.reading.text, self.reading.layout.sentence_span(self.sentence)
        fronted = context.FRONTED.match(text, start, self.start) is not None
        return context.entity_after(text, self.phrase_end, end, fronted) or context.entity_before(text, self.start, start)

    @cached_property
    def time(self) -> str | None:
        """None for the story's time; "other" or a year for another time."""
        return self.reading.times.of(self.sentence)

    @cached_property
    def update(self) -> bool:
        """"The toll rose to 161": the figure is a changed one."""
        return context.is_update(self.reading.lowered, self.start, self.reading.layout.sentence_span(self.sentence)[0])

    @cached_property
    def definite(self) -> bool:
        """"The 872 deaths", "the figure of 54,000": the figure refers back."""
        return context.refers_back(self.reading.text, self.start)

    @property
    def exact(self) -> bool:
        return not self.qualified and not self.is_range

    @property
    def digits(self) -> str:
        """The value's digits without separators or decimal point: slips are read from these."""
        return value_digits(self.value)


FIGURE = regex.compile(
    rf"(?<![\w.,/:£$€¥-])(?:(?P<cur>[$£€¥])[ ]?)?(?P<num>{DIGITS})(?![\d]|[.,:/]\d)"
    rf"(?:(?P<ord>st|nd|rd|th)\b)?(?:[ ]?(?P<scale>{scale_pattern()})\b)?"
    rf"(?P<pct>[ ]?%|[ ]per[ ]?cent\b|[ ]percent\b)?"
)
"""A figure in digits, searched in the ASCII-lowered text: twice as fast as a case-insensitive
search of the text, and the offsets are the same."""
SECOND = regex.compile(
    rf"\s*(?P<conn>-|–|—|to|and|or|for|v|vs\.?|against)\s*(?:[$£€¥][ ]?)?(?P<num>{DIGITS})(?![\d]|[.,:/]\d|-\d)"
    rf"(?:[ ]?(?P<scale>{scale_pattern()})\b)?(?P<pct>[ ]?%|[ ]per[ ]?cent\b|[ ]percent\b)?",
    regex.IGNORECASE,
)
PAIR_AFTER_NOUN = regex.compile(
    rf"\s+(?P<conn>to|against)\s+(?P<num>{DIGITS})(?![\d%]|[.,:/]\d|\s*(?:%|per\s?cent|percent)|\s+(?!(?:on|in|at|by|with|after|before|and|but|as)\b)\p{{Ll}})"
)
"""The second figure of a tally written after the first one's noun: "by 336 votes to 212"."""
CLOCK_AFTER = regex.compile(r"\s*(?:gmt|bst|cet|est|utc|local\s+time|hrs|hours\s+local|h\b)", regex.IGNORECASE)
RESULT_WORDS = regex.compile(
    r"\b(?:beat|beating|beats|won|win|wins|winning|lost|lose|losing|loss|drew|draw|drawn|victory|defeat|defeated|"
    r"lead|led|trail|trailed|scoreline|score|half-time|full-time|thrashing|thrashed|hammered|triumph|finished|ended)\b",
    regex.IGNORECASE,
)
RACE_METRES = {50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000}
METRE_WORDS = regex.compile(r"\s*(?:final|race|hurdles|freestyle|relay|sprint|heat|semi|title|champion|record|run|event|tall|high|long|deep|wide|above|below)", regex.IGNORECASE)
CURRENCY_WORDS = {
    "euro": "€", "euros": "€", "dollars": "$", "dollar": "$", "pounds": "£", "pound": "£", "sterling": "£",
    "yen": "¥", "yuan": "yuan", "rupees": "rupee", "roubles": "rouble", "rubles": "rouble", "kronor": "krona",
    "pence": "p", "cents": "c", "francs": "franc",
}
CURRENCY_AFTER = regex.compile(r"\s*(?:\(\s*)?(" + "|".join(CURRENCY_WORDS) + r")\b", regex.IGNORECASE)
POINTS = regex.compile(r"(?:\s+|-)(?:percentage[\s-]+)?(points?|basis[\s-]+points?|bps?)\b", regex.IGNORECASE)


PER_SIDE_STARTS = (" each", " apiece", " from", " on", " per", " of war", " for")
"""How a per-side phrase after the counted noun can start (checked before the pattern)."""


@cache
def per_side_pattern() -> regex.Pattern:
    from rules.numeric.lexicon import word_list

    return regex.compile(rf"\s*(?:of\s+war\s+)?(?:{alternation(word_list('per_side.txt'))})\b", regex.IGNORECASE)


@cache
def spelled_figure() -> regex.Pattern:
    return regex.compile(rf"(?<![\w-])(?:{spelled_pattern()})(?!\w|-\d)", regex.IGNORECASE)


@cache
def number_word_automaton() -> ahocorasick.Automaton:
    """Every number word that can start a spelled figure ("six", "twenty", "dozen", "half" of
    "half a dozen", "a" of "a hundred"), for one pass over the lowered text."""
    words = {w for w in [*numbers()["units"], *numbers()["tens"], "dozen", "hundred", "thousand", "million", "billion"] if w != "zero"}
    words |= {phrase.split()[0] for phrase in numbers()["phrases"]} - {"a"}
    words |= {f"a {scale}" for scale in ("dozen", "hundred", "thousand", "million", "billion", "couple")}
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def spelled_starts(lowered: str) -> list[int]:
    """Where a whole number word starts in the lowered text (as ``\\b`` sees word edges)."""
    starts = []
    size = len(lowered)
    for last, length in number_word_automaton().iter(lowered):
        start = last - length + 1
        if (start and _word_char(lowered[start - 1])) or (last + 1 < size and _word_char(lowered[last + 1])):
            continue
        starts.append(start)
    return starts


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


@cache
def qualifier_pattern() -> regex.Pattern:
    """A qualifier and a range word that end where a figure starts ("at least", "between").

    Searched in reverse: the match must end at the figure, so a reverse search tries that one place
    (a forward search tries every place in the window first, seven times the CPU); both find the
    same qualifier, the alternation listing the longest first."""
    return regex.compile(
        rf"(?:\b(?P<qual>{alternation(list(qualifiers()))})\s+)?(?:\b(?P<range>between|from)\s+)?$",
        regex.IGNORECASE | regex.REVERSE,
    )


@cache
def qualifier_last_words() -> tuple[str, ...]:
    return tuple({q.split()[-1] for q in qualifiers()} | {"between", "from"})


def extract(text: str, layout: Layout, document_year: int | None, lowered: str | None = None) -> list[Mention]:
    """Every figure of a text, in order, with its fields filled in (some when first asked for)."""
    lowered = ascii_lower(text) if lowered is None else lowered
    found: list[Mention] = []
    position = 0
    candidates = [(m.start(), m) for m in FIGURE.finditer(lowered)]
    candidates += [(start, None) for start in spelled_starts(lowered)]
    candidates.sort(key=lambda pair: pair[0])
    reading = Reading(text, lowered, layout, SentenceTimes(lowered, layout, document_year))
    for start, match in candidates:
        if start < position:
            continue
        previous = found[-1] if found else None
        mention = _digits(reading, match, previous) if match is not None else _spelled(reading, start)
        if mention is None:
            continue
        position = mention.end
        found.append(mention)
    return found


class SentenceTimes:
    """The time cue of each sentence (``context.sentence_time``), read once, when a figure needs it."""

    def __init__(self, lowered: str, layout: Layout, year: int | None) -> None:
        self.lowered, self.layout, self.year = lowered, layout, year
        self.known: dict[int, str | None] = {}

    def of(self, sentence: int) -> str | None:
        if sentence not in self.known:
            start, end = self.layout.sentence_span(sentence)
            self.known[sentence] = context.sentence_time(self.lowered, start, end, self.year)
        return self.known[sentence]


def _digits(reading: Reading, match: regex.Match, previous: Mention | None) -> Mention | None:
    text, lowered, layout = reading.text, reading.lowered, reading.layout
    written = match.group("num")
    parsed = parse_number(written + (match.group("scale") or ""))
    if parsed is None:
        return None
    value, _currency, scale = parsed
    currency = match.group("cur") or ""
    start, end = match.start(), match.end()
    number_start = match.start("cur") if currency else match.start("num")
    sentence = layout.sentence_at(start)
    sentence_start, sentence_end = layout.sentence_span(sentence)
    unit = "count"
    if match.group("ord"):
        unit = "ordinal"
    elif match.group("pct"):
        unit = "percent"
    elif currency:
        unit = "money"
    elif scale == "m" and not currency:
        if value / 1e6 in RACE_METRES or METRE_WORDS.match(text, end):
            value, unit, scale = value / 1e6, "metres", ""
    if unit == "count" and "," not in written and "." not in written and not scale and len(written) == 4:
        if CLOCK_AFTER.match(text, end):
            return _simple(match, value, "clock", written, reading)
        if 1800 <= value <= 2100:
            return _simple(match, value, "year", written, reading)
    low = high = value
    second = None
    connector = ""
    is_range = per_side = False
    pair = SECOND.match(text, end) if unit != "ordinal" else None
    if pair:
        parsed_second = parse_number(pair.group("num") + (pair.group("scale") or ""))
        if parsed_second is not None:
            second, connector = parsed_second[0], pair.group("conn").lower()
            if scale and not pair.group("scale"):
                second *= numbers()["digit_scales"][scale.lower()]
    score = (
        second is not None
        and connector in ("-", "–", "—")
        and unit == "count"
        and value < 100
        and RESULT_WORDS.search(text, max(sentence_start, start - 60), min(sentence_end, pair.end() + 40)) is not None
    )
    if not score:
        if (
            unit in ("count", "metres")
            and _is_identifier(text, number_start)
            and not _tally_item(text, number_start, end, sentence, previous)
            and not PART_OF_FIGURE.match(text, end)
        ):
            return None
        if unit == "count" and _is_date(lowered, number_start):
            return None
    if unit == "count" and not score and text[end : end + 1] in (" ", "("):
        money = CURRENCY_AFTER.match(text, end)
        if money:
            unit, currency = "money", CURRENCY_WORDS[money.group(1).lower()]
    prefix_start = max(sentence_start, start - 40)
    qualifier = range_word = None
    if lowered[prefix_start:start].rstrip().endswith(qualifier_last_words()):
        prefix = qualifier_pattern().search(text, prefix_start, start)
        if prefix:
            qualifier, range_word = prefix.group("qual"), prefix.group("range")
            if qualifier or range_word:
                start = prefix.start("qual") if qualifier else prefix.start("range")
    if second is not None:
        if score:
            unit = "score"
            end = pair.end()
        elif connector == "for" or (connector == "to" and second == value and not range_word):
            per_side = True
            end = pair.end()
        elif range_word == "from" and connector == "to":
            low = high = second  # "from 40 to 45": a change; the later figure stands
            end = pair.end()
        elif (connector in ("-", "–", "—", "to", "or") or (connector == "and" and range_word == "between")) and second > value:
            high, is_range, end = second, True, pair.end()
        elif connector in ("to", "-", "–", "v", "vs", "vs.", "against"):
            pass  # a pair: "310 votes to 219", "39% to 34%"; kept as two mentions, linked
        else:
            second, connector = None, ""
    if unit == "count":
        points = POINTS.match(text, end)
        if points and points.start() < sentence_end:
            unit = "points"
            if points.group(1).lower().startswith("b"):
                value, low, high = value / 100, low / 100, (None if high is None else high / 100)
    after = text[end : end + 2]
    if unit == "count" and after[:1].isalpha() and not after[:1].isspace():
        return None  # "3D", "4x4", "10am": a code, not a count
    if qualifier:
        low_factor, high_factor = qualifiers()[compiled(r"\s+").sub(" ", qualifier.lower())]
        low, high = low * low_factor, (None if high_factor is None else high * high_factor)
    return _fields(
        reading, start, end, sentence, value, low, high, unit, written + (scale or ""), currency,
        qualified=qualifier is not None, is_range=is_range, per_side=per_side, second=second if unit in ("score", "count", "percent", "points", "money") else None,
        connector=connector, spelled=False,
    )


WORD_BEFORE = regex.compile(r"(\p{L}+)\s+$", regex.REVERSE)
"""The word before a number word; searched in reverse from it (one place tried, not every one)."""
CAPITAL_AFTER = regex.compile(r"\s+\p{Lu}")


def _spelled(reading: Reading, start: int) -> Mention | None:
    text, layout = reading.text, reading.layout
    match = spelled_figure().match(text, start)
    if match is None:
        return None
    before = WORD_BEFORE.search(text, max(0, start - 16), start)
    if before and (before.group(1).lower() in word_set("vague_before.txt") or before.group(1).lower() in RANK_WORDS):
        return None  # "several hundred": no figure; "top three": a rank
    if text[start].isupper() and before and CAPITAL_AFTER.match(text, match.end()):
        return None  # "the Six Nations": a name
    parsed = parse_number(match.group())
    if parsed is None:
        return None
    sentence = layout.sentence_at(start)
    sentence_start, sentence_end = layout.sentence_span(sentence)
    counted = context.counted_after(text, match.end(), sentence_end)
    if counted.head is None and context.counted_before(text, start, sentence_start) is None:
        return None  # a number word that counts nothing named: "one of them", "the two sides"
    value = parsed[0]
    return _fields(
        reading, start, match.end(), sentence, value, value, value, "count", match.group(), "",
        qualified=False, is_range=False, per_side=False, second=None, connector="", spelled=True, read=counted,
    )


def _fields(
    reading: Reading, start: int, end: int, sentence: int, value: float, low: float,
    high: float | None, unit: str, written: str, currency: str, read: context.Counted | None = None, **flags,
) -> Mention:
    """The mention of a figure found at text[start:end], its counted phrase read (or ``read`` already)."""
    text, layout = reading.text, reading.layout
    sentence_start, sentence_end = layout.sentence_span(sentence)
    counted = context.Counted(None, (), end)
    base = None
    if unit in ("count", "money", "points", "metres"):
        counted = read or context.counted_after(text, end, sentence_end)
        if counted.head is None:
            head = "death" if unit == "count" and context.after_death_toll(text, start) else context.counted_before(text, start, sentence_start)
            counted = context.Counted(head, (), end)
    elif unit == "percent":
        base = context.percent_base(text, end, sentence_end)
        if base is None:
            base = context.counted_before(text, start, sentence_start)
    elif unit == "ordinal":
        counted = context.counted_after(text, end, sentence_end)
        if counted.modifiers[:1] == ("minute",):
            counted = context.Counted("minute", (), counted.end)  # "his 78th-minute goal"
    head = counted.head
    if flags["second"] is None and unit in ("count", "money") and text.startswith((" to ", " against "), counted.end):
        pair = PAIR_AFTER_NOUN.match(text, counted.end, sentence_end)
        if pair:
            flags["second"], flags["connector"] = parse_number(pair.group("num"))[0], pair.group("conn").lower()
    if unit == "count":
        head = context.people_counted(text, start, counted.end, head)
        if context.counts_votes(text, counted.end, head):
            head = "vote"
        tally = flags.get("second") is not None and flags.get("connector") in ("to", "-", "–", "—")
        if head is not None and not tally and context.is_difference(text, start, sentence_start):
            head += " margin"
    after = max(end, counted.end)
    per_side = flags.pop("per_side") or (text.startswith(PER_SIDE_STARTS, after) and per_side_pattern().match(text, after) is not None)
    return Mention(
        start=start,
        end=end,
        phrase_end=max(end, counted.end),
        value=value,
        low=low,
        high=high,
        unit=unit,
        written=written,
        currency=currency,
        counted=head,
        modifiers=counted.modifiers,
        partitive=counted.partitive,
        base=base,
        per_side=per_side,
        sentence=sentence,
        reading=reading,
        **flags,
    )


def _simple(match: regex.Match, value: float, unit: str, written: str, reading: Reading) -> Mention:
    """A year or a clock time: kept so that rules can see them, with nothing counted."""
    layout = reading.layout
    return Mention(
        start=match.start(), end=match.end(), phrase_end=match.end(), value=value, low=value, high=value, unit=unit,
        written=written, sentence=layout.sentence_at(match.start()), reading=reading,
    )


RANK_WORDS = frozenset({"top", "bottom", "number", "no"})


def _is_identifier(text: str, start: int) -> bool:
    """"Article 5", "F-16", "Boeing 737", "number 20": a number that names rather than counts."""
    before = text[max(0, start - 24) : start]
    if before[-2:-1].isalpha() and before[-1:] == "-":
        return True
    stripped = before.rstrip(" \t\u00a0")
    if not stripped or stripped == before or not (stripped[-1].isalpha() or stripped[-1] == "."):
        return False  # no word right before on this line
    name = stripped.rsplit(None, 1)[-1].rstrip(".")
    name = name[max(name.rfind("("), name.rfind('"'), name.rfind("“")) + 1 :]
    if not name.isalpha():
        return False
    if name.lower() in RANK_WORDS or name.lower() in ("nos", "page", "room", "flight", "route", "junction", "platform"):
        return True
    if not name[:1].isupper():
        return False
    lowered = name.lower()
    return not (
        lowered in word_set("function_words.txt")
        or lowered in word_set("common_capitals.txt")
        or lowered in word_set("definite_words.txt")
        or lowered in qualifiers()
        or lowered in {"between", "from", "about", "some", "nearly", "almost", "around", "over", "only", "just", "all"}
        or lowered in calendar()["months"]
    )


PART_OF_FIGURE = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?\d")
"""After a count, not a name's number: "gave the Reform Party 168 of the 349 seats"."""
TALLY_JOIN = regex.compile(r",?\s+(?:and\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*\s+){1,4}")
TALLY_NEXT = regex.compile(r"\s*(?:[,;.)]|and\b|$)")


def _tally_item(text: str, start: int, end: int, sentence: int, previous: Mention | None) -> bool:
    """"won 63 seats, the Greens 37 and Labour 19": a name and a figure in a tally, not "Boeing 737".

    The tally starts at a figure of something counted; each item after it follows the one before
    with a comma or "and" and a name."""
    return (
        previous is not None
        and previous.sentence == sentence
        and previous.unit == "count"
        and (previous.counted is not None or TALLY_JOIN.fullmatch(text, previous.end, start) is not None)
        and TALLY_NEXT.match(text, end) is not None
    )


MONTHISH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")


def _is_date(lowered: str, start: int) -> bool:
    """"May 16", "16 May": a day of the month, not a count."""
    if MONTHISH.search(lowered, max(0, start - 12), start + 20) is None:
        return False
    months = calendar()["months"]
    before = lowered[max(0, start - 12) : start].rstrip()
    if before.rstrip(".").rsplit(None, 1)[-1:] and before.rstrip(".").rsplit(None, 1)[-1] in months:
        return True
    end = start
    while end < len(lowered) and lowered[end].isdigit():
        end += 1
    words = lowered[end : end + 16].split(None, 3)
    if words and words[0] in ("st", "nd", "rd", "th"):
        words = words[1:]
    elif words and lowered[end : end + 2] in ("st", "nd", "rd", "th"):
        words = [words[0][2:]] + words[1:] if len(words[0]) > 2 else words[1:]
    if words and words[0] == "of":
        words = words[1:]
    return bool(words) and words[0].rstrip(".,;:") in months