"""NUM006: an age that does not match a birth year given with it."""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from rules.numeric.figures import _alternation, _word_list, month_pattern, sentences, word_set

AGE = regex.compile(
    r"(?:(?<=\p{Lu}[\p{L}.'’-]*),\s+(?P<a1>\d{1,3}),|(?P<a2>\d{1,3})-year-old\b|\baged\s+(?P<a3>\d{1,3})\b)"
)
YEAR = regex.compile(r"(?<!\d)(?:18|19|20)\d\d(?!\d)")


@cache
def born_pattern() -> regex.Pattern:
    month = month_pattern()
    return regex.compile(
        rf"\b(?:born|b\.)\s+(?:(?:in|on)\s+)?(?:(?:{month})\.?\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+(?:{month})\.?,?\s+)?"
        rf"(?P<year>(?:18|19|20)\d\d)(?!\d)",
        regex.IGNORECASE,
    )


@cache
def past_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('death_words.txt'))})\b", regex.IGNORECASE)


class AgeBirthYearMismatch(Rule):
    """An age that does not match the birth year given with it.

    ## What it flags
    An age ("Smith, 45,", "a 45-year-old", "aged 45") and a birth year
    ("born in 1970", "born March 3, 1970", "b. 1970") in the same sentence
    that do not agree at the document's date: someone born in 1970 is 54 or
    55 in 2025.

    ## Why
    A wrong age is a typo or stale copy (an old profile reused without
    updating the age); either way a fact in the text is wrong.

    ## What it leaves alone
    Ages at death or at an earlier time (sentences with "died", "late",
    "was", "when", "at the time"...), sentences that mention another year,
    and undated documents.

    ## Example
    In a document dated 2025-06-02, "Jane Smith, 45, born in 1970, leads the
    party" is flagged at "45": she is 54 or 55.
    """

    code = "NUM006"
    name = "age-birth-year-mismatch"
    category = "numeric"

    def prepare(self) -> None:
        born_pattern()
        past_pattern()
        word_set("abbreviations.txt")

    def check(self, document: Document) -> Iterator[Finding]:
        if document.date is None or "born" not in document.text and "b." not in document.text:
            return
        text = document.text
        today = document.date.value.year
        for start, end in sentences(document):
            born = born_pattern().search(text, start, end)
            if born is None or past_pattern().search(text, start, end):
                continue
            birth_year = int(born.group("year"))
            if any(int(y.group()) != birth_year for y in YEAR.finditer(text, start, end)):
                continue
            for age in AGE.finditer(text, start, end):
                group = next(g for g in ("a1", "a2", "a3") if age.group(g))
                stated = int(age.group(group))
                expected = (today - birth_year - 1, today - birth_year)
                if stated not in expected and 0 < expected[1] < 130:
                    yield self.finding(
                        document,
                        age.start(group),
                        age.end(group),
                        f"age {stated}, but someone born in {birth_year} is {expected[0]} or {expected[1]} "
                        f"at the document's date ({document.date})",
                        related=[document.location(born.start(), born.end(), "birth year")],
                    )
