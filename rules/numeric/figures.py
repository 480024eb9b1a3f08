"""Figures in news text: found, normalised and attached to what they count.

Shared by the NUM rules through ``document.cache`` so a text is parsed once.
A figure is an interval (``low``..``high``; ``high`` is None when open-ended)
because news figures are often qualified ("at least 1,000", "nearly 400") or
ranges ("between 18 and 25"); two figures contradict only when their
intervals cannot meet.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterator

import ahocorasick
import regex
import yaml

from linter import Document

DATA = Path(__file__).parent / "data"
CACHE_KEY = "numeric.figures"
SENTENCES_KEY = "numeric.sentences"


# -- vocabularies (data files, loaded once per process) ------------------------


@cache
def _re(pattern: str) -> regex.Pattern:
    """A compiled small pattern, compiled once (the regex module's own cache costs more)."""
    return regex.compile(pattern)


def _word_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip().lower() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def _yaml(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(_word_list(name))


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@cache
def numbers() -> dict:
    return _yaml("numbers.yaml")


@cache
def spelled_pattern() -> str:
    vocab = numbers()
    words = [*vocab["units"], *vocab["tens"], *vocab["multipliers"], *vocab["scales"]]
    word = rf"(?:{_alternation(words)})"
    phrase = rf"(?:{_alternation(list(vocab['phrases']))})"
    return rf"(?:{phrase}|{word})(?:(?:[\s-]+|\s+and\s+)(?:{word}))*"


@cache
def qualifiers() -> dict[str, tuple[float, float | None]]:
    return {k.lower(): (float(v[0]), None if v[1] is None else float(v[1])) for k, v in _yaml("qualifiers.yaml").items()}


@cache
def noun_classes() -> dict[str, str]:
    """Surface form (lower case) -> class name."""
    return {form.lower(): name for name, forms in _yaml("counted_nouns.yaml").items() for form in forms}


@cache
def noun_pattern() -> regex.Pattern:
    return regex.compile(rf"(?:{_alternation(list(noun_classes()))})(?![\w-])", regex.IGNORECASE)


@cache
def event_classes() -> dict[str, str]:
    return {term.lower(): name for name, terms in _yaml("event_terms.yaml").items() for term in terms}


@cache
def event_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(list(event_classes()))})\b", regex.IGNORECASE)


ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """The text with ASCII letters lower-cased and nothing else changed, so offsets stay offsets.

    Done on UTF-8 bytes, where an ASCII byte is always an ASCII character: many times faster
    than ``str.translate``. ``surrogatepass`` lets lone surrogates (bad input) through unchanged.
    """
    if text.isascii():  # a flag on the string: no scan
        return text.lower()
    return text.encode("utf-8", "surrogatepass").translate(ASCII_LOWER).decode("utf-8", "surrogatepass")


@cache
def update_pattern() -> re.Pattern:
    """Searched in the ASCII-lowered text: the stdlib engine is several times faster on word lists."""
    return re.compile(rf"\b(?:{_alternation(_word_list('update_words.txt'))})\b")


DIGIT_OR_CURRENCY = re.compile("[0-9$£€¥]")


def number_words() -> list[str]:
    vocab = numbers()
    return [*vocab["units"], *vocab["tens"], *vocab["multipliers"], *vocab["scales"]]


@cache
def anchor_pattern() -> re.Pattern:
    """Where a figure may start: a digit, a currency sign, a number word or the first word of a
    number phrase (in the lowered text). ``KeyWords`` finds the same places faster."""
    phrase_starts = [phrase.split()[0] for phrase in numbers()["phrases"]]
    return re.compile(rf"{DIGIT_OR_CURRENCY.pattern}|\b(?:{_alternation([*number_words(), *phrase_starts])})\b")


@cache
def phrase_anchor_pattern() -> re.Pattern:
    """The first word of a number phrase where the rest of some phrase follows (in the lowered text).

    Looser than the phrases themselves ("half a hundred" passes), which is enough for an anchor:
    the figure pattern checks the phrase. There is no ``\\b`` in front, so that the engine can
    skip ahead to the phrases' first letters: callers check that a match starts a word."""
    firsts, rests = set(), set()
    for phrase in numbers()["phrases"]:
        first, *rest = phrase.split()
        firsts.add(re.escape(first))
        rests.add(r"\s+".join(re.escape(word) for word in rest))
    return re.compile(rf"(?:{'|'.join(sorted(firsts))})(?=\s+(?:{'|'.join(sorted(rests))}))")


