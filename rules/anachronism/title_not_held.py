"""ANA001: a title given as current to someone who did not hold it on the document's date."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from linter import Document, Finding
from linter.document import DocumentDate
from linter.dates import date_span
from rules.anachronism.common import ONE_DAY, AnachronismRule, Reading, describe_date, describe_terms, holders
from rules.anachronism.matcher import cues


class TitleNotHeld(AnachronismRule):
    """A title given as current to someone who did not hold that office on the document's date.

    ## What it flags
    A person named with an office's title, as its current holder ("UK Prime
    Minister Boris Johnson", "President Joe Biden", "Chancellor Olaf
    Scholz"), when the knowledge base says they did not hold that office on
    the document's date: before their term, after it, or between two terms.
    The message gives the person's terms and who held the office on that
    date, and which document date (and its source) was used.

    ## Why
    Text recycled from an older article, or written by a model with an old
    cut-off, keeps titles that were true once: "UK Prime Minister Boris
    Johnson" in a report of talks held in May 2025. Readers are misled about
    who holds power; no spell checker sees it.

    ## What it leaves alone
    "former", "ex-", "then-" and "the late" titles (ANA002 checks "former"),
    also with a party or qualifier between ("ex-Labour chancellor", "former
    long-serving prime minister"); a sentence about another time: a year the
    person held the office, written before the mention, in its own clause
    ("criticised Home Secretary X in 2003") or earlier in its paragraph, but
    not in a clause set off after it ("President X, who led the party from
    1983 to 1990, campaigned"); a relative time in the mention's clause or
    the sentence's opening ("criticised Home Secretary X last year", "Last
    March, ..."); "at the time", "during his presidency", "years ago" (not
    "then" that orders events, as in "and then flew to Paris" or "was then
    sworn in by"); the mention as the object of a past event ("the
    assassination of", "attempts on", "the bombing that nearly killed",
    "succeeded"); quotations;
    hypotheticals ("would", "if", "a President Trump"); talk of elections and
    candidates, for someone who took the office later (or may have, after
    the base's `as_of` date); titles of other bodies ("Microsoft President
    Brad Smith", "deputy prime minister", "shadow chancellor"); a name that
    can be more than one office holder ("President Bush", "President Lee"); a title
    whose jurisdiction is named and differs; dates before `coverage-start`
    or before the base's first term for that office; the handover day and
    the day either side of it, and 45 days either side of a boundary the
    base marks `approximate`. A year- or month-precision date flags only
    when the person held the office on no day of that year or month.
    Titles kept for life in retrospect ("Pope John Paul II", "Queen
    Elizabeth II") are flagged only with a recent-time cue in the sentence
    ("said on Sunday", "today", "this week").

    ## Example
    Dated 2025-06-02: "UK Prime Minister Boris Johnson called out Putin" is
    flagged: Boris Johnson was Prime Minister of the United Kingdom from
    2019-07-24 to 2022-09-06; on 2025-06-02 it was Keir Starmer.
    "Former UK Prime Minister Boris Johnson" and "In 2021, President Biden
    signed" are not.

    ## Options
    `extra-kb-files`: more knowledge-base files in the same YAML format
    (company CEOs, coaches, a national cabinet), relative to the config
    file. `coverage-start`: the earliest date checked (ISO, default
    1990-01-01).
    """

    code = "ANA001"
    name = "title-not-held"

    def check_on(self, document: Document, date: DocumentDate) -> Iterator[Finding]:
        first, last = date_span(date)
        for reading in self.readings(document):
            mention = reading.mention
            if mention.elect or mention.former or mention.not_current or not self.in_coverage(reading, last):
                continue
            tenures = reading.tenures()
            if any(term.may_hold(first - ONE_DAY, last + ONE_DAY) for _office, term in tenures):
                continue
            around = self.sentence(document, reading, first, last)
            sentence = around.text
            if around.past_event or self.quoted(document, reading) or self.hypothetical(sentence) or self.about_other_time(sentence, around.mention_at):
                continue
            if self.may_hold_later(reading, last) and cues().says(cues().future, sentence):
                continue
            years = around.periods + around.earlier_years
            if any(term.may_hold(*year) for year in years for _office, term in tenures):
                continue
            if any(o.titled_for_life for o in reading.offices) and not cues().says(cues().recent_time, sentence):
                continue
            yield self.report(document, reading, self.message(reading, date, first, last))

    @staticmethod
    def may_hold_later(reading: Reading, last: dt.date) -> bool:
        """Whether the person has a term after the date, or may have one the base does not know yet.

        Only then can talk of an election or a campaign be about a future
        term; someone whose terms all ended before the date is given a stale title.
        """
        return any(term.start > last for _office, term in reading.tenures()) or any(last > o.as_of for o in reading.offices)

    def message(self, reading: Reading, date: DocumentDate, first: dt.date, last: dt.date) -> str:
        office = max(reading.offices, key=lambda o: max(t.start for t in o.tenures if t.person == reading.person.id))
        terms = [t for t in office.tenures if t.person == reading.person.id]
        text = f"{reading.person.name} was {office.label} {describe_terms(terms, office.as_of)}"
        if first > office.as_of:
            names = holders(self.kb, office, office.as_of, office.as_of)
            current = f"; as of {office.as_of.isoformat()} (the end of the knowledge base) it was {' and '.join(names)}" if names else ""
            return f"{text}{current}; checked against the document date {date} (from {date.source})"
        names = holders(self.kb, office, first, last)
        current = f" it was {' and '.join(names)}" if names else " the knowledge base has no holder"
        return f"{text}; {describe_date(date)}{current}"
