"""Ages and weekdays planted in real copy: a birth year or a second age that does not fit the age
given for a named person; a weekday given a date it does not fall on.

Both need the article's date (the BBC copy has none: the builder gives each article one).
Planted statements that are right (the traps) come from the same code with ``wrong=False``.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from numeric_plants.common import MONTHS, WEEKDAYS, Article, append_to_paragraph, paragraphs, pick

APPOSITION = re.compile(r"\b(?P<name>(?:[A-Z][a-z'-]+ )?(?P<surname>[A-Z][a-z'-]{2,})), (?P<age>[2-9]\d), ")
NOT_SURNAMES = frozenset("The This That It He She They We But And In On At By For From Last Mr Mrs Ms Dr Sir".split())

BIRTH_CLAUSES = [
    "{S}, who was born in {Y}, {REST}",
    "Born in {Y}, {S} {REST}",
    "{S} (born {Y}) {REST}",
    "{S}, born in {Y}, {REST}",
    "{S}, who was born on {D} {M} {Y}, {REST}",
    "{S} was born in {Y} and {REST}",
]
BIRTH_RESTS = [
    "has spoken about the matter before.",
    "has been involved for several years.",
    "did not comment further.",
    "is expected to say more in the coming weeks.",
    "has declined to discuss it since.",
    "was not available for comment on the day.",
]
SECOND_AGES = [
    "{S}, {A}, has not commented since.",
    "{S}, {A}, is expected to respond later.",
    "Speaking later, {S}, {A}, said little more.",
    "{S}, now {A}, has said little since.",
    "Friends of {S}, {A}, say the matter is closed.",
    "A spokesman for {S}, {A}, declined to comment.",
]


def plant_age(article: Article, rng: random.Random, split: str, wrong: bool = True) -> bool:
    """A later sentence gives a birth year, or an age, for a person named with an age."""
    matches = [m for m in APPOSITION.finditer(article.text) if m.group("surname") not in NOT_SURNAMES]
    if not matches:
        return False
    match = rng.choice(matches)
    spans = paragraphs(article.text)
    here = next(i for i, (s, e) in enumerate(spans) if s <= match.start() <= e)
    if here >= len(spans) - 1:
        return False
    surname, age = match.group("surname"), int(match.group("age"))
    if len(re.findall(rf"\b{surname}\b", article.text)) > 6:
        return False
    today = dt.date.fromisoformat(article.date)
    born = today.year - age - (1 if rng.random() < 0.5 else 0)
    target = rng.randrange(here + 1, len(spans))
    if rng.random() < 0.7:
        year = _slipped_year(born, rng) if wrong else born
        template = pick(rng, BIRTH_CLAUSES, split)
        day, month = rng.randint(1, 28), MONTHS[rng.randrange(12)]
        if "{D}" in template:  # with the day, a right year must also be on the right side of the birthday
            birthday = dt.date(born, MONTHS.index(month) + 1, day)
            born_this_year = birthday.replace(year=today.year) <= today
            year = (today.year - age - (0 if born_this_year else 1)) if not wrong else year
        sentence = template.format(S=surname, Y=year, D=day, M=month, REST=pick(rng, BIRTH_RESTS, split))
        stated = str(year)
        why = f"born {year}, but {age} at the article's date ({article.date})"
    else:
        new_age = _slipped_age(age, rng) if wrong else age
        sentence = pick(rng, SECOND_AGES, split).format(S=surname, A=new_age)
        stated = str(new_age)
        why = f"{surname} is {new_age} here and {age} earlier"
    start = append_to_paragraph(article, target, sentence)
    at = start + sentence.index(stated)
    article.label(match.start("age"), match.end("age"), "the age as first given", level="may")
    if wrong:
        article.label(at, at + len(stated), why)
        article.kind = "ages"
    else:
        article.labels.clear()
        article.kind = "trap"
    return True


def _slipped_year(year: int, rng: random.Random) -> int:
    """A birth year off by a slip: a digit swapped or changed (1962 -> 1926 only when plausible)."""
    options = [year + d for d in (-5, -4, -3, -2, 2, 3, 4, 5)]
    last_two = f"{year % 100:02d}"
    swapped = year - year % 100 + int(last_two[::-1])
    if last_two[0] != last_two[1] and 1925 <= swapped <= 1995:
        options.append(swapped)
    return rng.choice(options)


def _slipped_age(age: int, rng: random.Random) -> int:
    swapped = int(str(age)[::-1])
    options = [age + d for d in (-4, -3, 3, 4)]
    if str(age)[0] != str(age)[1] and 18 <= swapped <= 95:
        options += [swapped, swapped]
    return rng.choice(options)


WEEKDAY = re.compile(r"\bon (?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?! (?:night|morning|evening|afternoon)\b)(?!,? \d)")
DATE_FORMS = [
    "{W} {d} {M}",
    "{W}, {M} {d}",
    "{W} ({d} {M})",
    "{W}, {d} {M}",
    "{W} {M} {d}",
    "{W}, {d}th {M}",
]


def plant_weekday(article: Article, rng: random.Random, split: str, wrong: bool = True) -> bool:
    """A weekday mentioned in the text is given a date: the day before or after the right one."""
    matches = list(WEEKDAY.finditer(article.text))
    if not matches:
        return False
    match = rng.choice(matches)
    today = dt.date.fromisoformat(article.date)
    weekday = WEEKDAYS.index(match.group("day"))
    back = (today.weekday() - weekday) % 7 or 7
    meant = today - dt.timedelta(days=back)
    written = meant + dt.timedelta(days=rng.choice((-1, 1))) if wrong else meant
    form = pick(rng, DATE_FORMS, split)
    if "{d}th" in form:
        form = form.replace("{d}th", "{d}" + _ordinal_suffix(written.day))
    text = form.format(W=match.group("day"), d=written.day, M=MONTHS[written.month - 1])
    end = article.replace(match.start("day"), match.end("day"), text)
    if wrong:
        article.label(match.start("day"), end, f"{written:%d %B %Y} was a {WEEKDAYS[written.weekday()]}")
        article.kind = "weekdays"
    else:
        article.kind = "trap"
    return True


def _ordinal_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
