"""The context model of a scraped page: each line's shape, and the article core among them.

A page scraped to text is the article plus the page around it: menus,
headline lists, bylines, share bars, comment forms, footers.  As jusText
(Pomikálek 2011) does for paragraphs, each non-blank line is measured
(words, share of stop words in the document's language, how it ends, how
many of its words are capitalised), and the article core is found as the
run of lines with the most prose in it: lines of sentences, full of
function words, with at most a few other lines between them (subheadings,
captions).  This is Body Text Extraction (Finn, Kushmerick and Smyth 2001)
on lines: prose counts for the core, every other line against it, and the
best run is a maximum-sum run, found in one pass.

The junk rules judge a line by its shape and by where it stands: the same
short Title Case line is a subheading inside the core and a menu item
outside it.  The few lines just before the core are its header (title,
byline, date) and are left to the line rules.  The model is computed once
per document, on demand, and shared by every junk rule through
``document.cache``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import regex

from linter import Document
from rules.junk.stopwords import detect_languages, stopwords_of

WORD = re.compile(r"[^\W_]+")
NUMBER_START = re.compile(r"(?<![^\W_])\d")
CAPITAL_START = regex.compile(r"(?<![\w])\p{Lu}")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = tuple(".!?。！？\"'”’»)")
ELLIPSIS = ("...", "…")
LANGUAGE_SAMPLE = 1_000
"""How many characters of a document's longer lines (its prose, not its menus) decide its language."""
SAMPLED_LINE_MIN = 60
SAMPLED_LINE_MAX = 300

MEASURED_CHARACTERS = 150
"""Words are counted in a line's first characters only: a paragraph's start shows its shape."""
PROSE_MIN_WORDS = 8
PROSE_MIN_STOP_SHARE = 0.2
"""jusText's stopwords_low is 0.30 for paragraphs; a line of a headline-heavy page needs less."""
LONG_PROSE_WORDS = 25
CJK_PROSE_CHARACTERS = 30
SPACELESS_RATIO = 12
"""Latin-script prose has a word every six characters or so; a line with far fewer may be Chinese or Japanese."""
SENTENCE_MIN_STOP_SHARE = 0.15
SHORT_SENTENCE_WEIGHT = 0.5
OTHER_LINE_COST = 3.0
HEADER_LINES = 2
"""Lines just before the core that are its header (title, byline), not page furniture."""
MAX_FURNITURE_WORDS = 20
LABEL_WORDS = 3
"""A furniture line of at most this many words is a label (a menu item); longer, a headline."""


@dataclass(slots=True)
class Line:
    """One non-blank line: its trimmed span and its shape (not frozen: a page has thousands, made fast)."""

    index: int
    """Position among the document's non-blank lines."""
    start: int
    end: int
    words: int
    stop_share: float
    capital_share: float
    """Share of the words with letters that start with a capital (0 for prose, which is not asked)."""
    sentence: bool
    """Ends like a sentence (full stop, question or exclamation mark, closing quote) and has function words."""
    prose: bool

    @property
    def characters(self) -> int:
        return self.end - self.start

    @property
    def furniture_shaped(self) -> bool:
        """Short, not a sentence, and Title Case or without function words: a menu item or a headline."""
        if self.prose or self.sentence or self.words > MAX_FURNITURE_WORDS:
            return False
        return self.capital_share >= 0.5 or self.stop_share < PROSE_MIN_STOP_SHARE or self.words <= 2

    @property
    def label_shaped(self) -> bool:
        return self.furniture_shaped and self.words <= LABEL_WORDS


@dataclass(frozen=True, slots=True)
class Context:
    """A document's non-blank lines, its language and its article core (indices into ``lines``)."""

    lines: Sequence[Line]
    languages: tuple[str, ...]
    """The document's languages by their stop words, most used first (a page may mix two)."""
    core_start: int
    core_end: int
    """One past the last line of the core; equal to ``core_start`` when the page has no prose."""
    header_start: int
    """The first line of the core's header (title, byline): at most HEADER_LINES lines of more than one word."""

    def in_core(self, line: Line) -> bool:
        return self.core_start <= line.index < self.core_end

    def in_header(self, line: Line) -> bool:
        """One of the lines just before the core: the title, byline or date of the article."""
        return self.header_start <= line.index < self.core_start

    def outside(self, line: Line) -> bool:
        """Neither in the core nor in its header: where page furniture stands."""
        return not self.in_core(line) and not self.in_header(line)

    @property
    def has_core(self) -> bool:
        return self.core_end > self.core_start


