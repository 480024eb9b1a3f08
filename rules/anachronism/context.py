"""Where a mention stands in its document: its line, sentence, quotation and the years written around it.

A ``Layout`` indexes a document once (newlines, quotation marks, years) so
that each question about a mention is a binary search near it, never a scan
of everything before it: a document of one long line with thousands of
mentions costs time in proportion to its length.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from linter import Document

SENTENCE_REACH = 600
"""How far a sentence may run either side of a mention (characters): prose without full stops is cut there."""
ABBREVIATION_REACH = 24
"""How far back an abbreviation before a full stop is looked for ("Gen.", "U.S.A.")."""
QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"))
_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)]*[ \t\u00a0]+(?=[\"\u201c\u2018(]?[A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|No|Inc|Co|Corp|Ltd|vs|etc|"
    r"Prof|Rev|Capt|Adm|Maj|Pres|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\Z"
)
_YEAR = re.compile(r"(?<![\d,.$\u20ac\u00a3])((?:19|20)\d\d)(?:s\b|(?!\d|[,.]\d))")
_QUOTE_MARKS = re.compile("[\"\u201c\u201d\u00ab\u00bb]")


class Layout:
    """The places in one document that the ANA rules ask about, indexed on first use."""

    CACHE_KEY = "anachronism-layout"

    def __init__(self, document: Document) -> None:
        self.text = document.text
        self.line_starts = document.line_starts

    @classmethod
    def of(cls, document: Document) -> Layout:
        """The document's layout, built once and shared by the family's rules."""
        layout = document.cache.get(cls.CACHE_KEY)
        if layout is None:
            layout = document.cache[cls.CACHE_KEY] = cls(document)
        return layout

    @cached_property
    def _quote_marks(self) -> dict[str, list[int]]:
        marks: dict[str, list[int]] = {}
        for match in _QUOTE_MARKS.finditer(self.text):
            marks.setdefault(match.group(), []).append(match.start())
        return marks

    @cached_property
    def _years(self) -> dict[tuple[int, int], list[int]]:
        """Each year or decade written in the text ("2019" -> (2019, 2019), "the 1990s" -> (1990, 1999)) and where."""
        years: dict[tuple[int, int], list[int]] = {}
        for match in _YEAR.finditer(self.text):
            year = int(match.group(1))
            span = (year, year + 9) if match.group().endswith("s") and year % 10 == 0 else (year, year)
            years.setdefault(span, []).append(match.start())
        return years

    def line(self, offset: int) -> tuple[int, int]:
        """Start and end (before its newline) of the line holding ``offset``."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``text[start:end]``, within its line and ``SENTENCE_REACH`` of it."""
        text = self.text
        line_start, line_end = self.line(start)
        sentence_start = max(line_start, start - SENTENCE_REACH)
        for match in _SENTENCE_END.finditer(text, sentence_start, min(start + 2, line_end)):
            if not self._abbreviation_before(sentence_start, match.start()):
                sentence_start = match.end()
        sentence_end = min(line_end, end + SENTENCE_REACH)
        for match in _SENTENCE_END.finditer(text, end, sentence_end):
            if not self._abbreviation_before(end, match.start()):
                return sentence_start, match.start() + 1
        return sentence_start, sentence_end

    def _abbreviation_before(self, floor: int, stop: int) -> bool:
        """Whether the word ending at ``stop`` is an abbreviation, so its full stop ends no sentence."""
        return ABBREVIATION.search(self.text, max(floor, stop - ABBREVIATION_REACH), stop) is not None

    def quoted(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a quotation that opens and closes on its line."""
        line_start, line_end = self.line(offset)
        for opening, closing in QUOTE_PAIRS:
            if self._count(opening, line_start, offset) > self._count(closing, line_start, offset) and self._count(
                closing, offset, line_end
            ):
                return True
        return self._count('"', line_start, offset) % 2 == 1 and self._count('"', offset, line_end) > 0

    def _count(self, mark: str, start: int, end: int) -> int:
        positions = self._quote_marks.get(mark, ())
        return bisect.bisect_left(positions, end) - bisect.bisect_left(positions, start)

    def years(self, start: int, end: int) -> list[tuple[int, int]]:
        """The years and decades written in ``text[start:end]`` (first and last year of each), in order, each once."""
        found = []
        for span, positions in self._years.items():
            at = bisect.bisect_left(positions, start)
            if at < len(positions) and positions[at] < end:
                found.append(span)
        return sorted(found)
