"""JNK004: a line printed twice by damage (a doubled caption, the title printed again)."""

from __future__ import annotations

import re
from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.context import Line, context
from rules.junk.lines import delete_line

LIST_ITEM = re.compile(r"(?:[-*•·▪–]|\d{1,3}[.)])[ \t]")
"""A bulleted or numbered item: lists repeat their items on purpose."""
MAX_APPENDED_WORDS = 8
MAX_TITLE_CHARACTERS = 300
"""A title is a short line; a paragraph printed again after the title is not compared with it."""
MAX_APPENDED_CHARACTERS = 120
MAX_SPACING_DIFFERENCE = 20
"""A copy may differ in spacing only: its length is within this many characters of the line's."""
TITLE_LINES = 2
"""The title is one of the first lines (the first may be a site name or a breadcrumb)."""


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


class RepeatedLine(Calibrated, Rule):
    """A line printed twice by damage: a doubled line, a doubled caption, the title printed again.

    ## What it flags
    Among lines of at least `min_words` words (case and spacing ignored):

    - a line that repeats the line just before it (a paragraph or a caption
      printed twice in a row);
    - a line that repeats the line just before it with at most 8 words
      appended (a caption, then the caption plus "(Image: AP)");
    - a copy of one of the document's first two lines (its title, perhaps after
      a site name or breadcrumb) within the first
      `title_window` lines (a title printed again by the page template, after
      a language picker or a share bar).

    ## Why
    Scrapers collect a page's title from the header, the article and the
    share card; captions come twice, once from the image's alt text and once
    from its figure caption. Such copies inflate a corpus with duplicates
    and break the flow of the text.

    ## What it leaves alone
    Repetition that is meant: rows of a schedule or a diet plan, the same
    question in each part of a Q&A, a table header per table, a shop link
    under every item, a reader quoting an earlier comment, list items
    ("- Read more", "1. Yes") that repeat the item before. Only a line's
    immediate neighbour and the title are compared, never lines far apart.
    Lines shorter than `min_words` words ("Yes.", "Read more") are left alone.

    ## Example
    "Russia-Ukraine peace talks end after less than two hours" as the first
    line, and twice more after the page's language picker.

    ## Fix
    Deletes the later line. Safe for an exact copy; unsafe for a copy with
    words appended, since the appended part may be wanted.

    ## Options
    `min_words` (default 4): the fewest words a line needs to count.
    `title_window` (default 20): how many lines from the top a copy of the title is looked for.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK004"
    name = "repeated-line"
    category = "junk"
    fixable = True
    default_options = {"min_words": Option(4, minimum=1), "title_window": Option(20, minimum=1), "min_confidence": MIN_CONFIDENCE}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        text = document.text
        min_words = self.options["min_words"]
        lines = context(document).lines
        if not lines:
            return
        titles = {
            _key(text[line.start : line.end]): line
            for line in lines[TITLE_LINES - 1 :: -1]
            if line.characters <= MAX_TITLE_CHARACTERS
        }
        title_window = self.options["title_window"]
        for line in lines[1:]:
            if line.words < min_words:
                continue
            previous = lines[line.index - 1]
            if line.index < title_window and line.characters <= MAX_TITLE_CHARACTERS:
                title = titles.get(_key(text[line.start : line.end]))
                if title is not None and title.index < line.index and not _same(text, line, previous):
                    yield self._copy(document, line, title, "the title printed again", safe=True), "title"
                    continue
            if not _may_repeat(text, previous, line) or LIST_ITEM.match(text, line.start):
                continue
            key, previous_key = _key(text[line.start : line.end]), _key(text[previous.start : previous.end])
            if key == previous_key:
                yield self._copy(document, line, previous, "line printed twice in a row", safe=True), "doubled"
            elif previous.words >= min_words and _extends(previous_key, key):
                message = "line repeats the line before it with words appended"
                yield self._copy(document, line, previous, message, safe=False), "appended"

    def _copy(self, document: Document, line: Line, original: Line, message: str, *, safe: bool) -> Finding:
        fix = delete_line(document, line.start, safe=safe, description="delete the repeated line")
        related = [document.location(original.start, original.end, "first printed here")]
        return self.finding(document, line.start, line.end, message, fix=fix, related=related)


def _may_repeat(text: str, previous: Line, line: Line) -> bool:
    """A cheap test before the lines are compared: the same first letter, and a length that fits a copy."""
    if text[previous.start].casefold() != text[line.start].casefold():
        return False
    return -MAX_SPACING_DIFFERENCE <= line.characters - previous.characters <= MAX_APPENDED_CHARACTERS


def _same(text: str, line: Line, other: Line) -> bool:
    return _key(text[line.start : line.end]) == _key(text[other.start : other.end])


def _extends(shorter: str, longer: str) -> bool:
    """``longer`` is ``shorter`` plus a short appendage (a credit glued on or after a space)."""
    if len(longer) <= len(shorter) or not longer.startswith(shorter):
        return False
    return len(longer[len(shorter) :].split()) <= MAX_APPENDED_WORDS
