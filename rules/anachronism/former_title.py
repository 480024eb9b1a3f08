"""ANA002: "former" or "ex-" before the title of someone who held it on the document's date."""

from __future__ import annotations

from typing import Iterator

from linter.document import DocumentDate
from linter import Document, Finding
from linter.dates import date_span
from rules.anachronism.common import ONE_DAY, AnachronismRule, describe_date, describe_terms


class FormerTitleSitting(AnachronismRule):
    """"former" (or "ex-") before the title of someone who held that office on the document's date.

    ## What it flags
    "former US President Donald Trump" in a text dated 2025, "ex-Chancellor
    Angela Merkel" in 2010: the person held the office on every day the
    document's date may mean. The message gives the term that covers the
    date and which document date (and its source) was used.

    ## Why
    Copy written during someone's time out of office, reused after their
    return (or a model's stale knowledge), makes the sitting holder "former";
    it tells readers the opposite of the truth.

    ## What it leaves alone
    "former" for someone out of that office on the date, even if they hold
    another one; a sentence about another time ("said in 2023", "at the
    time", a year in which they did not hold the office, in the sentence or
    an earlier year earlier in its paragraph); quotations; names
    that can mean more than one office holder; the handover day and the day
    either side of it, and 45 days either side of an `approximate` boundary;
    dates after the knowledge base's `as_of` date (the open term is then
    unknown, not proof) or before `coverage-start`.

    ## Example
    Dated 2025-06-02: "a proposal initially put forth by former US President
    Donald Trump" is flagged: Donald Trump was President of the United States
    from 2025-01-20.

    ## Options
    `extra-kb-files`: more knowledge-base files in the same YAML format,
    relative to the config file. `coverage-start`: the earliest date checked
    (ISO, default 1990-01-01).
    """

    code = "ANA002"
    name = "former-title-sitting"

    def check_on(self, document: Document, date: DocumentDate) -> Iterator[Finding]:
        first, last = date_span(date)
        for reading in self.readings(document):
            mention = reading.mention
            if not mention.former or mention.elect or not self.in_coverage(reading, last):
                continue
            sitting = [
                (office, term)
                for office, term in reading.tenures()
                if term.surely_holds(first - ONE_DAY, last + ONE_DAY) and (term.end is not None or last <= office.as_of)
            ]
            if not sitting:
                continue
            around = self.sentence(document, reading, first, last)
            if self.quoted(document, reading) or self.about_other_time(around.text, around.mention_at):
                continue
            tenures = reading.tenures()
            years = around.periods + [y for y in around.earlier_years if y[1] < first]
            if any(not any(t.surely_holds(*year) for _o, t in tenures) for year in years):
                continue
            office, term = sitting[0]
            yield self.report(
                document,
                reading,
                f"\u201cformer\u201d, but {reading.person.name} was {office.label} "
                f"{describe_date(date)}: in office {describe_terms([term], office.as_of)}",
            )