RANGE_WORDS = ("between", "from")
"""Words that open a range just before a figure ("between 18 and 25", "from 40 to 45")."""


@cache
def prefix_last_words() -> tuple[str, ...]:
    """The words that ``prefix_pattern`` can end with: the last word of a qualifier, or a range word."""
    return tuple({qualifier.split()[-1] for qualifier in qualifiers()} | set(RANGE_WORDS))


@cache
def month_words() -> tuple[str, ...]:
    """Month names and abbreviations, with and without a full stop."""
    months = list(calendar()["months"])
    return tuple(months + [f"{month}." for month in months])


@cache
def definite_words() -> tuple[str, ...]:
    return tuple(word_set("definite_words.txt"))


@cache
def per_side_pattern() -> regex.Pattern:
    return regex.compile(rf"\s*(?:of\s+war\s+)?(?:{_alternation(_word_list('per_side.txt'))})\b", regex.IGNORECASE)


@cache
def calendar() -> dict:
    return _yaml("calendar.yaml")


@cache
def month_pattern() -> str:
    return _alternation(list(calendar()["months"]))


@cache
def figure_pattern() -> regex.Pattern:
    """One pass over the text: a number (digits or spelled), optionally a range or X-for-X of two."""
    digits = r"(?<![\w.,/:-])(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:,[ ]000)+(?![\d,])|\d+)(?:\.\d+)?(?![\d]|,\d|\.\d)"
    spelled = rf"(?<![\w-])(?:{spelled_pattern()})(?![\w-])"
    scales = _alternation(list(numbers()["digit_scales"]))
    second_digits = digits.replace(r"(?<![\w.,/:-])", r"(?<![\w.,/:])")
    number = rf"(?:[$£€¥]\s?)?(?:{digits}(?:\s?(?:{scales})\b)?|{spelled})"
    second = rf"(?:[$£€¥]\s?)?(?:{second_digits}(?:\s?(?:{scales})\b)?|{spelled})"
    connector = r"\s*(?:-|–|—|to|for|or|and)\s*|[\s-]+for[\s-]+"
    return regex.compile(
        rf"(?P<first>{number})(?:(?P<conn>{connector})(?P<second>{second}))?"
        rf"(?P<unit>\s?%|\s+per\s?cent\b|\s+percent\b)?",
        regex.IGNORECASE,
    )


@cache
def prefix_pattern() -> regex.Pattern:
    """A qualifier and "between"/"from" just before a figure ("at least", "nearly", "between")."""
    qualifier = _alternation(list(qualifiers()))
    return regex.compile(
        rf"(?:\b(?P<qual>{qualifier})\s+)?(?:\b(?P<between>{'|'.join(RANGE_WORDS)})\s+)?$", regex.IGNORECASE
    )


# -- parsing ---------------------------------------------------------------------


@cache
def phrases_longest_first() -> list[tuple[str, float]]:
    return sorted(numbers()["phrases"].items(), key=lambda kv: -len(kv[0]))


