"""JNK004: a line printed twice by damage (a doubled caption, the title printed again)."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Rule
from rules.junk.context import Line, context
from rules.junk.lines import delete_line

MAX_APPENDED_WORDS = 8
TITLE_LINES = 2
"""The title is one of the first lines (the first may be a site name or a breadcrumb)."""


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


class RepeatedLine(Rule):
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
    under every item, a reader quoting an earlier comment. Only a line's
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
    """

    code = "JNK004"
    name = "repeated-line"
    category = "junk"
    fixable = True
    default_options = {"min_words": 4, "title_window": 20}

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        min_words = self.options["min_words"]
        lines = context(document).lines
        if not lines:
            return
        titles = {_key(text[line.start : line.end]): line for line in lines[TITLE_LINES - 1 :: -1]}
        previous_key = _key(text[lines[0].start : lines[0].end])
        for line in lines[1:]:
            key = _key(text[line.start : line.end])
            previous = lines[line.index - 1]
            title = titles.get(key)
            if line.words < min_words:
                pass
            elif key == previous_key:
                yield self._copy(document, line, previous, "line printed twice in a row", safe=True)
            elif title is not None and title.index < line.index < self.options["title_window"]:
                yield self._copy(document, line, title, "the title printed again", safe=True)
            elif _extends(previous_key, key) and previous.words >= min_words:
                message = "line repeats the line before it with words appended"
                yield self._copy(document, line, previous, message, safe=False)
            previous_key = key

    def _copy(self, document: Document, line: Line, original: Line, message: str, *, safe: bool) -> Finding:
        fix = delete_line(document, line.start, safe=safe, description="delete the repeated line")
        related = [document.location(original.start, original.end, "first printed here")]
        return self.finding(document, line.start, line.end, message, fix=fix, related=related)


def _extends(shorter: str, longer: str) -> bool:
    """``longer`` is ``shorter`` plus a short appendage (a credit glued on or after a space)."""
    if len(longer) <= len(shorter) or not longer.startswith(shorter):
        return False
    return len(longer[len(shorter) :].split()) <= MAX_APPENDED_WORDS
