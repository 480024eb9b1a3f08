"""JNK013: the readers' comments under an article, from their heading to their end (off by default)."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import Calibrated
from rules.junk.context import context
from rules.junk.lines import delete_lines
from rules.junk.phrases import phrase_lines
from rules.junk.regions import furniture_regions
from rules.junk.widgets import widget_lines

COMMENT_WIDGETS = frozenset({"comment-count", "comment-header", "reply-link", "moderation", "comment-pager"})
MIN_COMMENT_LINES = 2


class CommentsRegion(Calibrated, Rule):
    """The readers' comments kept under an article: from the comments heading to the end of the comments.

    ## What it flags
    One region per document, from the first comments signal after the start
    of the article's prose to the last line before the page's closing
    furniture (a menu or link list after it) or the end of the text. A
    comments signal is a comment counter or a "Comments" heading ("17
    Responses to …", "149 Comments", "Kommentare"), a comment form ("Leave a
    Reply"), or the first reply link or moderation score ("Reply", "Re:
    (Score:4, Insightful)"). The region must hold at least two lines
    besides its heading. The message names the signal and counts the reply
    links and scores inside.

    ## Why
    After a recognised comments heading, almost nothing on a real page is
    article text again. Comments are other people's writing, often off
    topic, and for many uses (an archive of articles, a training set of
    edited prose) they are not the document.

    ## What it leaves alone
    Everything before the first signal, the article's own prose, and the
    page's closing furniture (other rules report that). Off by default:
    whether comments belong to a corpus depends on its use (trafilatura's
    `include_comments`, Dragnet's separate content and comments labels), so
    select it by its code to strip them.

    ## Example
    "…the end of the story.\\n149 Comments\\nGreat piece!\\nReply\\nI
    disagree.\\n" is one comments region from "149 Comments" on.

    ## Fix
    Deletes the region. Unsafe.

    ## Options
    `min_confidence` (default 0.0): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK013"
    name = "comments-region"
    category = "junk"
    fixable = True
    enabled_by_default = False
    default_options = {"min_confidence": Option(0.0, minimum=0, maximum=1)}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        model = context(document)
        if not model.has_core:
            return
        lines = model.lines
        text = document.text
        signals = [(line, kind) for line, kind in widget_lines(document) if kind in COMMENT_WIDGETS]
        headings = [p for p in phrase_lines(document) if p.whole and p.phrase.kind == "comment-form"]
        by_start = {line.start: line for line in lines}
        candidates = [(line.index, line, kind) for line, kind in signals]
        candidates += [(by_start[p.start].index, by_start[p.start], "comment heading") for p in headings if p.start in by_start]
        candidates = [c for c in candidates if c[0] > model.core_start]
        if not candidates:
            return
        first_index, first, kind = min(candidates, key=lambda candidate: candidate[0])
        last_index = len(lines) - 1
        for region in furniture_regions(document):
            if region.lines[0].index > first_index:
                last_index = region.lines[0].index - 1
                break
        if last_index - first_index < MIN_COMMENT_LINES:
            return
        last = lines[last_index]
        inside = sum(1 for line, _kind in signals if first_index <= line.index <= last_index)
        message = (
            f"readers' comments: {last_index - first_index + 1} lines from {text[first.start : first.end][:40]!r}"
            f" ({kind}), {inside} reply links, counters or scores inside"
        )
        fix = delete_lines(document, first.start, last.end, description="delete the comments")
        yield self.finding(document, first.start, last.end, message, fix=fix), "comments"
