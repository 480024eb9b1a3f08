"""The times a sentence speaks of, as date ranges: written years and relative expressions.

"In 1984", "the 1990s" and "2019-20" name years; "last year", "earlier this
year", "last month", "last summer" or "in March" name a time relative to the
document's date. A title given to someone in such a sentence may be the one
they held then ("MPs criticised Home Secretary X last year"), so the rules
check the title against these periods as well as against the document date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
"""Months of each season; winter runs into the next year (months 13 and 14)."""
_RELATIVE = re.compile(
    r"(?<![\w-])(?:"
    r"(?:last|previous)\s+year|the\s+year\s+before|a\s+year\s+earlier"
    r"|(?P<past_year>(?:the\s+)?past\s+(?:year|twelve\s+months|12\s+months))"
    r"|(?P<this_year>earlier\s+this\s+year|so\s+far\s+this\s+year)"
    r"|(?P<last_month>last|previous)\s+month|(?P<this_month>earlier\s+this\s+month)"
    r"|(?P<last_week>last|previous)\s+week"
    r"|last\s+(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?:in|last|since|until|early|late|mid|mid-)\s*(?P<month>" + "|".join(m.title() for m in MONTHS) + r")\b(?!\s*,?\s*\d)"
    r")(?![\w-])",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r"[,;:\u2014\u2013]|[ \t\u00a0]-[ \t\u00a0]|\b(?:who|whose|whom|which)\b")
_PARENTHESIS = re.compile(r"[ \t\u00a0]*\([^()\n]{0,80}\)")


def clause_end(sentence: str, after: int) -> int:
    """Where the clause that goes on at ``after`` (a mention's end) stops: at a comma, dash, colon or
    relative pronoun, past a bracket that follows at once ("President X (2021-2025) signed").

    A time in that clause dates the mention ("criticised Home Secretary X last year"); one in a
    clause set off from it ("President X, who led the party between 1983 and 1990, campaigned")
    dates something else.
    """
    parenthesis = _PARENTHESIS.match(sentence, after)
    start = parenthesis.end() if parenthesis else after
    found = _CLAUSE_BREAK.search(sentence, start)
    return found.start() if found else len(sentence)


def clause_start(sentence: str, before: int) -> int:
    """Where the clause holding ``before`` (a mention's start) begins: after the last comma, dash,
    colon or relative pronoun before it, or the sentence's start."""
    start = 0
    for found in _CLAUSE_BREAK.finditer(sentence, 0, before):
        start = found.end()
    return start


OPENING_WORDS = 5
"""The longest introductory phrase that dates a whole sentence ("In March last year, ...")."""


def opening(sentence: str) -> str:
    """The sentence's introductory phrase ("Last year, ..."): up to its first clause break, if that is
    at most ``OPENING_WORDS`` words in; else nothing."""
    found = _CLAUSE_BREAK.search(sentence)
    phrase = sentence[: found.start()] if found else ""
    return phrase if len(phrase.split()) <= OPENING_WORDS else ""


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month; months past 12 run into the next years."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _recent(first_month: int, last_month: int, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The months ``first_month..last_month`` of any year that may be the ones meant: begun by the
    document's date and ended at most a year before it ("in March" in June 2005 is March 2005)."""
    year_before = first - dt.timedelta(days=365)
    spans = [(month_range(year, first_month)[0], month_range(year, last_month)[1]) for year in range(first.year - 1, last.year + 1)]
    return [(start, min(end, last)) for start, end in spans if start <= last and end >= year_before]


def relative_periods(sentence: str, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The periods the sentence's relative time expressions may mean, for a document dated ``[first, last]``.

    Each is taken broadly (any day it may mean), since a rule uses it only
    to stay silent: "last summer" in a text of 2005 is June 2004 to August 2005.
    """
    periods = []
    for match in _RELATIVE.finditer(sentence):
        if match.group("month") and match.group("month")[0].islower():
            continue  # "in may", "mid march" as words, not months
        if match.group("past_year"):
            periods.append((first - dt.timedelta(days=366), last))
        elif match.group("this_year"):
            periods.append((dt.date(first.year, 1, 1), last))
        elif match.group("this_month"):
            periods.append((first.replace(day=1), last))
        elif match.group("last_week"):
            periods.append((first - dt.timedelta(days=14), last))
        elif match.group("last_month"):
            periods.append((month_range(first.year, first.month - 1)[0], month_range(last.year, last.month - 1)[1]))
        elif match.group("season"):
            periods.extend(_recent(*SEASONS[match.group("season").lower()], first, last))
        elif match.group("month"):
            number = MONTHS.index(match.group("month").lower()) + 1
            periods.extend(_recent(number, number, first, last))
        else:
            periods.append((dt.date(first.year - 1, 1, 1), dt.date(last.year - 1, 12, 31)))
    return periods
