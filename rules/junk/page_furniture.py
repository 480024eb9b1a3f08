"""JNK001: a line that holds nothing but page furniture ("Leave a Reply")."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.lines import delete_line
from rules.junk.phrases import phrase_lines, phrase_table


class PageFurniture(Calibrated, Rule):
    """A line made only of a web page's furniture: comment forms, share bars, widget labels.

    ## What it flags
    A line whose whole text is one or more known furniture phrases, with at
    most separators, arrows and counts around them: "Leave a Reply",
    "↑ Back to top", "Related Articles", "You may also like", "Select
    Language", "Down Icon", "Share this story: Facebook · X · LinkedIn ·
    Email", "Was this article helpful? Yes No", "Sign up for our Politics
    newsletter", "Updated 3 hours ago", "Advertisement", "Animated
    ArrowAnimated Arrow". The message names the kind: comment form, share
    bar, related-links block, navigation, newsletter or cookie prompt,
    feedback widget, time stamp, language picker, widget icon, advertising
    label, SEO question block...

    The phrases are data (`rules/junk/data/phrases.tsv`: phrase, kind,
    language, position), in English, German, French, Spanish, Italian and
    Portuguese wordings of many sites. A phrase may be a template for a
    family of wordings: `(a|b)` one of several, `[a|b]` optional, `{slot}`
    a slot from `rules/junk/data/slots.tsv` (a few words, a number, a unit
    of time, a social network), as in `sign up (for|to) [our|the] {words}
    {newsletter}`. Phrases of position `part` ("X", "Yes", "No", "Oui")
    count only beside another phrase on the line. Phrases are matched only
    at line starts, the longest wording winning.

    ## Why
    A scraper that keeps a page's text keeps its interface too. These lines
    are not part of the article; in a training corpus they teach a model to
    end news stories with "Leave a Reply".

    ## What it leaves alone
    The same words inside a sentence ("The committee left a reply on the
    table", "Share prices fell", "Sign up for the course was slow"), a
    `part` phrase alone ("X", "Yes"), and real headings that are not furniture
    ("Key Outcomes of the Istanbul Talks"). Short lines are not flagged for
    being short: only known phrases count.

    ## Example
    An article ending in "…lasting peace.\\n\\nRelated Articles\\n\\nLeave a
    Reply\\n\\nBack to top button" has three furniture lines.

    ## Fix
    Deletes the line with its newline. Safe: the line holds nothing else.

    ## Options
    `kinds`: the kinds to report (empty: all), e.g. `["comment-form", "share-bar"]`.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK001"
    name = "page-furniture"
    category = "junk"
    fixable = True
    default_options = {"kinds": Option([], items=str), "min_confidence": MIN_CONFIDENCE}

    prepare_only_loads = True

    def prepare(self) -> None:
        phrase_table()

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        wanted = set(self.options["kinds"])
        labels = phrase_table().kinds
        for line in phrase_lines(document):
            if not line.whole or (wanted and line.phrase.kind not in wanted):
                continue
            label = labels[line.phrase.kind]
            text = document.text[line.start : line.end]
            fix = delete_line(document, line.start, safe=True, description=f"delete the {label} line")
            yield self.finding(document, line.start, line.end, f"{label}: {text!r}", fix=fix), line.phrase.kind
