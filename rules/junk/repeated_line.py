"""JNK004: a line printed again later in the same document (a title, a caption)."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.lines import delete_line, trimmed

MAX_APPENDED_WORDS = 8


def _key(line: str) -> str:
    return " ".join(line.casefold().split())


class RepeatedLine(Rule):
    """A line of several words that the document prints again: a repeated title or caption.

    ## What it flags
    A later copy of a line of at least `min_words` words (case and spacing
    ignored), such as a title printed two or three times by the page
    template, or a photo caption printed once bare and once with its credit.
    The second form is a line that repeats the line just before it with at
    most 8 words appended (a caption, then the caption plus "(Image: AP)").

    ## Why
    Scrapers collect a page's title from the header, the article and the
    share card; captions come twice, once from the image's alt text and once
    from its figure caption. Repeated lines inflate a corpus with
    duplicates and break the flow of the text.

    ## What it leaves alone
    The first occurrence, lines shorter than `min_words` words ("Yes.",
    "Read more"), and lines that merely share words.

    ## Example
    "Russia-Ukraine peace talks end after less than two hours" as the first
    line, and twice more after the page's language picker.

    ## Fix
    Deletes the later line. Safe for an exact copy; unsafe for a copy with
    words appended, since the appended part may be wanted.

    ## Options
    `min_words` (default 4): the fewest words a line needs to count.
    """

    code = "JNK004"
    name = "repeated-line"
    category = "junk"
    fixable = True
    default_options = {"min_words": Option(4, minimum=1)}

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        min_words = self.options["min_words"]
        first_seen: dict[str, tuple[int, int]] = {}
        previous: tuple[int, int, str] | None = None
        for line_start, line_end, line in document.lines():
            if not line.strip():
                continue
            start, end = trimmed(text, line_start, line_end)
            key = _key(line)
            words = key.count(" ") + 1
            earlier = first_seen.get(key) if words >= min_words else None
            if earlier is not None:
                fix = delete_line(document, start, safe=True, description="delete the repeated line")
                related = [document.location(*earlier, "first printed here")]
                yield self.finding(document, start, end, "line repeats an earlier line", fix=fix, related=related)
            elif previous is not None and words >= min_words and _extends(previous[2], key):
                fix = delete_line(document, start, safe=False, description="delete the repeated line")
                related = [document.location(previous[0], previous[1], "the line it repeats")]
                message = "line repeats the line before it with words appended"
                yield self.finding(document, start, end, message, fix=fix, related=related)
            if words >= min_words:
                first_seen.setdefault(key, (start, end))
            previous = (start, end, key)


def _extends(shorter: str, longer: str) -> bool:
    """``longer`` is ``shorter`` plus a short appendage (a credit glued on or after a space)."""
    if len(longer) <= len(shorter) or not longer.startswith(shorter):
        return False
    return len(longer[len(shorter) :].split()) <= MAX_APPENDED_WORDS
