"""JNK011: a menu left in the text: a run of short labels outside the article ("Home", "Sports", "Contact us")."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.context import context
from rules.junk.lines import delete_lines
from rules.junk.regions import furniture_regions


class MenuBlock(Calibrated, Rule):
    """A run of short label lines outside the article: a site's menu, category list or footer links.

    ## What it flags
    A run of at least `min_lines` consecutive lines outside the article
    core, each short (at most 20 words), not a sentence, and Title Case or
    without function words, most of them labels of at most three words:
    "Home / News / Sports / Entertainment / Contact us", "Categories /
    Meta / Personal / Politics", "Privacy Policy / Terms of Use / Site
    Map". One finding covers the whole run.

    The article core is the run of lines with the most prose in it
    (sentences full of function words, counted with jusText's stop-word
    list of the document's language); the two lines just before it are its
    header (title, byline) and are never part of a menu. A text without
    any prose has no core and is left alone.

    ## Why
    On a page scraped to text most junk is navigation: runs of link labels
    before and after the story. No phrase list knows every site's section
    names, but their shape and place give them away.

    ## What it leaves alone
    Lists inside the article (the core stretches over them when prose
    follows), the article's title and byline, runs shorter than
    `min_lines`, and lines that read as sentences.

    ## Example
    "Home\\nNews\\nSport\\nWeather\\n" above the first paragraph of a story.

    ## Fix
    Deletes the run. Unsafe: judged by shape and place.

    ## Options
    `min_lines` (default 3): the fewest lines that make a menu. Raise it to
    trade recall for precision.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK011"
    name = "menu-block"
    category = "junk"
    fixable = True
    default_options = {"min_lines": Option(3, minimum=2), "min_confidence": MIN_CONFIDENCE}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        min_lines = self.options["min_lines"]
        model = context(document)
        for region in furniture_regions(document):
            if region.kind != "menu" or len(region.lines) < min_lines:
                continue
            fix = delete_lines(document, region.start, region.end, description="delete the menu")
            yield self.finding(document, region.start, region.end, f"menu: {region.describe(model)}", fix=fix), region.signal(model)