def parse_spelled(text: str) -> float | None:
    """The value of a spelled-out number ("six thousand", "twenty-five", "a dozen")."""
    vocab = numbers()
    words = _re(r"[\s-]+").split( text.lower().strip())
    phrase = " ".join(words)
    for known, value in phrases_longest_first():
        if phrase == known:
            return float(value)
        if phrase.startswith(known + " "):
            words = [str(value), *phrase[len(known) + 1 :].split()]
            break
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if word == "and" or not word:
            continue
        if word.isdigit():
            current += float(word)
        elif word in vocab["units"]:
            current += vocab["units"][word]
        elif word in vocab["tens"]:
            current += vocab["tens"][word]
        elif word in vocab["multipliers"]:
            current = (current or 1) * vocab["multipliers"][word]
        elif word in vocab["scales"]:
            total += (current or 1) * vocab["scales"][word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@lru_cache(maxsize=4096)
def parse_number(text: str) -> tuple[float, str] | None:
    """(value, currency) of one number as written: "6, 000", "$3.2bn", "1.5 million", "six".

    Memoised: news repeats its numbers ("1,000", "two"), and parsing a spelled one takes a while."""
    text = text.strip()
    currency = ""
    if text[:1] in "$£€¥":
        currency, text = text[0], text[1:].strip()
    match = _re(r"(\d[\d, ]*(?:\.\d+)?)\s?([a-zA-Z]*)").match( text)
    if match is None:
        value = parse_spelled(text)
        return (value, currency) if value is not None else None
    try:
        value = float(match.group(1).replace(",", "").replace(" ", ""))
    except ValueError:
        return None
    scale = match.group(2).lower()
    if scale:
        factor = numbers()["digit_scales"].get(scale)
        if factor is None:
            return None
        value *= factor
    return value, currency


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """A rough singular, lower-case form of a noun ("combatants’" -> "combatant")."""
    word = word.lower().rstrip("’'")
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# -- the figure record -----------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure in a document: its exact span, interval, and what it counts."""

    start: int
    end: int
    """Span of the figure itself, qualifier and unit included."""
    phrase_end: int
    """End of the counted noun phrase (``end`` when no noun was found)."""
    low: float
    high: float | None
    value: float
    """The figure as written (the first number of a range)."""
    currency: str = ""
    percent: bool = False
    noun: str | None = None
    """Class of the counted noun (``counted_nouns.yaml``) or the noun's lemma."""
    modifiers: tuple[str, ...] = ()
    """Words between the number and the counted noun ("Ukrainian", "combatants’")."""
    per_side: bool = False
    """"1,000 prisoners each", "1,000-for-1,000", "6,000 to 6,000"."""
    qualified: bool = False
    is_range: bool = False
    definite: bool = False
    """Refers back: "the 872 deaths", "this £72bn package"."""
    event: str | None = None
    sentence: int = 0
    spelled: bool = False

    @property
    def exact(self) -> bool:
        return not self.qualified and not self.is_range


@dataclass
class Analysis:
    """Everything the numeric rules share about one document."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) of each sentence; left empty when the text has no figure (see ``sentences``)."""
    figures: list[Figure] = field(default_factory=list)
    updates: set[int] = field(default_factory=set)
    """Indexes of sentences with figures and with update, comparison or other-time words."""


def analyse(document: Document) -> Analysis:
    """The shared analysis of a document, computed once and kept in ``document.cache``."""
    cached = document.cache.get(CACHE_KEY)
    if cached is None:
        cached = _analyse(document)
        document.cache[CACHE_KEY] = cached
    return cached


def sentences(document: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a document, computed once and kept in ``document.cache``."""
    cached = document.cache.get(SENTENCES_KEY)
    if cached is None:
        cached = split_sentences(document.text)
        document.cache[SENTENCES_KEY] = cached
    return cached


# -- key words: a cheap first look before a regex --------------------------------------

FOLDS_TO_ASCII = "\u0130\u017f\u212a"
"""Non-ASCII letters that the regex module's IGNORECASE matches to ASCII letters (İ, ſ, Kelvin K).

In a text with one of them, a case-insensitive pattern can match where the ASCII-lowered
text shows no key word, so ``KeyWords`` cannot rule anything out there."""

ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class KeyList:
    """A word list as ``KeyWords`` indexes it."""

    phrases: list[str]
    key: str
    """Which word of a phrase is its key: "first" (matches are then tried only where a key
    word starts a word) or "longest" (the rarest, for lists only asked whether a key occurs)."""


def _key_word(phrase: str, which: str) -> str:
    words = phrase.split()
    return words[0] if which == "first" else max(words, key=len)


@cache
def keyword_lists() -> dict[str, KeyList]:
    """The word lists whose key words ``KeyWords`` finds, by name (all lower case, ASCII)."""
    return {
        "number": KeyList(number_words(), "first"),
        "phrase": KeyList(list(numbers()["phrases"]), "longest"),
        "update": KeyList(_word_list("update_words.txt"), "longest"),
        "event": KeyList(list(event_classes()), "first"),
    }


@cache
def keyword_automaton() -> ahocorasick.Automaton:
    """One automaton for the key words of every list; its values are (length, list names)."""
    names_by_key: dict[str, set[str]] = {}
    for name, word_list in keyword_lists().items():
        for phrase in word_list.phrases:
            names_by_key.setdefault(_key_word(phrase, word_list.key), set()).add(name)
    automaton = ahocorasick.Automaton()
    for key, names in names_by_key.items():
        automaton.add_word(key, (len(key), tuple(sorted(names))))
    automaton.make_automaton()
    return automaton


def _is_word_char(char: str) -> bool:
    """``\\w`` as the stdlib ``re`` module sees it."""
    return char.isalnum() or char == "_"


class KeyWords:
    """Where the key words of the word lists occur in a text.

    A phrase can only match where its key word occurs, so a stretch of text without one needs
    no regex search: most figures have no event word near them and most sentences no update
    word. One automaton pass over the ASCII-lowered text finds every key word as a substring.
    Number words are kept only as whole words (as ``anchor_pattern`` finds them: spelled figures
    start there); first-word keys only where they start a word, since a match can only start
    there.
    """

    def __init__(self, text: str, lowered: str) -> None:
        self.lowered = lowered
        self.complete = text.isascii() or not any(letter in text for letter in FOLDS_TO_ASCII)
        """False when a case-insensitive match could hide from the lowered text."""
        lists = keyword_lists()
        self.starts: dict[str, list[int]] = {name: [] for name in lists}
        size = len(lowered)
        for last, (length, names) in keyword_automaton().iter(lowered):
            start = last - length + 1
            starts_word = start == 0 or lowered[start - 1] not in ASCII_WORD_CHARS
            for name in names:
                if name == "number":
                    if (start > 0 and _is_word_char(lowered[start - 1])) or (last + 1 < size and _is_word_char(lowered[last + 1])):
                        continue
                elif lists[name].key == "first" and not starts_word:
                    continue
                self.starts[name].append(start)
        for starts in self.starts.values():
            starts.sort()

    def starts_in(self, name: str, start: int, end: int) -> list[int]:
        """Where key words of list ``name`` start in text[start:end], in order."""
        starts = self.starts[name]
        return starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def word_before_may_be(self, start: int, end: int, words: tuple[str, ...]) -> bool:
        """Whether text[start:end] may end with one of the words, before trailing whitespace.

        A cheap test before a pattern that reads the word just before a figure (always true
        when not ``complete``)."""
        return not self.complete or self.lowered[start:end].rstrip().endswith(words)

    def any_in(self, name: str, start: int, end: int) -> bool:
        """Whether a key word of list ``name`` may start in text[start:end] (always, when not ``complete``)."""
        if not self.complete:
            return True
        starts = self.starts[name]
        index = bisect.bisect_left(starts, start)
        return index < len(starts) and starts[index] < end


def _anchors(lowered: str, keywords: KeyWords) -> list[int]:
    """Where a figure may start, in order: the starts of ``anchor_pattern`` that can begin a match.

    The first word of a number phrase ("a", "half") counts only where the rest of a phrase follows.
    """
    if not keywords.complete:
        return [anchor.start() for anchor in anchor_pattern().finditer(lowered)]
    starts = [anchor.start() for anchor in DIGIT_OR_CURRENCY.finditer(lowered)]
    starts += keywords.starts["number"]
    if keywords.starts["phrase"]:
        starts += [
            anchor.start()
            for anchor in phrase_anchor_pattern().finditer(lowered)
            if anchor.start() == 0 or not _is_word_char(lowered[anchor.start() - 1])
        ]
    return sorted(starts)


SENTENCE_END = regex.compile(r"\n\s*|[.!?](?P<gap>[\"”’')\]]*\s+(?=[\"“‘(\[]?[\p{Lu}\d]))")
"""A line break, or the gap after a full stop, question or exclamation mark (which stays in its
sentence). Starting at the mark rather than looking behind for it lets the engine skip ahead, and
so does putting the line break first (the two cannot start at the same place)."""
SENTENCE_GAP = SENTENCE_END.groupindex["gap"]
"""The gap group's number: ``span`` by number is cheaper than by name, once per sentence."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one."""
    abbreviations = word_set("abbreviations.txt")
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        gap_start, gap_end = match.span(SENTENCE_GAP)
        if gap_start < 0:  # a line break
            gap_start, gap_end = match.span()
        else:
            gap = text[gap_start:gap_end]
            if gap.isspace() and "\n" not in gap:  # no quote or line break: maybe "Mr." or "U.S."
                before = _re(r"(\w+)\.$").search(text[max(start, gap_start - 12) : gap_start])
                if before and (before.group(1).lower() in abbreviations or len(before.group(1)) == 1):
                    continue
        if gap_start > start:
            spans.append((start, gap_start))
        start = gap_end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


WORD = regex.compile(r"[\p{L}%][\p{L}\p{M}’'.%-]*")
DEFINITE_BEFORE = regex.compile(r"(\p{L}+)\s+$")


def _noun_after(text: str, pos: int, limit: int) -> tuple[str | None, tuple[str, ...], int]:
    """The counted noun after a figure: (class or lemma, modifiers, end offset)."""
    window = text[pos : min(limit, pos + 80)]
    compound = _re(r"-(\p{L}+)").match(window) if window.startswith("-") else None
    if compound:
        word = compound.group(1)
        return noun_classes().get(word.lower(), lemma(word)), (), pos + compound.end()
    function_words = word_set("function_words.txt")
    classes = noun_classes()
    not_space = _re(r"[^\s]")
    words = []
    for match in WORD.finditer(window):
        gap = window[words[-1][2] if words else 0 : match.start()]
        if gap not in ("", " ") and not_space.search(gap) and not (not words and gap.strip() in ("", "-")):
            break
        token = match.group().rstrip(".")
        if token.lower() in function_words and token.lower() not in classes:
            break
        words.append((token, match.start(), match.start() + len(token)))
        if len(words) == 4:
            break
    known = noun_pattern()
    for index, (token, start, end) in enumerate(words):
        hit = known.match(window, start)
        if hit and window[hit.end() : hit.end() + 1] not in ("'", "’"):
            return classes[_re(r"\s+").sub(" ", hit.group().lower())], tuple(w[0] for w in words[:index]), pos + hit.end()
    head = None
    for index, (token, start, end) in enumerate(words):
        if index and token.lower().endswith(("ed", "ing")):
            break  # a verb after the noun: "prisoners released"
        if token[:1].islower() and not token.endswith(("'", "’", "'s", "’s")):
            head = index
    if head is not None:
        token, _start, end = words[head]
        return lemma(token), tuple(w[0] for w in words[:head]), pos + end
    return None, (), pos


NOUN_OF_BEFORE = regex.compile(r"(\p{L}+)(?:\s+(\p{L}+))?\s+of\s+$")


def _noun_before(text: str, start: int) -> str | None:
    """The counted noun of "a prisoner exchange of 1,000" or "a death toll of 35"."""
    match = NOUN_OF_BEFORE.search(text[max(0, start - 40) : start])
    if match is None:
        return None
    for word in (match.group(1), match.group(2)):
        if word and word.lower() in noun_classes():
            return noun_classes()[word.lower()]
    return None


def _is_identifier(text: str, start: int) -> bool:
    """"Article 5", "F-16", "Boeing 737": a number that names rather than counts."""
    last_three = text[max(0, start - 3) : start]
    if "-" in last_three and _re(r"[\p{L}]-$").search(last_three):  # "$" may stand before a final newline
        return True
    before = text[max(0, start - 24) : start]
    if before.isascii() and before.lower() == before:
        return False  # no capital letter, so no name
    word = _re(r"(\p{Lu}[\p{L}.]*)\s+$").search(before)
    if word is None:
        return False
    name = word.group(1).rstrip(".").lower()
    if name in word_set("function_words.txt") or name in word_set("common_capitals.txt"):
        return False
    return name not in qualifiers() and name not in word_set("definite_words.txt") and name not in {
        "between", "from", "about", "some", "nearly", "almost", "around", "over", "only", "just", "all"
    } and name not in calendar()["months"]


def _analyse(document: Document) -> Analysis:
    text = document.text
    lowered = ascii_lower(text)
    keywords = KeyWords(text, lowered)
    anchors = _anchors(lowered, keywords)
    if not anchors:
        return Analysis()  # no digit, currency sign or number word: no figure
    analysis = Analysis(sentences=sentences(document))
    sentence_starts = [s for s, _ in analysis.sentences]
    months = calendar()["months"]
    event_re = event_pattern()

    pattern = figure_pattern()
    position = 0
    for anchor in anchors:
        if anchor < position:
            continue
        match = pattern.match(text, anchor)
        if match is None:
            continue
        position = match.end()
        first, conn, second_text, unit_text = match.group("first", "conn", "second", "unit")
        parsed = parse_number(first)
        if parsed is None:
            continue
        value, currency = parsed
        start_number = match.start("first")
        if _is_identifier(text, start_number):
            continue
        if keywords.word_before_may_be(max(0, start_number - 12), start_number, month_words()):
            month_before = _re(r"(\p{L}+)\.?\s+$").search(text[max(0, start_number - 12) : start_number].lower())
            if month_before and month_before.group(1) in months:
                continue  # a date ("May 16")
        spelled = first[:1] not in "0123456789" and not _re(r"[$£€¥]?\s?\d").match(first)
        if spelled:
            word_before = _re(r"(\p{L}+)\s+$").search(text[max(0, start_number - 16) : start_number])
            if word_before and word_before.group(1).lower() in word_set("vague_before.txt"):
                continue  # "several hundred": no figure
        if 1800 <= value <= 2100 and not unit_text and _re(r"\d{4}").fullmatch(first):
            continue  # a year
        window_start = max(0, match.start() - 40)
        prefix = None
        if keywords.word_before_may_be(window_start, match.start(), prefix_last_words()):
            prefix = prefix_pattern().search(text[window_start : match.start()])
        qual = prefix.group("qual") if prefix else None
        qual_start = window_start + prefix.start("qual") if qual else -1
        between = (prefix.group("between") or "").lower() if prefix else ""
        between_start = window_start + prefix.start("between") if between else -1
        low, high = value, value
        per_side = is_range = False
        end_number = match.end("first")
        unit = None
        second = parse_number(second_text) if second_text else None
        conn = (conn or "").strip(" -").lower()
        if second is not None:
            second_value = second[0]
            if conn == "for" or (conn == "to" and second_value == value and not between):
                per_side = True
            elif between == "from" and conn == "to":
                low = high = second_value  # "from 40 to 45": a change; the later figure stands
            elif (conn in ("to", "", "–", "—", "or") or (conn == "and" and between == "between")) and second_value > value:
                high = second_value
                is_range = True
            else:
                second = None
        if second is not None:
            end_number = match.end("second")
            unit = unit_text
        elif second_text is None:
            unit = unit_text
        if second is None and second_text is not None:
            position = end_number  # the second number stands alone: look at it again
        elif unit:
            end_number = match.end("unit") - len(unit)
        after = text[end_number : end_number + 3]
        if not unit and after[:1] not in ("", " ") and _re(r"[:/]\d|\.\d|\p{L}|,\d").match(after):
            continue  # a time, a fraction or a code ("10:30", "3/4", "3D")
        percent = bool(unit)
        figure_end = end_number + (len(unit) if unit else 0)
        qualified = False
        if qual:
            low_factor, high_factor = qualifiers()[_re(r"\s+").sub( " ", qual.lower())]
            low = low * low_factor
            high = None if high_factor is None else high * high_factor
            qualified = True
        start = qual_start if qual else (between_start if between and is_range else start_number)
        sentence = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
        sentence_end = analysis.sentences[sentence][1] if analysis.sentences else len(text)
        if percent:
            noun, modifiers, phrase_end = "percent", (), figure_end
        else:
            noun, modifiers, phrase_end = _noun_after(text, figure_end, sentence_end)
        if noun is None and keywords.word_before_may_be(max(0, start - 40), start, ("of",)):
            noun = _noun_before(text, start)
        if spelled and noun is None:
            continue
        if per_side_pattern().match(text, phrase_end):
            per_side = True
        definite = False
        if keywords.word_before_may_be(max(0, start - 20), start, definite_words()):
            definite_word = DEFINITE_BEFORE.search(text[max(0, start - 20) : start])
            definite = bool(definite_word and definite_word.group(1).lower() in word_set("definite_words.txt"))
        analysis.figures.append(
            Figure(
                start=start,
                end=figure_end,
                phrase_end=max(phrase_end, figure_end),
                low=low,
                high=high,
                value=value,
                currency=currency,
                percent=percent,
                noun=noun,
                modifiers=modifiers,
                per_side=per_side,
                qualified=qualified,
                is_range=is_range,
                definite=definite,
                event=_nearest_event(text, start, phrase_end, analysis.sentences[sentence] if analysis.sentences else (0, len(text)), event_re, keywords),
                sentence=sentence,
                spelled=spelled,
            )
        )
    updates = update_pattern()
    for index in sorted({figure.sentence for figure in analysis.figures if analysis.sentences}):
        sentence_start, sentence_end = analysis.sentences[index]
        if keywords.any_in("update", sentence_start, sentence_end) and updates.search(lowered, sentence_start, sentence_end):
            analysis.updates.add(index)
    return analysis


def _nearest_event(
    text: str, start: int, end: int, sentence: tuple[int, int], event_re: regex.Pattern, keywords: KeyWords
) -> str | None:
    """The event class of the event word nearest the figure in its sentence, within 60 characters."""
    lo, hi = max(sentence[0], start - 60), min(sentence[1], end + 60)
    best: tuple[int, str] | None = None
    for hit in _event_matches(text, lo, hi, event_re, keywords):
        distance = hit.start() - end if hit.start() >= end else start - hit.end()
        if best is None or distance < best[0]:
            best = (max(distance, 0), event_classes()[_re(r"\s+").sub( " ", hit.group().lower())])
    return best[1] if best else None


def _event_matches(text: str, lo: int, hi: int, event_re: regex.Pattern, keywords: KeyWords) -> Iterator[regex.Match]:
    """What ``event_re.finditer(text, lo, hi)`` finds, trying only where an event term's first word starts."""
    if not keywords.complete:
        yield from event_re.finditer(text, lo, hi)
        return
    resume = lo
    for start in keywords.starts_in("event", lo, hi):
        if start < resume:
            continue
        match = event_re.match(text, start, hi)
        if match is not None:
            yield match
            resume = match.end()


def prepare() -> None:
    """Load the vocabularies and compile the patterns now.

    ``Rule.prepare`` calls this in the main process, so that worker processes share them
    instead of each building them again."""
    for build in (
        figure_pattern, prefix_pattern, noun_pattern, event_pattern, update_pattern, anchor_pattern,
        phrase_anchor_pattern, per_side_pattern, keyword_automaton, prefix_last_words, month_words,
        definite_words, phrases_longest_first, _not_key_terms,
    ):
        build()
    for name in ("abbreviations.txt", "function_words.txt", "vague_before.txt", "time_nouns.txt"):
        word_set(name)


# -- comparing figures ---------------------------------------------------------------


def widened(figure: Figure, tolerance: float) -> tuple[float, float]:
    """The figure's interval, widened by a relative tolerance (rounding in news copy)."""
    high = math.inf if figure.high is None else figure.high
    return figure.low * (1 - tolerance), high * (1 + tolerance)


def intervals_meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def compatible(a: Figure, b: Figure, tolerance: float = 0.0) -> bool:
    """Whether two figures for the same thing can both be true.

    A per-side figure ("1,000 each") also agrees with a total of twice it, and
    news copy often gives the per-side figure without saying so.
    """
    wa, wb = widened(a, tolerance), widened(b, tolerance)
    if intervals_meet(wa, wb):
        return True
    if a.per_side != b.per_side:
        side, whole = (wa, wb) if a.per_side else (wb, wa)
        return intervals_meet((side[0] * 2, side[1] * 2), whole)
    return False


def round_number(value: float) -> bool:
    """1,000 or 6,500: a figure that may be a rounding of a precise one."""
    return value >= 100 and value % 10 ** (len(str(int(value))) - 2) == 0


# -- document-level context for the corpus phase --------------------------------------

CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}’'-]+)(?:\s+\p{Lu}[\p{Ll}\p{M}]+)?")
"""A capitalised word (the group), with the capitalised word after it, which is not counted."""


@cache
def _not_key_terms() -> frozenset[str]:
    """Capitalised words that name nothing: function words, months, weekdays, sentence openers."""
    return word_set("function_words.txt") | word_set("definite_words.txt") | frozenset(calendar()["months"]) | frozenset(
        calendar()["weekdays"]
    ) | word_set("common_capitals.txt")


def key_terms(document: Document, limit: int = 12) -> list[str]:
    """The names a text is about: capitalised words seen at least twice, most frequent first."""
    cached = document.cache.get("numeric.key_terms")
    if cached is not None:
        return cached
    common = _not_key_terms()
    counts: dict[str, int] = {}
    for first_word, seen in Counter(CAPITALISED.findall(document.text[:200_000])).items():
        word = first_word.rstrip("’'").lower()
        if word.endswith(("’s", "'s")):
            word = word[:-2]
        if word not in common and len(word) > 2:
            counts[word] = counts.get(word, 0) + seen
    terms = sorted((w for w, n in counts.items() if n >= 2), key=lambda w: (-counts[w], w))[:limit]
    document.cache["numeric.key_terms"] = terms
    return terms
