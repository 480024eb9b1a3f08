"""Sentences and paragraphs of a document, found once and looked up by offset.

The NUM rules compare figures within a sentence, a paragraph or the whole text, so every
mention carries the index of its sentence; ``Layout`` finds them with one regex
pass each and answers "which sentence holds this offset?" by bisection.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from rules.numeric.lexicon import word_set

SENTENCE_END = regex.compile(r"\n\s*|[.!?](?P<gap>[\"”’')\]]*\s+(?=[\"“‘(\[]?[\p{Lu}\d]))")
"""A line break, or the gap after a full stop, question or exclamation mark (which stays in its
sentence). Starting at the mark rather than looking behind for it lets the engine skip ahead."""
SENTENCE_GAP = SENTENCE_END.groupindex["gap"]
PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*\n\s*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one, "Mr." and "U.S." do not."""
    abbreviations = word_set("abbreviations.txt")
    endings = abbreviation_endings()
    spans = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        gap_start, gap_end = match.span(SENTENCE_GAP)
        if gap_start < 0:  # a line break
            gap_start, gap_end = match.span()
        else:
            gap = text[gap_start:gap_end]
            if gap.isspace() and "\n" not in gap and _may_be_abbreviation(text, max(start, gap_start - 12), gap_start - 1, endings):
                word = _word_before(text, max(start, gap_start - 12), gap_start - 1)
                if word and (word.lower() in abbreviations or len(word) == 1):
                    continue
        if gap_start > start:
            spans.append((start, gap_start))
        start = gap_end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


WORD_CUTS = ' .(\n"'
"""What ends the word before a full stop (``_word_before``)."""


@cache
def abbreviation_endings() -> frozenset[str]:
    """The last two letters of each abbreviation, lower case."""
    return frozenset(word[-2:] for word in word_set("abbreviations.txt"))


def _may_be_abbreviation(text: str, floor: int, stop: int, endings: frozenset[str]) -> bool:
    """False when the word before the full stop at ``stop`` is surely longer than one letter and no
    abbreviation (its last two letters end none): most sentence ends skip ``_word_before``."""
    return stop - 2 < floor or text[stop - 2] in WORD_CUTS or text[stop - 2 : stop].lower() in endings


def _word_before(text: str, floor: int, stop: int) -> str:
    """The word that ends at ``stop`` (the full stop's place), within ``floor``: what follows the
    last space, dot or bracket before it ("U.S." gives "S", "Mr." gives "Mr")."""
    window = text[floor:stop]
    cut = max(window.rfind(" "), window.rfind("."), window.rfind("("), window.rfind("\n"), window.rfind("\""))
    return window[cut + 1 :]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass
class Layout:
    """The sentences and paragraphs of one text, with their starts kept for bisection."""

    sentences: list[tuple[int, int]]
    paragraphs: list[tuple[int, int]]

    def __post_init__(self) -> None:
        self._sentence_starts = [start for start, _ in self.sentences]
        self._paragraph_starts = [start for start, _ in self.paragraphs]

    @classmethod
    def of(cls, text: str) -> Layout:
        return cls(split_sentences(text), split_paragraphs(text))

    def sentence_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def paragraph_at(self, offset: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def sentence_span(self, index: int) -> tuple[int, int]:
        return self.sentences[index] if self.sentences else (0, 0)
