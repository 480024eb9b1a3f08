"""NUM006: an age that does not match a birth year, or another age, given for the same person."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Iterator

import regex

from linter import Document, Finding, Rule

from rules.numeric.analysis import analyse
from rules.numeric.lexicon import alternation, calendar, month_pattern, word_list, word_set

AGE = regex.compile(
    r"(?:(?<=\p{Lu}[\p{L}.'’-]*),\s+(?P<a1>\d{1,3}),|(?P<a2>\d{1,3})-year-old\b|\baged\s+(?P<a3>\d{1,3})\b)"
)
YEAR = regex.compile(r"(?<!\d)(?:18|19|20)\d\d(?!\d)")

NAMED_AGE = regex.compile(
    r",\s+(?:(?:now\s+)?(?P<age>\d{1,3}),|(?:a|an)\s+(?P<age>\d{1,3})-year-old\b|who\s+(?:turned|turns|is|has\s+turned)\s+(?P<age>\d{1,3})\b(?!\s*(?:%|per|years?\s+(?:ago|since))))"
)
"""An age in apposition to the name before it: "Smith, 45,", "Smith, a 45-year-old", "Smith, who turned 45"."""
NAMED_BIRTH = regex.compile(r"(?:,\s+who\s+was|\s+was|,|\s+\()\s*born\b")
"""A birth year about the name before it: "Smith, who was born", "Smith was born", "Smith, born"."""
NAME_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}\p{Cf}'’.-])(?:\p{Lu}\p{L}{0,2}\.[ ]|\p{Lu}[\p{L}\p{M}\p{Cf}'’-]*[ ]){0,3}\p{Lu}[\p{L}\p{M}\p{Cf}'’-]*$"
)
WORD_BEFORE = regex.compile(r"(\p{Ll}+)\s+$")
FORMAT_CHARACTERS = regex.compile(r"\p{Cf}")
MAX_EARLIER = 32
"""How many earlier statements about one surname a statement is compared with, latest first:
an article states a person's age a few times, and the bound keeps the rule linear on any text."""
HONORIFICS = ("mr", "mrs", "ms", "miss", "mr.", "mrs.", "ms.")


@cache
def born_date() -> str:
    """What follows "born": an optional place, an optional day and month, and the year."""
    month = month_pattern()
    return (
        rf"(?:in\s+\p{{Lu}}[\p{{L}}'’-]*(?:[ ,]+\p{{Lu}}[\p{{L}}'’-]*){{0,3}},?\s+)?(?:(?:in|on)\s+)?"
        rf"(?:(?P<month>{month})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?|(?P<day2>\d{{1,2}})\s+(?P<month2>{month})\.?,?\s+)?"
        rf"(?P<year>(?:18|19|20)\d\d)(?!\d)"
    )


@cache
def born_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:born|b\.)\s+{born_date()}", regex.IGNORECASE)


NAME_AFTER = regex.compile(r",?\s+(?P<name>(?:\p{Lu}[\p{L}\p{M}'’-]+\s+){0,2}\p{Lu}[\p{L}\p{M}'’-]+)(?![\p{L}'’])")
"""A name right after an age or a birth year: "Born in 1952, Morales ...", "In 1995, aged 49, Lucchesi ..."."""
EVENT_YEAR = r"(?P<year>(?:18|19|20)\d\d)(?!\d)"
AGE_AT_EVENT = regex.compile(
    rf"\b(?:In\s+{EVENT_YEAR},\s+aged\s+(?P<age>\d{{1,3}})|At\s+(?P<age>\d{{1,3}}),\s+in\s+{EVENT_YEAR}),"
)
"""An age at a dated event, before the name: "In 1995, aged 49, Lucchesi ...", "At 34, in 2011, she ..."."""
WAS_AGE_WHEN = regex.compile(rf"\s+was\s+(?P<age>\d{{1,3}})\s+when,?\s+in\s+{EVENT_YEAR}\b")
"""An age at a dated event, after the name: "Lucchesi was 49 when, in 1995, ..."."""
IN_YEAR_AGED = re.compile(r"In\s+(?:18|19|20)\d\d,\s+aged")
AT_AGE = re.compile(r"At\s+\d")
WAS_AGE_WHEN_HINT = re.compile(r"was\s+\d{1,3}\s+when")
"""Whether ``AGE_AT_EVENT`` and ``WAS_AGE_WHEN`` can match at all: the stdlib engine finds these
literal starts several times faster than the full patterns scan a text that has none."""


