"""Whole-line shapes of web widgets (data/widget_lines.tsv), found once per document and shared."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from linter import Document
from rules.junk.context import Line, context

DATA = Path(__file__).parent / "data"
MAX_LINE = 400
"""Longer lines are prose, never a widget (a moderated comment's title is the longest)."""
MAX_PROSE_WORDS = 30
"""A paragraph of more words is never a widget; shorter prose may be (a credit, a comment's title)."""
AROUND = r"[^\w@]{0,4}?"
"""What may surround a widget's text on its line: brackets, bullets, arrows, separators."""


@dataclass(frozen=True)
class WidgetPatterns:
    pattern: re.Pattern[str]
    kinds: tuple[str, ...]
    """The kind of each row, by the number in its group name."""


@cache
def widget_patterns() -> WidgetPatterns:
    """All rows of widget_lines.tsv as one alternation, one named group a row."""
    kinds: list[str] = []
    alternatives: list[str] = []
    for raw in (DATA / "widget_lines.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _language, pattern = raw.split("\t")
        if re.compile(pattern).groups:
            raise ValueError(f"{DATA / 'widget_lines.tsv'}: {pattern!r} has a capturing group; use (?:...)")
        alternatives.append(f"(?P<w{len(kinds)}>{pattern})")
        kinds.append(kind)
    source = f"{AROUND}(?:{'|'.join(alternatives)}){AROUND[:-1]}"
    return WidgetPatterns(re.compile(source, re.IGNORECASE), tuple(kinds))


def widget_lines(document: Document) -> list[tuple[Line, str]]:
    """Every line of the document that is a widget as a whole, with its kind."""
    cached = document.cache.get("junk.widget_lines")
    if cached is not None:
        return cached
    widgets = widget_patterns()
    text = document.text
    found = []
    for line in context(document).lines:
        if line.characters <= MAX_LINE and not (line.prose and line.words > MAX_PROSE_WORDS):
            match = widgets.pattern.fullmatch(text, line.start, line.end)
            if match is not None:
                found.append((line, widgets.kinds[int(match.lastgroup[1:])]))  # type: ignore[index]
    document.cache["junk.widget_lines"] = found
    return found
