"""NUM003: a weekday that does not match the date beside it."""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from linter.dates import own_date
from rules.numeric.analysis import analyse
from rules.numeric.lexicon import FOLDS_TO_ASCII, calendar, month_pattern


OTHER_YEARS = 10
"""How far from the document's year a year that fits several year-less weekday dates is looked for."""


@cache
def weekday_date_pattern() -> regex.Pattern:
    weekday = "|".join(calendar()["weekdays"])
    month = month_pattern()
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d)(?!\d|\s*(?:gmt|bst|cet|utc|hrs|h\b|local)))?"
    return regex.compile(
        rf"\b(?P<weekday>{weekday})\b,?[ \t]+(?:\(\s*)?"
        rf"(?:(?P<month>{month})\.?[ \t]+{day}(?!\d)|(?:the[ \t]+)?{day}(?:[ \t]+of)?[ \t]+(?P<month2>{month})\b\.?)"
        rf"{year}",
        regex.IGNORECASE,
    )


@cache
def date_then_weekday_pattern() -> regex.Pattern:
    """A date followed by its weekday: "on 8 March, a Tuesday", "March 8, 2005, which was a Tuesday"."""
    weekday = "|".join(calendar()["weekdays"])
    month = month_pattern()
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d)(?!\d))?"
    return regex.compile(
        rf"(?<![\d\w])(?:(?P<month>{month})\.?[ \t]+{day}|{day}(?:[ \t]+of)?[ \t]+(?P<month2>{month})\b\.?){year}"
        rf",?[ \t]+(?:\(\s*)?(?:which[ \t]+(?:was|is|will[ \t]+be)[ \t]+)?a[ \t]+(?P<weekday>{weekday})\b",
        regex.IGNORECASE,
    )


@cache
def weekday_pattern() -> regex.Pattern:
    """A weekday name in the ASCII-lowered text: where ``weekday_date_pattern`` can match.

    Written with the names' common ending as a literal ("(?:mon|tues|...)day"), which the regex
    module finds about nine times faster than the stdlib engine scans the plain alternation."""
    names = list(calendar()["weekdays"])
    ending = os.path.commonprefix([name[::-1] for name in names])[::-1]
    stems = "|".join(regex.escape(name[: len(name) - len(ending)]) for name in names)
    return regex.compile(f"(?:{stems}){regex.escape(ending)}")


def _weekday_dates(text: str, lowered: str) -> Iterator[regex.Match]:
    """What ``weekday_date_pattern().finditer(text)`` finds, tried only where a weekday name starts.

    Scanning the lowered text for the names is several times faster than letting the
    case-insensitive pattern try every position."""
    pattern = weekday_date_pattern()
    if not text.isascii() and any(letter in text for letter in FOLDS_TO_ASCII):
        yield from pattern.finditer(text)
        yield from date_then_weekday_pattern().finditer(text)
        return
    resume = 0
    for name in weekday_pattern().finditer(lowered):
        if name.start() < resume:
            continue
        match = pattern.match(text, name.start()) or _date_before(text, name.start(), name.end())
        if match is not None:
            yield match
            resume = match.end()


def _date_before(text: str, start: int, end: int) -> regex.Match | None:
    """A date written just before the weekday name at text[start:end], whose match ends with it."""
    for match in date_then_weekday_pattern().finditer(text, max(0, start - 48), end):
        if match.end() == end:
            return match
    return None


def _nearest_date(month: int, day: int, around: dt.date) -> dt.date | None:
    """The date with this month and day nearest to the document's date (a year may be left out)."""
    options = []
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - around).days)) if options else None


class WeekdayMismatch(Rule):
    """A weekday that does not match the date it is given with.

    ## What it flags
    A weekday written next to a date ("Monday, May 16, 2025", "Friday 16 May",
    "on Tuesday (June 3)", "Tuesday the 9th of March", "on 9 March, a
    Tuesday", "March 9, 2005, which was a Tuesday") that falls on another day
    of the week. When the year is left out, the date nearest the document's
    date is taken. A year must stand on the date's line: a clock time on the
    next line ("1945 GMT") is not read as one.

    ## Why
    A wrong weekday means the day or the date is wrong, and readers cannot
    tell which; it is also a trace of copy recycled from another year.

    ## What it leaves alone
    Dates without a weekday; impossible dates (February 30), which say
    nothing about the weekday; dates without a year in undated documents.
    Year-less dates are also read against the date the text states, when the
    document's date came as metadata and disagrees (`own_date`), and two or
    more year-less dates that all fit one other year near it are left alone
    (a comment thread's "on Tuesday July 24" under each comment): then the
    document's date (often a crawl date) is what is wrong, not the weekdays.

    ## Example
    "The talks opened on Monday, May 16, 2025" is flagged: May 16, 2025 was a
    Friday.
    """

    code = "NUM003"
    name = "weekday-date-mismatch"
    category = "numeric"

    prepare_only_loads = True

    def prepare(self) -> None:
        weekday_date_pattern()
        date_then_weekday_pattern()
        weekday_pattern()

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        lowered = analyse(document).lowered
        if "day" not in lowered:
            return
        weekdays = calendar()["weekdays"]
        months = calendar()["months"]
        assumed: list[tuple[regex.Match, dt.date, str]] = []
        for match in _weekday_dates(text, lowered):
            month = months[(match.group("month") or match.group("month2")).lower()]
            day = int(match.group("day"))
            written = match.group("weekday").lower()
            if match.group("year"):
                try:
                    date = dt.date(int(match.group("year")), month, day)
                except ValueError:
                    continue
                if weekdays[date.weekday()] != written:
                    yield self._finding(document, match, date, "")
                continue
            nearest = _nearest_date(month, day, document.date.value) if document.date is not None else None
            if nearest is not None and weekdays[nearest.weekday()] != written:
                assumed.append((match, nearest, written))
        stated = own_date(document, document.date) if assumed and document.date is not None else None
        if stated is not None:  # read by the page's own date too (looked for only when a weekday is off)
            assumed = [item for item in assumed if not _fits(item, stated.value)]
        if len(assumed) > 1 and _another_year(assumed):
            return  # every year-less date fits one other year: the document's date is what is wrong
        for match, date, _written in assumed:
            yield self._finding(document, match, date, f" (year {date.year} taken from the document's date)")

    def _finding(self, document: Document, match: regex.Match, date: dt.date, note: str) -> Finding:
        actual = calendar()["weekdays"][date.weekday()]
        written = match.group("weekday").lower()
        return self.finding(
            document,
            match.start(),
            match.end(),
            f"{date:%B} {date.day}, {date.year} was a {actual.capitalize()}, not a {written.capitalize()}{note}",
        )


def _fits(assumed: tuple[regex.Match, dt.date, str], around: dt.date) -> bool:
    """Whether a year-less weekday and date fit the date of that day and month nearest ``around``."""
    _match, date, written = assumed
    nearest = _nearest_date(date.month, date.day, around)
    return nearest is not None and calendar()["weekdays"][nearest.weekday()] == written


def _another_year(assumed: list[tuple[regex.Match, dt.date, str]]) -> bool:
    """Whether one year within ``OTHER_YEARS`` of the assumed one fits every year-less weekday and date."""
    weekdays = calendar()["weekdays"]
    base = assumed[0][1].year
    for year in range(base - OTHER_YEARS, base + OTHER_YEARS + 1):
        fits = True
        for _match, date, written in assumed:
            try:
                fits = weekdays[dt.date(year, date.month, date.day).weekday()] == written
            except ValueError:
                fits = False
            if not fits:
                break
        if fits:
            return True
    return False