def _ages_at_events_possible(text: str) -> bool:
    return (", aged " in text and IN_YEAR_AGED.search(text) is not None) or ("At " in text and AT_AGE.search(text) is not None)


@cache
def birth_first_pattern() -> regex.Pattern:
    """A birth year before the name: "Born in Leeds in 1952, Morales ..."."""
    return regex.compile(rf"\bBorn\s+{born_date()}")


@cache
def past_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(word_list('death_words.txt'))})\b", regex.IGNORECASE)


@cache
def age_past_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{alternation(word_list('age_past_words.txt'))})\b", regex.IGNORECASE)


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that open a sentence or name a day, never a person."""
    return (
        word_set("function_words.txt")
        | word_set("common_capitals.txt")
        | word_set("definite_words.txt")
        | frozenset(calendar()["months"])
        | frozenset(calendar()["weekdays"])
    )


@dataclass(frozen=True)
class Person:
    """A name as written before an age or a birth year: its surname and the word before it."""

    display: str
    surname: str
    before: str | None
    """The given name or title just before the surname, lower case, if any."""

    def same_as(self, other: Person) -> bool:
        """Same surname, and nothing that tells the two apart (different given names, Mr and Mrs)."""
        if self.surname != other.surname:
            return False
        if self.before is None or other.before is None or self.before == other.before:
            return True
        titles = word_set("person_titles.txt")
        if self.before in titles or other.before in titles:
            return True
        return False


def person_before(text: str, position: int) -> Person | None:
    """The person named just before ``position`` ("Jane Smith" of "Jane Smith, 45,").

    Words ending in a full stop other than initials and short titles ("Dr.") end a sentence,
    so they are no part of the name."""
    match = NAME_BEFORE.search(text, max(0, position - 60), position)
    if match is None:
        return None
    words = [FORMAT_CHARACTERS.sub("", w) for w in match.group().split(" ")]
    while words and words[0].lower().rstrip(".") in not_names():
        words.pop(0)
    if not words or len(words[-1]) < 2 or words[-1].lower().rstrip(".") in not_names() or words[-1].endswith("."):
        return None
    word_before = WORD_BEFORE.search(text, max(0, match.start() - 20), match.start())
    if word_before and word_before.group(1) in word_set("place_prepositions.txt"):
        return None  # "in Germany, 45,": a place
    before = words[-2].lower() if len(words) > 1 else None
    return Person(" ".join(words), words[-1].lower(), before)


AGE_HINT = re.compile(r",\s+(?:now\s+|a\s+|an\s+|who\s+(?:turned|turns|is|has\s+turned)\s+)?\d")
"""Where ``NAMED_AGE`` can match: a comma before a number, an article or "who turned"."""


def _named_ages(text: str) -> Iterator[regex.Match]:
    """What ``NAMED_AGE.finditer(text)`` finds, tried only where the stdlib engine sees a hint."""
    resume = 0
    for hint in AGE_HINT.finditer(text):
        if hint.start() < resume:
            continue
        match = NAMED_AGE.match(text, hint.start())
        if match is not None:
            yield match
            resume = match.end()


def _person(name: str) -> Person | None:
    """A person from a name written after a statement ("Born in 1952, Jane Morales ...")."""
    words = [w for w in name.split() if w.lower().strip("’'.") not in not_names()]
    if not words or len(words[-1]) < 2:
        return None
    return Person(" ".join(words), words[-1].lower(), words[-2].lower() if len(words) > 1 else None)


def _ages(birth: Statement, on: dt.date, exact: bool) -> set[int]:
    """The ages someone born as stated can be on a date: one when the birthday is known, else two."""
    years = on.year - birth.value
    if exact and birth.birthday is not None:
        month, day = birth.birthday
        return {years if (on.month, on.day) >= (month, day) else years - 1}
    return {years - 1, years}


@dataclass(frozen=True)
class Statement:
    """An age or a birth year stated for a named person."""

    person: Person
    value: int
    start: int
    end: int
    sentence: int
    birth: bool = False
    """A birth year (``value``) rather than an age."""
    at_year: int | None = None
    """For an age at a dated event ("In 1995, aged 49"), the event's year; None for today's age."""
    birthday: tuple[int, int] | None = None
    """(month, day) of a birth date given in full."""

    @property
    def label(self) -> str:
        if self.birth:
            return f"born {self.value}"
        return f"age {self.value}" + (f" in {self.at_year}" if self.at_year else "")


def _birth(person: Person, born: regex.Match, sentence: int) -> Statement:
    month = born.group("month") or born.group("month2")
    day = born.group("day") or born.group("day2")
    birthday = (calendar()["months"][month.lower()], int(day)) if month and day else None
    return Statement(person, int(born.group("year")), born.start(), born.end(), sentence, birth=True, birthday=birthday)


class AgeBirthYearMismatch(Rule):
    """An age that does not match the birth year, or another age, given for the same person.

    ## What it flags
    - An age ("Smith, 45,", "a 45-year-old", "aged 45") and a birth year
      ("born in 1970", "born March 3, 1970", "b. 1970") in the same sentence
      that do not agree at the document's date: someone born in 1970 is 54 or
      55 in 2025.
    - An age in apposition to a name ("Jane Smith, 45,", "Smith, a
      45-year-old", "Smith, who turned 45", "Smith, now 45,") and a birth year
      stated for the same name elsewhere in the text ("Smith, who was born in
      1970", "Smith was born in Leeds in 1970", "Born in 1970, Smith ...",
      "Smith (born 1970)") that do not agree; with a full birth date ("born on
      19 December 1974") the age is exact.
    - An age at a dated event ("In 1995, aged 49, Smith ...", "At 34, in
      2011, Smith ...", "Smith was 49 when, in 1995, ...") that does not fit
      the birth year stated for the same name.
    - Two such ages for the same name that are more than a year apart
      ("Smith, 45," and later "Smith, 48,").

    The finding sits at the later statement, with the earlier one as a
    related location. A name is the same person when the surname is the same
    and the given names, if both are written, are too (a title such as
    "President" counts as no given name; "Mr" and "Mrs" tell people apart).

    ## Why
    A wrong age is a typo or stale copy (an old profile reused without
    updating the age); either way a fact in the text is wrong.

    ## What it leaves alone
    Ages at death or at an earlier time (sentences with "died", "late",
    "then", "when", "at the time", "ago", or with another year
    before the age; in a one-sentence statement also "was"), ages without a
    name ("the 45-year-old"), relatives with different given names ("Jane
    Smith, 45, and her son Tom Smith, 12"), and undated documents (for birth
    years).

    ## Example
    In a document dated 2025-06-02, "Jane Smith, 45, born in 1970, leads the
    party" is flagged at "45": she is 54 or 55. So is "Smith was born in
    1970." after "Jane Smith, 45, leads the party.", at the birth year.
    """

    code = "NUM006"
    name = "age-birth-year-mismatch"
    category = "numeric"

    prepare_only_loads = True

    def prepare(self) -> None:
        born_pattern()
        past_pattern()
        age_past_pattern()
        not_names()
        word_set("abbreviations.txt")
        word_set("person_titles.txt")
        word_set("place_prepositions.txt")

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        has_birth = "born" in text or "b." in text
        if document.date is not None and has_birth:
            yield from self._same_sentence(document)
        if "," in text:
            yield from self._across_sentences(document)

    def _same_sentence(self, document: Document) -> Iterator[Finding]:
        text = document.text
        today = document.date.value.year
        for start, end in analyse(document).layout.sentences:
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

    def _across_sentences(self, document: Document) -> Iterator[Finding]:
        """Ages and birth years linked through the name they are stated for, anywhere in the text."""
        ages, births = self._statements(document)
        if len(ages) + len(births) < 2 or not ages:
            return
        by_surname: dict[str, list[Statement]] = {}
        """Earlier statements by surname: only statements about one surname are ever compared."""
        for later in sorted([*ages, *births], key=lambda s: s.start):
            earlier_ones = by_surname.setdefault(later.person.surname, [])
            for earlier in islice(reversed(earlier_ones), MAX_EARLIER):
                if earlier.sentence == later.sentence or not earlier.person.same_as(later.person):
                    continue
                message = self._disagreement(document, earlier, later)
                if message:
                    yield self.finding(
                        document, later.start, later.end, message, related=[document.location(earlier.start, earlier.end, earlier.label)]
                    )
                    break
            earlier_ones.append(later)

    def _disagreement(self, document: Document, earlier: Statement, later: Statement) -> str | None:
        name = later.person.display
        if earlier.birth and later.birth:
            return None  # left to a birth-year check of its own
        if not earlier.birth and not later.birth:
            if earlier.at_year != later.at_year or abs(earlier.value - later.value) < 2:
                return None
            return f"{name} is {later.value} here, but {earlier.value} earlier in the text"
        age, birth = (later, earlier) if earlier.birth else (earlier, later)
        if age.at_year is not None:
            expected = _ages(birth, dt.date(age.at_year, 7, 1), exact=False)
            when = f"in {age.at_year}"
        elif document.date is not None:
            expected = _ages(birth, document.date.value, exact=True)
            when = f"on {document.date.value.isoformat()}"
        else:
            return None
        if age.value in expected or not 0 < max(expected) < 130:
            return None
        shown = " or ".join(str(a) for a in sorted(expected))
        return f"age {age.value} does not match born {birth.value}: {when} {name} was {shown}"

    def _statements(self, document: Document) -> tuple[list[Statement], list[Statement]]:
        text = document.text
        spans = analyse(document).layout.sentences
        starts = [s for s, _ in spans]
        today = document.date.value.year if document.date else None
        other_years: list[int] | None = None
        """Where years other than the document's stand, read once a named age is found."""
        ages = []
        for match in _named_ages(text):
            person = person_before(text, match.start())
            value = int(match.group("age"))
            if person is None or not 0 < value < 120:
                continue
            if other_years is None:
                other_years = [y.start() for y in YEAR.finditer(text) if int(y.group()) != today]
            index = max(bisect.bisect_right(starts, match.start()) - 1, 0)
            sentence_start, _sentence_end = spans[index] if spans else (0, len(text))
            if age_past_pattern().search(text, max(sentence_start, match.start() - 120), min(len(text), match.end() + 30)):
                continue  # "When Smith, 30, was first elected", "Smith, 30, died": the age then
            year_after = bisect.bisect_left(other_years, sentence_start)
            if year_after < len(other_years) and other_years[year_after] < match.start():
                continue  # "In 1990, Smith, 30, ...": the age then
            ages.append(Statement(person, value, match.start("age"), match.end("age"), index))
        for match in AGE_AT_EVENT.finditer(text) if _ages_at_events_possible(text) else ():
            name = NAME_AFTER.match(text, match.end() - 1)
            person = _person(name.group("name")) if name else None
            if person is not None:
                index = max(bisect.bisect_right(starts, match.start()) - 1, 0)
                ages.append(Statement(person, int(match.group("age")), match.start("age"), match.end("age"), index, at_year=int(match.group("year"))))
        for match in WAS_AGE_WHEN.finditer(text) if WAS_AGE_WHEN_HINT.search(text) else ():
            person = person_before(text, match.start())
            if person is not None:
                index = max(bisect.bisect_right(starts, match.start()) - 1, 0)
                ages.append(Statement(person, int(match.group("age")), match.start("age"), match.end("age"), index, at_year=int(match.group("year"))))
        births = []
        if "born" in text:
            for match in NAMED_BIRTH.finditer(text):
                person = person_before(text, match.start())
                born = born_pattern().match(text, match.end() - len("born"))
                if person is None or born is None:
                    continue
                births.append(_birth(person, born, max(bisect.bisect_right(starts, match.start()) - 1, 0)))
        if "Born" in text:
            for born in birth_first_pattern().finditer(text):
                name = NAME_AFTER.match(text, born.end())
                person = _person(name.group("name")) if name else None
                if person is not None:
                    births.append(_birth(person, born, max(bisect.bisect_right(starts, born.start()) - 1, 0)))
        return sorted(ages, key=lambda s: s.start), births
