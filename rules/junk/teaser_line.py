"""JNK002: a line led by a teaser or box phrase ("READ MORE: <headline>")."""

from __future__ import annotations

import re
from functools import cache
from typing import Iterator

from linter import Document, Finding, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.lines import delete_line
from rules.junk.phrases import phrase_lines, phrase_table, slots


@cache
def relative_time() -> re.Pattern[str]:
    """A count and a unit of time ("2 Stunden", "5 minutos"): a time stamp a widget computed, not the article's date."""
    return re.compile(rf"(?:{slots()['number']})\s*(?:{slots()['time-unit']})\b", re.IGNORECASE)


class TeaserLine(Calibrated, Rule):
    """A line that a known lead phrase opens: a read-more teaser, a call-out box, a notice.

    ## What it flags
    A line that starts with a lead phrase and goes on with other text:
    "READ MORE: <an unrelated headline>", "See also <headline>",
    "Related: …", "Lesen Sie auch: …", "À lire aussi : …"; boxes a template
    inserts into the story ("Did you know? …", "Pro Tip: …"); and notices
    ("This site uses Akismet to reduce spam…", "We use cookies…",
    "© 2025 … All rights reserved", "Sign up for our Politics newsletter
    to…", "Breaking news alerts: get the latest on Turkey sent to your
    phone", "Dieser Artikel ist nur für Abonnenten verfügbar…"); time stamps
    ("Publié le 12 mars 2024 à 10h42") and author boxes ("More by Jane
    Carter").

    Teasers, link labels, time stamps and author boxes ("read-more",
    "related-links", "navigation", "social-follow", "timestamp",
    "author-box" kinds) count only when the rest of the line is
    headline-sized (at most 30 words) and, unless the lead ends in a colon,
    not a sentence ending in a full stop; a paragraph that happens to start
    with "See also" or "Publié le 3 mars" is left alone. A time stamp
    that gives a date ("Published: July 24, 2012") is most often the
    article's own date line, and measured below the default
    `min_confidence`; one that counts time ("Aktualisiert vor 2 Stunden")
    is a widget's, and is reported. Phrases are data
    (`rules/junk/data/phrases.tsv`, position `lead`; templates as for
    JNK001).

    ## Why
    A teaser links to another story: its headline is a sentence about
    something else, spliced into the article. Call-out boxes and notices are
    template text, repeated on every page of a site.

    ## What it leaves alone
    The phrase anywhere but at the start of its line ("as we see also in
    Kyiv"), and lines where the phrase is alone (the page-furniture rule,
    JNK001, reports those).

    ## Example
    "READ MORE: Woman suffers miscarriage after paramedic gave her drug"
    between two paragraphs of a report on peace talks.

    ## Fix
    Deletes the line with its newline. Unsafe: the rest of the line is
    judged by its lead phrase only.

    ## Options
    `kinds`: the kinds to report (empty: all), e.g. `["read-more", "callout"]`.
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK002"
    name = "teaser-line"
    category = "junk"
    fixable = True
    default_options = {"kinds": Option([], items=str), "min_confidence": MIN_CONFIDENCE}

    prepare_only_loads = True

    def prepare(self) -> None:
        phrase_table()
        relative_time()

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        wanted = set(self.options["kinds"])
        labels = phrase_table().kinds
        for line in phrase_lines(document):
            if line.whole or (wanted and line.phrase.kind not in wanted):
                continue
            label = labels[line.phrase.kind]
            lead = document.text[line.start : line.rest_start].strip()
            fix = delete_line(document, line.start, safe=False, description=f"delete the {label}")
            signal = line.phrase.kind
            if signal == "timestamp" and relative_time().search(document.text, line.rest_start, line.end):
                signal = "timestamp-relative"
            yield self.finding(document, line.start, line.end, f"{label} led by {lead!r}", fix=fix), signal

