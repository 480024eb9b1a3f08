"""JNK010: the headlines listed under a related-links heading ("Most Read", "You may also like")."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.context import context
from rules.junk.lines import delete_lines, trimmed
from rules.junk.phrases import phrase_lines
from rules.junk.regions import furniture_regions

LIST_HEADING_KINDS = frozenset({"related-links"})
MAX_ENTRY_WORDS = 20
MAX_ENTRIES = 15
SENTENCE_ENDS = (".", ":", ";", ",")
DESCRIPTION = "delete the headline list"


def is_entry(line: str) -> bool:
    """A headline or link label: short, opened by a capital or a digit, not ending like a sentence."""
    words = line.split()
    if not 0 < len(words) <= MAX_ENTRY_WORDS:
        return False
    first = line.lstrip(" \t\u00a0-•*·\"'“‘«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    return not line.endswith(SENTENCE_ENDS) or line.endswith(("...", "…"))


class LinkList(Calibrated, Rule):
    """Lists of other stories' headlines: a "Most Read" box, related links, a teaser list.

    ## What it flags
    Two kinds of headline lists, each reported once with a span covering
    the list:

    - after a line that JNK001 reports as a related-links heading
      ("Related Articles", "Most Read", "Lo más leído", "Das könnte Sie
      auch interessieren"), the run of lines that look like headlines or
      link labels (at most 20 words, opened by a capital or a digit, not
      ending in a full stop, colon, semicolon or comma), when it holds at
      least `min_entries` lines; the run ends at the first line that reads
      like prose or is other furniture, and after 15 lines;
    - without a heading, a run of at least `min_entries` headline-shaped
      lines outside the article core (short, not sentences, Title Case or
      without function words, most of them longer than three words).

    The article core is the run of lines with the most prose in it; the
    two lines just before it are its header (title, byline) and never part
    of a list.

    ## Why
    A scraper that keeps a related-links box keeps its headlines too: each
    is the title of another story, spliced into this one. A heading alone
    is weak evidence for the lines below it, and a short line alone is no
    evidence at all; a heading followed by a list of headline-shaped lines,
    or several headlines in a row away from the article, is a link box.

    ## What it leaves alone
    A single short line after such a heading (a real subheading followed
    by the story: "Related Topics" then "Reform UK" then a paragraph), lines
    that end like sentences, lists inside the article, and the article's
    own title.

    ## Example
    "You may also like\\nZelensky meets Erdogan in Ankara\\nOil prices fall
    after OPEC+ deal\\n" flags the two headlines as one list.

    ## Fix
    Deletes the list. Unsafe: the list is recognised by its shape.

    ## Options
    `min_entries` (default 2): the fewest headline lines that make a list.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK010"
    name = "link-list"
    category = "junk"
    fixable = True
    default_options = {"min_entries": Option(2, minimum=1), "min_confidence": MIN_CONFIDENCE}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        min_entries = self.options["min_entries"]
        text = document.text
        model = context(document)
        covered = -1
        furniture = {line.start for line in phrase_lines(document)}
        for heading in phrase_lines(document):
            if not heading.whole or heading.phrase.kind not in LIST_HEADING_KINDS:
                continue
            entries = list(self._entries_after(document, heading.end, furniture))
            if len(entries) < min_entries:
                continue
            start, end = entries[0][0], entries[-1][1]
            covered = max(covered, end)
            message = f"{len(entries)} headlines listed under {text[heading.start : heading.end]!r}"
            related = [document.location(heading.start, heading.end, "the heading")]
            fix = delete_lines(document, start, end, description=DESCRIPTION)
            yield self.finding(document, start, end, message, fix=fix, related=related), "under-heading"
        for region in furniture_regions(document):
            if region.kind != "headline-list" or len(region.lines) < min_entries or region.start <= covered:
                continue
            message = f"list of headlines: {region.describe(model)}"
            fix = delete_lines(document, region.start, region.end, description=DESCRIPTION)
            yield self.finding(document, region.start, region.end, message, fix=fix), region.signal(model)

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

