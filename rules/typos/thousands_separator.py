"""TYP: a space after a thousands comma ("6, 000" for "6,000")."""

from __future__ import annotations

from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule

# "6, 000", "1, 000, 000", "12, 050": a group that starts with 0 is never a number on its own,
# so the comma cannot be separating two numbers of a list.
BROKEN = regex.compile(r"(?<![\d.,])\d{1,3}(?:,[ \u00a0]?\d{3})*,[ \u00a0]0\d{2}(?:,[ \u00a0]?\d{3})*(?![\d.,]\d)")
SPACE_AFTER_COMMA = regex.compile(r",[ \u00a0]")


class BrokenThousandsSeparator(Rule):
    """A thousands separator followed by a space ("6, 000 prisoners").

    ## What it flags
    A number whose thousands comma is followed by a space, when the group
    after it starts with 0 ("6, 000", "1, 000, 000", "12, 050"): such a group
    cannot be a number of its own, so the comma is a separator, not a list.

    ## Why
    Spinners and careless conversions insert a space after every comma,
    splitting numbers in two; a reader or a number extractor then sees "6"
    and "000".

    ## What it leaves alone
    Lists of numbers ("in 2019, 2020 and 2021", "rooms 1, 200 and 300"),
    where the space belongs, and well-formed numbers (6,000).

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
        for match in BROKEN.finditer(document.text):
            number = match.group()
            repaired = SPACE_AFTER_COMMA.sub(",", number)
            start, end = match.span()
            fix = Fix.replace(start, end, repaired, description=f"write {repaired}")
            yield self.finding(document, start, end, f"broken thousands separator: {number!r} should be {repaired!r}", fix=fix)
