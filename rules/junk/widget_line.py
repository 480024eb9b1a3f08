"""JNK012: a line shaped like a web widget or a notice: a comment counter, a reply link, a score, a pager, code, a credit."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.lines import delete_line
from rules.junk.phrases import phrase_table
from rules.junk.widgets import widget_lines, widget_patterns

class WidgetLine(Calibrated, Rule):
    """A line whose whole text is a web widget: a comment counter, a reply link, a moderation score, a pager, code.

    ## What it flags
    A line that matches, as a whole, one of the widget shapes in
    `rules/junk/data/widget_lines.tsv` (kind, language, regular
    expression), with at most four characters of brackets, bullets or
    arrows around it:

    - comment furniture: reply and report links ("Reply", "[Reply]",
      "ReplyDelete", "Antworten", "답글"), comment counters ("15 comments",
      "156 Responses to “Shuteye”", "{ 69 comments… read them below or add
      one }", "12 Kommentare", "コメント 3件"), comment headers ("by jsmith
      (123456) writes:"), moderation scores ("Re: Not me! (Score:5,
      Insightful)", "12 points"), comment pagers ("← Previous Comments");
    - pagers and counters: "« Older post | Main | Newer post »", "Next
      post: …", "Image 3 of 12", "Page 2 of 5", "Seite 2 von 5", "18
      Photos", and a blog's archive links with their counts ("September
      2012 (13)", "März 2011 (4)");
    - a social handle or profile address alone ("Twitter: @example",
      "Facebook: www.facebook.com/example");
    - code a scraper kept: script lines ("var ga = document.createElement
      …"), style rules, template tags ("{{ title }}"), lines that open with
      an HTML tag ("<li role=\"menuitem\">").
    - credits and notices with no fixed first word: "X and Y contributed
      reporting from London.", "Write to Jane Doe at jane@example.com",
      "Source: Reuters" (an agency or a site; "Source: Ministry of Health"
      under a table is the table's own credit), and reprint and copyright
      footers of Korean, Japanese and Chinese sites ("무단 전재 및 재배포
      금지", "記事の無断転載を禁じます", "未经授权，禁止转载").

    The message names the kind.

    ## Why
    These are the controls of a page, not its text: each comment carries
    its reply link and score, each gallery its counter. They are short and
    carry no known phrase at their start, so the phrase rules miss them,
    but their shape is unmistakable.

    ## What it leaves alone
    The same words inside a sentence ("she declined to reply", "3 of the
    5 ministers"), and every line longer than 400 characters.

    ## Example
    "Re: (Score:3)" between two reader comments.

    ## Fix
    Deletes the line. Safe: the whole line is the widget.

    ## Options
    `kinds`: the kinds to report (empty: all), e.g. `["comment-count", "reply-link"]`.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK012"
    name = "widget-line"
    category = "junk"
    fixable = True
    default_options = {"kinds": Option([], items=str), "min_confidence": MIN_CONFIDENCE}

    prepare_only_loads = True

    def prepare(self) -> None:
        widget_patterns()
        phrase_table()

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        wanted = set(self.options["kinds"])
        labels = phrase_table().kinds
        text = document.text
        for line, kind in widget_lines(document):
            if wanted and kind not in wanted:
                continue
            fix = delete_line(document, line.start, safe=True, description=f"delete the {labels[kind]}")
            message = f"{labels[kind]}: {text[line.start : line.end]!r}"
            yield self.finding(document, line.start, line.end, message, fix=fix), kind
