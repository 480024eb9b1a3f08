"""JNK010: the headlines listed under a related-links heading ("Most Read", "You may also like")."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.lines import delete_line, trimmed
from rules.junk.phrases import phrase_lines

LIST_HEADING_KINDS = frozenset({"related-links"})
MAX_ENTRY_WORDS = 20
MAX_ENTRIES = 15
SENTENCE_ENDS = (".", ":", ";", ",")


def is_entry(line: str) -> bool:
    """A headline or link label: short, opened by a capital or a digit, not ending like a sentence."""
    words = line.split()
    if not 0 < len(words) <= MAX_ENTRY_WORDS:
        return False
    first = line.lstrip(" \t\u00a0-•*·\"'“‘«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not line.endswith(SENTENCE_ENDS) or line.endswith(("...", "…"))


class LinkList(Rule):
    """Headlines listed under a related-links heading: the links of a "Most Read" or "You may also like" box.

    ## What it flags
    After a line that JNK001 reports as a related-links heading ("Related
    Articles", "Most Read", "Lo más leído", "Das könnte Sie auch
    interessieren"), the run of lines that look like headlines or link
    labels (at most 20 words, opened by a capital or a digit, not ending in
    a full stop, colon, semicolon or comma), when the run holds at least
    `min_entries` lines. The run ends at the first line that reads like
    prose or is other furniture, and after 15 lines.

    ## Why
    A scraper that keeps a related-links box keeps its headlines too: each
    is the title of another story, spliced into this one. The heading alone
    is weak evidence for the lines below it, and a short line alone is no
    evidence at all; a heading followed by a list of headline-shaped lines
    is a link box.

    ## What it leaves alone
    A single short line after such a heading (a real subheading followed
    by the story: "Related Topics" then "Reform UK" then a paragraph), lines
    that end like sentences, and lists under any other heading.

    ## Example
    "You may also like\\nZelensky meets Erdogan in Ankara\\nOil prices fall
    after OPEC+ deal\\n" flags the two headlines.

    ## Fix
    Deletes each headline line. Unsafe: the list is recognised by its shape.

    ## Options
    `min_entries` (default 2): the fewest headline lines that make a list.
    """

    code = "JNK010"
    name = "link-list"
    category = "junk"
    fixable = True
    default_options = {"min_entries": Option(2, minimum=1)}

    def check(self, document: Document) -> Iterator[Finding]:
        headings = [line for line in phrase_lines(document) if line.whole and line.phrase.kind in LIST_HEADING_KINDS]
        if not headings:
            return
        furniture = {line.start for line in phrase_lines(document)}
        text = document.text
        for heading in headings:
            entries = list(self._entries_after(document, heading.end, furniture))
            if len(entries) < self.options["min_entries"]:
                continue
            related = [document.location(heading.start, heading.end, "the heading")]
            for start, end in entries:
                fix = delete_line(document, start, safe=False, description="delete the linked headline")
                message = f"headline listed under {text[heading.start : heading.end]!r}"
                yield self.finding(document, start, end, message, fix=fix, related=related)

    @staticmethod
    def _entries_after(document: Document, offset: int, furniture: set[int]) -> Iterator[tuple[int, int]]:
        """The headline-shaped lines after ``offset``, up to the first line that is not one."""
        text = document.text
        line_number, _column = document.position(offset)
        count = 0
        for number in range(line_number + 1, len(document.line_starts) + 1):
            start, end = trimmed(text, *document.line_span(number))
            if start == end:
                continue
            if start in furniture or count == MAX_ENTRIES or not is_entry(text[start:end]):
                return
            count += 1
            yield start, end
