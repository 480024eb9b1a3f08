"""JNK008: the share of a document's lines that are junk (info, off by default)."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule, Severity
from rules.junk.breadcrumb import Breadcrumb
from rules.junk.link_list import LinkList
from rules.junk.media_credit import MediaCredit
from rules.junk.page_furniture import PageFurniture
from rules.junk.repeated_line import RepeatedLine
from rules.junk.site_residue import SiteNameResidue
from rules.junk.teaser_line import TeaserLine

LINE_RULES = (PageFurniture, TeaserLine, Breadcrumb, RepeatedLine, MediaCredit, SiteNameResidue, LinkList)


class JunkShare(Rule):
    """A document whose lines are largely page furniture: a scrape of a page, not an article.

    ## What it flags
    A document of at least `min_lines` non-blank lines of which the share
    `max_share` (default 0.3) or more is flagged by the junk line rules
    (JNK001 to JNK006 and JNK010, with their default options). One info finding spans
    the document.

    ## Why
    A few junk lines can be deleted; a document that is mostly furniture
    (a section front, a tag page, a cookie wall) is better dropped. FineWeb
    (Penedo et al. 2024, "The FineWeb Datasets", section 3.4) drops
    documents on similar line-share evidence, e.g. 67% or more of lines
    shorter than 30 characters; this rule counts lines known to be junk
    instead of short lines, which also catches real headings.

    ## What it leaves alone
    Documents with a few junk lines, and short documents (fewer than
    `min_lines` non-blank lines). Off by default; info severity.

    ## Example
    A "document" of a language picker, a breadcrumb, a share bar and two
    lines of text.

    ## Options
    `max_share` (default 0.3): the share of junk lines that is reported.
    `min_lines` (default 5): the fewest non-blank lines a document needs.
    """

    code = "JNK008"
    name = "junk-share"
    category = "junk"
    severity = Severity.INFO
    enabled_by_default = False
    default_options = {"max_share": Option(0.3, minimum=0, maximum=1), "min_lines": Option(5, minimum=1)}

    def check(self, document: Document) -> Iterator[Finding]:
        nonblank = sum(1 for _start, _end, line in document.lines() if line.strip())
        if nonblank < self.options["min_lines"]:
            return
        junk_lines = {f.location.line for rule in LINE_RULES for f in rule().check(document)}
        share = len(junk_lines) / nonblank
        if share >= self.options["max_share"]:
            message = f"{len(junk_lines)} of {nonblank} lines ({share:.0%}) are page furniture"
            yield self.finding(document, 0, len(document.text), message)
