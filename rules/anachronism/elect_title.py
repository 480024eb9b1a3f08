"""ANA003: "President-elect" (or any "-elect" title) outside the time between election and office."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from linter import Document, Finding, Option
from linter.document import DocumentDate
from linter.dates import date_span
from rules.anachronism.common import ONE_DAY, SHARED_OPTIONS, AnachronismRule, Reading, describe_date
from rules.anachronism.kb import Term


class ElectTitle(AnachronismRule):
    """An "-elect" title ("President-elect") for someone not between election and taking office on the document's date.

    ## What it flags
    "President-elect Donald Trump" in a text dated March 2017 (he took
    office on 2017-01-20) or in 2015 (long before the election), and any
    "-elect" form of a title in the knowledge base ("Prime Minister-elect").

    ## Why
    "-elect" is true for a few weeks. Copy that keeps it after the
    inauguration, or uses it before the vote, was written for another date.

    ## What it leaves alone
    Dates inside a recorded elect window (terms marked `elect: true` in the
    base) or, where none is recorded, within the office's
    `elect_window_days` (else the option `elect-window-days`) before a term
    of that person starts, or within 45 days after an `approximate` start;
    quotations, hypotheticals and sentences about another time (a year in
    which the person was elect); names that can mean more than one office
    holder; dates after the base's `as_of` date or before `coverage-start`.

    ## Example
    Dated 2025-06-02: "President-elect Donald Trump said" is flagged: Donald
    Trump took office as President of the United States on 2025-01-20.

    ## Options
    `elect-window-days`: how long before a term "-elect" is accepted when
    the base records no elect window (default 183). `extra-kb-files`: more
    knowledge-base files in the same YAML format, relative to the config
    file. `coverage-start`: the earliest date checked (ISO, default
    1990-01-01).
    """

    code = "ANA003"
    name = "elect-title"
    default_options = {**SHARED_OPTIONS, "elect-window-days": Option(183, minimum=0, maximum=3660)}

    def check_on(self, document: Document, date: DocumentDate) -> Iterator[Finding]:
        first, last = date_span(date)
        window = dt.timedelta(days=int(self.options["elect-window-days"]))
        for reading in self.readings(document):
            mention = reading.mention
            if not mention.elect or not self.in_coverage(reading, last):
                continue
            if any(first > office.as_of for office in reading.offices):
                continue
            if self.plausibly_elect(reading, first - ONE_DAY, last + ONE_DAY, window):
                continue
            around = self.sentence(document, reading, first, last)
            sentence = around.text
            if around.past_event or self.quoted(document, reading) or self.hypothetical(sentence) or self.about_other_time(sentence, around.mention_at):
                continue
            if any(self.plausibly_elect(reading, *year, window) for year in around.periods):
                continue
            yield self.report(document, reading, self.message(reading, date))

    def plausibly_elect(self, reading: Reading, first: dt.date, last: dt.date, window: dt.timedelta) -> bool:
        """Whether the person may have been "-elect" on some day in ``[first, last]``.

        That is inside a recorded elect window, or before a term's start (its
        latest, if the start is approximate) and within the office's
        ``elect_window_days`` (else ``window``) of it.
        """
        person = reading.person.id
        for office in reading.offices:
            windows = [t for t in office.terms if t.elect and t.person == person]
            if any(w.may_hold(first, last) for w in windows):
                return True
            before = dt.timedelta(days=office.elect_window_days) if office.elect_window_days is not None else window
            for term in office.tenures:
                recorded = any(w.end is not None and abs((w.end - term.start).days) <= 7 for w in windows)
                if term.person == person and not recorded and first < term.latest_start and last >= term.earliest_start - before:
                    return True
        return False

    def message(self, reading: Reading, date: DocumentDate) -> str:
        starts: list[tuple[str, Term]] = [(o.label, t) for o, t in reading.tenures()]
        taken = " and ".join(f"{label} on {term.start.isoformat()}" for label, term in starts)
        return f"{reading.person.name} was not \u201c-elect\u201d {describe_date(date)}: took office as {taken}"
