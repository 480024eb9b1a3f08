"""NUM006: an age that does not match a birth year, or another age, given for the same person."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Iterator

import regex

from linter import Document, Finding, Rule
from rules.numeric.figures import _alternation, _word_list, calendar, month_pattern, sentences, word_set

AGE = regex.compile(
    r"(?:(?<=\p{Lu}[\p{L}.'’-]*),\s+(?P<a1>\d{1,3}),|(?P<a2>\d{1,3})-year-old\b|\baged\s+(?P<a3>\d{1,3})\b)"
)
YEAR = regex.compile(r"(?<!\d)(?:18|19|20)\d\d(?!\d)")

NAMED_AGE = regex.compile(
    r",\s+(?:(?P<age>\d{1,3}),|(?:a|an)\s+(?P<age>\d{1,3})-year-old\b|who\s+(?:turned|turns|is|has\s+turned)\s+(?P<age>\d{1,3})\b(?!\s*(?:%|per|years?\s+(?:ago|since))))"
)
"""An age in apposition to the name before it: "Smith, 45,", "Smith, a 45-year-old", "Smith, who turned 45"."""
NAMED_BIRTH = regex.compile(r"(?:,\s+who\s+was|\s+was|,)\s+born\b")
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
def born_pattern() -> regex.Pattern:
    month = month_pattern()
    return regex.compile(
        rf"\b(?:born|b\.)\s+(?:in\s+\p{{Lu}}[\p{{L}}'’-]*(?:[ ,]+\p{{Lu}}[\p{{L}}'’-]*){{0,3}},?\s+)?(?:(?:in|on)\s+)?"
        rf"(?:(?:{month})\.?\s+(?:\d{{1,2}},?\s+)?|\d{{1,2}}\s+(?:{month})\.?,?\s+)?"
        rf"(?P<year>(?:18|19|20)\d\d)(?!\d)",
        regex.IGNORECASE,
    )


@cache
def past_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('death_words.txt'))})\b", regex.IGNORECASE)


@cache
def age_past_pattern() -> regex.Pattern:
    return regex.compile(rf"\b(?:{_alternation(_word_list('age_past_words.txt'))})\b", regex.IGNORECASE)


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


@dataclass(frozen=True)
class Statement:
    """An age or a birth year stated for a named person."""

    person: Person
    value: int
    start: int
    end: int
    sentence: int


class AgeBirthYearMismatch(Rule):
    """An age that does not match the birth year, or another age, given for the same person.

    ## What it flags
    - An age ("Smith, 45,", "a 45-year-old", "aged 45") and a birth year
      ("born in 1970", "born March 3, 1970", "b. 1970") in the same sentence
      that do not agree at the document's date: someone born in 1970 is 54 or
      55 in 2025.
    - An age in apposition to a name ("Jane Smith, 45,", "Smith, a
      45-year-old", "Smith, who turned 45") and a birth year stated for the
      same name elsewhere in the text ("Smith, who was born in 1970", "Smith
      was born in Leeds in 1970") that do not agree.
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
                message = self._disagreement(document, earlier, later, births)
                if message:
                    yield self.finding(
                        document,
                        later.start,
                        later.end,
                        message,
                        related=[document.location(earlier.start, earlier.end, self._label(earlier, births))],
                    )
                    break
            earlier_ones.append(later)

    @staticmethod
    def _label(statement: Statement, births: list[Statement]) -> str:
        return f"born {statement.value}" if statement in births else f"age {statement.value}"

    def _disagreement(self, document: Document, earlier: Statement, later: Statement, births: list[Statement]) -> str | None:
        first_is_birth, second_is_birth = earlier in births, later in births
        name = later.person.display
        if first_is_birth and second_is_birth:
            return None  # left to a birth-year check of its own
        if not first_is_birth and not second_is_birth:
            if abs(earlier.value - later.value) < 2:
                return None
            return f"{name} is {later.value} here, but {earlier.value} earlier in the text"
        if document.date is None:
            return None
        age, birth = (later, earlier) if first_is_birth else (earlier, later)
        today = document.date.value
        expected = (today.year - birth.value - 1, today.year - birth.value)
        if age.value in expected or not 0 < expected[1] < 130:
            return None
        return (
            f"age {age.value} does not match born {birth.value}: on {today.isoformat()} "
            f"{name} was {expected[0]} or {expected[1]}"
        )

    def _statements(self, document: Document) -> tuple[list[Statement], list[Statement]]:
        text = document.text
        spans = sentences(document)
        starts = [s for s, _ in spans]
        today = document.date.value.year if document.date else None
        other_years = [y.start() for y in YEAR.finditer(text) if int(y.group()) != today]
        past_sentences: dict[int, bool] = {}
        ages = []
        for match in NAMED_AGE.finditer(text):
            person = person_before(text, match.start())
            value = int(match.group("age"))
            if person is None or not 0 < value < 120:
                continue
            index = max(bisect.bisect_right(starts, match.start()) - 1, 0)
            sentence_start, sentence_end = spans[index] if spans else (0, len(text))
            if index not in past_sentences:
                past_sentences[index] = age_past_pattern().search(text, sentence_start, sentence_end) is not None
            if past_sentences[index]:
                continue
            year_after = bisect.bisect_left(other_years, sentence_start)
            if year_after < len(other_years) and other_years[year_after] < match.start():
                continue  # "In 1990, Smith, 30, ...": the age then
            ages.append(Statement(person, value, match.start("age"), match.end("age"), index))
        births = []
        if "born" in text:
            for match in NAMED_BIRTH.finditer(text):
                person = person_before(text, match.start())
                born = born_pattern().match(text, match.end() - len("born"))
                if person is None or born is None:
                    continue
                index = max(bisect.bisect_right(starts, match.start()) - 1, 0)
                births.append(Statement(person, int(born.group("year")), born.start(), born.end(), index))
        return ages, births