def _measure(index: int, text: str, start: int, end: int, stop: frozenset[str]) -> Line:
    measured = text[start : min(end, start + MEASURED_CHARACTERS)]
    tokens = WORD.findall(measured.lower())
    stop_share = sum(map(stop.__contains__, tokens)) / len(tokens) if tokens else 0.0
    words = len(tokens)
    if end - start > MEASURED_CHARACTERS:  # a paragraph: its start tells its shape, its length is estimated
        words = round(words * (end - start) / MEASURED_CHARACTERS)
    ends_sentence = text.endswith(SENTENCE_END, start, end) and not text.endswith(ELLIPSIS, start, end)
    spaceless = len(tokens) * SPACELESS_RATIO < len(measured)  # few words for many characters: CJK, or symbols
    cjk = len(CJK.findall(measured)) if spaceless and not measured.isascii() else 0
    if cjk >= CJK_PROSE_CHARACTERS:
        sentence = ends_sentence
        prose = ends_sentence or cjk >= 2 * CJK_PROSE_CHARACTERS
    else:
        sentence = ends_sentence and stop_share >= SENTENCE_MIN_STOP_SHARE
        prose = (
            words >= PROSE_MIN_WORDS
            and stop_share >= PROSE_MIN_STOP_SHARE
            and (ends_sentence or words >= LONG_PROSE_WORDS)
        )
    capital_share = 0.0
    if not prose and words:
        lettered = len(tokens) - len(NUMBER_START.findall(measured))
        capital_share = len(CAPITAL_START.findall(measured)) / lettered if lettered > 0 else 0.0
    return Line(index, start, end, words, stop_share, capital_share, sentence, prose)


def _spans(text: str) -> list[tuple[int, int]]:
    """The trimmed span of every non-blank line."""
    spans = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        line_end = length if newline < 0 else newline
        start, end = position, line_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
        if newline < 0:
            break
        position = newline + 1
    return spans


def _language_sample(text: str, spans: list[tuple[int, int]]) -> str:
    """The start of the document's longer lines, in order: the article comes before its comments, menus are short."""
    sample, size = [], 0
    for start, end in spans:
        if end - start >= SAMPLED_LINE_MIN:
            sample.append(text[start : min(end, start + SAMPLED_LINE_MAX)])
            size += len(sample[-1])
            if size >= LANGUAGE_SAMPLE:
                break
    return "\n".join(sample) if sample else text[:LANGUAGE_SAMPLE]


def _weight(line: Line) -> float:
    """A line's evidence for the article: prose counts by its words, a short sentence a little, anything else against."""
    if line.prose:
        return line.words
    if line.sentence and line.words >= 3:
        return line.words * SHORT_SENTENCE_WEIGHT
    return -OTHER_LINE_COST


def _core(lines: Sequence[Line]) -> tuple[int, int]:
    """The run of lines with the most evidence for the article: the maximum-sum run (Kadane), in one pass."""
    best, best_start, best_end = 0.0, 0, 0
    total, run_start = 0.0, 0
    for line in lines:
        if total <= 0:
            total, run_start = 0.0, line.index
        total += _weight(line)
        if total > best:
            best, best_start, best_end = total, run_start, line.index + 1
    return best_start, best_end


def context(document: Document) -> Context:
    """The document's context model, computed once and shared by the junk rules."""
    cached = document.cache.get("junk.context")
    if cached is not None:
        return cached
    text = document.text
    spans = _spans(text)
    languages = detect_languages(WORD.findall(_language_sample(text, spans).casefold()))
    stop = stopwords_of(languages)
    lines = [_measure(index, text, start, end, stop) for index, (start, end) in enumerate(spans)]
    core_start, core_end = _core(lines)
    header_start = core_start
    while header_start > max(core_start - HEADER_LINES, 0) and lines[header_start - 1].words > 1:
        header_start -= 1
    model = Context(lines, languages, core_start, core_end, header_start)
    document.cache["junk.context"] = model
    return model
