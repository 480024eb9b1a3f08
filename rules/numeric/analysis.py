"""The numeric analysis of one document, computed once and shared by the NUM rules.

``analyse(document)`` keeps a ``NumericAnalysis`` in ``document.cache``: the sentences and
paragraphs, and the mentions of figures. Texts without a digit or a number word cost one scan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from linter import Document
from rules.numeric.layout import Layout
from rules.numeric.lexicon import ascii_lower
from rules.numeric.mentions import Mention, extract

CACHE_KEY = "numeric.analysis"


@dataclass
class NumericAnalysis:
    text: str
    year: int | None
    layout: Layout = field(init=False)

    def __post_init__(self) -> None:
        self.layout = Layout.of(self.text)

    @cached_property
    def lowered(self) -> str:
        return ascii_lower(self.text)

    @cached_property
    def mentions(self) -> list[Mention]:
        return extract(self.text, self.layout, self.year, self.lowered)


def analyse(document: Document) -> NumericAnalysis:
    cached = document.cache.get(CACHE_KEY)
    if cached is None:
        year = document.date.value.year if document.date is not None else None
        cached = document.cache[CACHE_KEY] = NumericAnalysis(document.text, year)
    return cached
