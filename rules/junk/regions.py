"""Regions of page furniture outside the article core: menus and headline lists.

A region is a run of consecutive furniture-shaped lines (short, not
sentences, Title Case or without function words) standing outside the
article core and its header.  A run of mostly short labels ("Home",
"Sports", "Contact us") is a menu; a run of mostly longer lines is a list
of other stories' headlines.  A short line that is not a sentence, between
two furniture lines, joins their run (a sentence-case headline between two
"Watch" labels).  One line alone is not a region: a lone short line is
judged by the line rules.  A text without prose has no core and no
regions: there is no article to stand away from.

A region is reported only on a page: a text where at least one line is known
furniture (a phrase of ``phrases.tsv`` filling its line, or a widget of
``widget_lines.tsv``).  Clean edited copy has none, and the short lines that
end many edited articles (team sheets, fixtures, award lists) are left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from linter import Document
from rules.junk.context import MAX_FURNITURE_WORDS, Context, Line, context
from rules.junk.phrases import phrase_lines
from rules.junk.widgets import widget_lines

RegionKind = Literal["menu", "headline-list"]
LONG_REGION = 5
"""A region of this many lines or more is a long one (a site's whole menu); shorter ones are measured apart."""


@dataclass(frozen=True, slots=True)
class Region:
    kind: RegionKind
    lines: tuple[Line, ...]
    evidence: str
    """The known furniture line that shows the text is a page, quoted for the message."""

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    def signal(self, model: Context) -> str:
        """The signal its confidence is measured by: where it stands and how long it is."""
        where = "before" if self.lines[0].index < model.core_start else "after"
        return f"{where}-{'short' if len(self.lines) < LONG_REGION else 'long'}"

    def describe(self, model: Context) -> str:
        """The signals that made it a region, for the finding's message."""
        labels = sum(1 for line in self.lines if line.label_shaped)
        where = "before the article" if self.lines[0].index < model.core_start else "after the article"
        return (
            f"{len(self.lines)} short lines without sentences ({labels} of at most 3 words), {where},"
            f" on a page with other furniture ({self.evidence})"
        )


def _kind(lines: list[Line]) -> RegionKind:
    labels = sum(1 for line in lines if line.label_shaped)
    return "menu" if 2 * labels >= len(lines) else "headline-list"


def page_evidence(document: Document) -> str | None:
    """The first line that is known furniture, quoted with its line number; None for clean copy."""
    text = document.text
    starts = [line.start for line in phrase_lines(document) if line.whole]
    starts += [line.start for line, _kind in widget_lines(document)]
    if not starts:
        return None
    first = min(starts)
    end = text.find("\n", first)
    quoted = text[first : end if end >= 0 else len(text)].strip()[:40]
    return f"{quoted!r}, line {document.position(first)[0]}"


def _bridged(model: Context, shaped: list[bool], index: int) -> bool:
    """A short line between two furniture lines is furniture too, as jusText smooths a paragraph by its neighbours.

    A headline in sentence case ("Church refuses to wed black couple") has
    function words and is not furniture-shaped alone, but between two menu
    items or "Watch" labels outside the article it is one more entry of the
    list, not article text.
    """
    if not 0 < index < len(shaped) - 1 or not (shaped[index - 1] and shaped[index + 1]):
        return False
    line = model.lines[index]
    return model.outside(line) and not line.prose and not line.sentence and line.words <= MAX_FURNITURE_WORDS


def furniture_regions(document: Document, min_lines: int = 2) -> list[Region]:
    """Every run of at least ``min_lines`` furniture-shaped lines outside the core, in order."""
    cache_key = f"junk.regions.{min_lines}"
    cached = document.cache.get(cache_key)
    if cached is not None:
        return cached
    model = context(document)
    regions: list[Region] = []
    evidence = page_evidence(document)
    if not model.has_core or evidence is None:
        document.cache[cache_key] = regions
        return regions
    lines = model.lines
    shaped = [model.outside(line) and line.furniture_shaped for line in lines]
    run: list[Line] = []
    for index, line in enumerate([*lines, None]):
        if line is not None and (shaped[index] or _bridged(model, shaped, index)):
            run.append(line)
            continue
        if len(run) >= min_lines:
            regions.append(Region(_kind(run), tuple(run), evidence))
        run = []
    document.cache[cache_key] = regions
    return regions
