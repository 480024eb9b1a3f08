"""Regions of page furniture outside the article core: menus and headline lists.

A region is a run of consecutive furniture-shaped lines (short, not
sentences, Title Case or without function words) standing outside the
article core and its header.  A run of mostly short labels ("Home",
"Sports", "Contact us") is a menu; a run of mostly longer lines is a list
of other stories' headlines.  One line alone is not a region: a lone short
line is judged by the line rules.  A text without prose has no core and no
regions: there is no article to stand away from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from linter import Document
from rules.junk.context import Context, Line, context

RegionKind = Literal["menu", "headline-list"]


@dataclass(frozen=True, slots=True)
class Region:
    kind: RegionKind
    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def describe(self, model: Context) -> str:
        """The signals that made it a region, for the finding's message."""
        labels = sum(1 for line in self.lines if line.label_shaped)
        where = "before the article" if self.lines[0].index < model.core_start else "after the article"
        return f"{len(self.lines)} short lines without sentences ({labels} of at most 3 words), {where}"


def _kind(lines: list[Line]) -> RegionKind:
    labels = sum(1 for line in lines if line.label_shaped)
    return "menu" if 2 * labels >= len(lines) else "headline-list"


def furniture_regions(document: Document, min_lines: int = 2) -> list[Region]:
    """Every run of at least ``min_lines`` furniture-shaped lines outside the core, in order."""
    cache_key = f"junk.regions.{min_lines}"
    cached = document.cache.get(cache_key)
    if cached is not None:
        return cached
    model = context(document)
    regions: list[Region] = []
    if not model.has_core:
        document.cache[cache_key] = regions
        return regions
    run: list[Line] = []
    for line in [*model.lines, None]:
        if line is not None and model.outside(line) and line.furniture_shaped:
            run.append(line)
            continue
        if len(run) >= min_lines:
            regions.append(Region(_kind(run), tuple(run)))
        run = []
    document.cache[cache_key] = regions
    return regions
