"""TYP: a space after a thousands comma ("6, 000" for "6,000")."""

from __future__ import annotations

import calendar
from typing import Iterator, NamedTuple

import regex

from linter import Document, Finding, Fix, Rule

# A run of digit groups joined by commas, each comma with at most one space after it. Possessive
# throughout, and every group starts at a comma, so a chain is matched in one pass: no backtracking.
CHAIN = regex.compile(r"\d++(?:,[ \u00a0]?+\d++)*+")
GROUP = regex.compile(r"(,[ \u00a0]?)?(\d+)")
SPACED_GROUP = regex.compile(r",[ \u00a0]\d")
CURRENCY = frozenset("$£€¥₹₽")
NUMBER_GOES_ON = regex.compile(r"[ \u00a0]+(?!(?:and|or|nor|to)\b)\p{Ll}")
"""A lower-case word that goes on with the sentence ("2, 500 new jobs"); a list of numbers goes on with
"and", "or", a comma or another number ("rooms 1, 200 and 300", "aged 7, 300 or so"), a table with a capital."""
WORD_BEFORE = regex.compile(r"(\p{L}+)[ \u00a0]*$")
MONTHS = frozenset(name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
"""A day of the month before a comma ("March 3, 400 people") is a date, not a number's first group."""


class Group(NamedTuple):
    """One group of digits in a chain, with the separator before it ("" for the first)."""

    separator: str
    digits: str
    start: int
    end: int


class BrokenThousandsSeparator(Rule):
    """A thousands separator followed by a space ("6, 000 prisoners").

    ## What it flags
    A number whose thousands comma is followed by a space: when the group
    after it starts with 0 ("6, 000", "1, 000, 000", "12, 050"), which cannot
    be a number of its own; in money ("$30, 000", "£1, 200"); and when the
    number goes on into the sentence as one ("2, 500 new jobs", "47, 812
    fans"), where a list of numbers would go on with "and", "or", a comma
    or another number.

    ## Why
    Spinners and careless conversions insert a space after every comma,
    splitting numbers in two; a reader or a number extractor then sees "6"
    and "000".

    ## What it leaves alone
    Lists of numbers ("in 2019, 2020 and 2021", "rooms 1, 200 and 300",
    "aged 7, 300 or so"), dates ("March 3, 400 people"), decimals after
    the comma ("3, 0.5"), and well-formed numbers (6,000).

    ## Example
    "the exchange of 6, 000 prisoners" becomes "the exchange of 6,000 prisoners".

    ## Fix
    Removes the spaces after the commas; safe.
    """

    code = "TYP006"
    name = "broken-thousands-separator"
    category = "typo"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        # Every broken number has a comma and a space before a digit; most texts have none.
        if SPACED_GROUP.search(text) is None:
            return
        for chain in CHAIN.finditer(text):
            if "," not in chain.group():
                continue
            groups = [Group(m.group(1) or "", m.group(2), *m.span(2)) for m in GROUP.finditer(text, *chain.span())]
            after_point_or_comma = chain.start() > 0 and text[chain.start() - 1] in ".,"
            for first, last in _numbers(groups, after_point_or_comma):
                run = groups[first : last + 1]
                if not _broken(text, run):
                    continue
                start, end = run[0].start, run[-1].end
                number = text[start:end]
                repaired = ",".join(group.digits for group in run)
                fix = Fix.replace(start, end, repaired, description=f"write {repaired}")
                yield self.finding(document, start, end, f"broken thousands separator: {number!r} should be {repaired!r}", fix=fix)


def _broken(text: str, run: list[Group]) -> bool:
    """Whether a run of groups is one number with a space after a comma.

    A group after a comma and a space that starts with 0 cannot be a number of its own. Other
    groups can, in a list ("rooms 1, 200 and 300"): the run is a broken number when money
    ("$30, 000", "£1, 200") or when what follows does not continue a list of numbers and what
    precedes is no date ("2, 500 new jobs", but not "March 3, 400 people").
    """
    spaced = [group for group in run[1:] if group.separator != ","]
    if not spaced:
        return False
    if any(group.digits.startswith("0") for group in spaced):
        return True
    start, end = run[0].start, run[-1].end
    if start > 0 and text[start - 1] in CURRENCY:
        return True
    before = WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is not None and before.group(1).lower() in MONTHS:
        return False
    return NUMBER_GOES_ON.match(text, end) is not None


def _numbers(groups: list[Group], after_point_or_comma: bool) -> Iterator[tuple[int, int]]:
    """The runs of ``groups`` that can be one number (first and last index): a leading group of one to
    three digits, then every following group of exactly three digits.

    A group can lead after a comma and a space (as in a list), not after a bare comma; the chain's
    first group cannot lead after a decimal point or a comma ("3.5, 000").
    """
    index = 0
    while index < len(groups):
        group = groups[index]
        leads_a_number = group.separator != "," if index else not after_point_or_comma
        if len(group.digits) > 3 or not leads_a_number:
            index += 1
            continue
        last = index
        while last + 1 < len(groups) and len(groups[last + 1].digits) == 3:
            last += 1
        if last > index:
            yield index, last
        index = last + 1
