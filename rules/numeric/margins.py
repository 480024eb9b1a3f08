"""Margins and the figures they are the difference of, read from a text.

A margin ("a majority of 63", "a 4.4-point lead", "by three runs", "by 50 basis points") may be
stated anywhere in an article; the pair it is the difference of is found by what it measures:
votes or seats against a tally ("by 336 votes to 212"), points against two shares ("40.3% ...
36.9%", or the shares of the parties the margin names), goals against the one final score,
runs against a chase, a rate change against the rates it moved between.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from rules.numeric.lexicon import alternation, number_words
from rules.numeric.numbers import DIGITS, parse_number


@dataclass(frozen=True)
class Margin:
    start: int
    end: int
    value: float
    unit: str
    """vote, seat, point, goal, run, rate (percentage or basis points of a rate change) or "" (a
    majority of unknown unit)."""
    overall: bool = False
    """"an overall majority of 32": the winner's seats less all the others'."""


@dataclass(frozen=True)
class Pair:
    start: int
    end: int
    first: float
    second: float
    unit: str
    """vote (a count tally), percent, goal (a score), run (a chase: target and score), rate."""

    @property
    def difference(self) -> float:
        return abs(self.first - self.second)


UNIT_WORDS = {
    "point": "point", "points": "point", "vote": "vote", "votes": "vote", "seat": "seat", "seats": "seat",
    "goal": "goal", "goals": "goal", "run": "run", "runs": "run",
}


@cache
def number() -> str:
    spelled = alternation([w for w in number_words() if w not in ("hundred", "thousand", "million", "billion", "trillion", "dozen")])
    return rf"(?:{DIGITS}|(?:{spelled})(?:-(?:{spelled}))?)"


@cache
def margin_patterns() -> list[regex.Pattern]:
    n = number()
    unit = r"(?:percentage[\s-]+)?(?P<unit>points?|votes?|seats?|goals?|runs?)"
    return [
        regex.compile(
            rf"\b(?P<overall>overall\s+|working\s+)?(?:slim\s+|narrow\s+|comfortable\s+|clear\s+)?(?:majority|lead|margin|gap|advantage)\s+of\s+"
            rf"(?:just\s+|only\s+|some\s+)?(?P<m>{n})(?![\d.,%])(?:\s+{unit})?",
            regex.IGNORECASE,
        ),
        regex.compile(
            rf"(?<![\w.,-])(?P<m>{n})[\s-]{unit}[\s-](?:majority|lead|margin|gap|win|victory|advantage|defeat|jump|rise|fall|drop|increase|decrease)\b",
            regex.IGNORECASE,
        ),
        regex.compile(rf"\b(?:winning|won|lost|losing|beaten|beat\s+\p{{Lu}}\p{{L}}+|ahead|victory|win|defeat|majority)\s+by\s+(?:just\s+|only\s+)?(?P<m>{n})\s+{unit}", regex.IGNORECASE),
        regex.compile(rf"(?<![\w.,-])(?P<m>{n})\s+{unit}\s+(?:ahead|clear)\b", regex.IGNORECASE),
        regex.compile(
            rf"\b(?:raised|cut|lowered|increased|reduced|lifted|trimmed|hiked|raising|cutting|lowering)\s+(?:its\s+|their\s+|the\s+)?(?:\p{{L}}+\s+){{0,3}}?by\s+"
            rf"(?P<m>{DIGITS})\s+(?P<rate>basis\s+points?|percentage\s+points?|points?)",
            regex.IGNORECASE,
        ),
    ]


def margins(text: str) -> list[Margin]:
    found: dict[int, Margin] = {}
    for index, pattern in enumerate(margin_patterns()):
        for match in pattern.finditer(text):
            value = _value(match.group("m"))
            if value is None or match.start("m") in found:
                continue
            groups = match.groupdict()
            if groups.get("rate"):
                unit = "rate"
                value = value / 100 if groups["rate"].lower().startswith("basis") else value
            else:
                unit = UNIT_WORDS.get((groups.get("unit") or "").lower(), "")
            found[match.start("m")] = Margin(match.start("m"), match.end(), value, unit, bool(groups.get("overall")))
    return [found[start] for start in sorted(found)]


def _value(written: str) -> float | None:
    parsed = parse_number(written.replace("-", " ") if not written[:1].isdigit() else written)
    return parsed[0] if parsed else None


PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
CHANGE = regex.compile(
    rf"\bfrom\s+(?P<a>\d+(?:\.\d+)?){PERCENT}?\s+to\s+(?P<b>\d+(?:\.\d+)?){PERCENT}"
    rf"|\bto\s+(?P<b2>\d+(?:\.\d+)?){PERCENT},?\s+from\s+(?P<a2>\d+(?:\.\d+)?){PERCENT}",
    regex.IGNORECASE,
)
TARGET = regex.compile(r"\b(?:chasing|set|needing)\s+(?P<t>\d{2,3})\b", regex.IGNORECASE)
MADE = regex.compile(r"\b(?:all\s+out\s+for|bowled\s+out\s+for|made|finished\s+on|reached|scored)\s+(?P<m>\d{2,3})\b", regex.IGNORECASE)


def changes(text: str, start: int, end: int) -> list[Pair]:
    """A rate's move in a sentence: "to 2.75% from 2.5%", "from 2.75% to 2%"."""
    found = []
    for match in CHANGE.finditer(text, start, end):
        a = float(match.group("a") or match.group("a2"))
        b = float(match.group("b") or match.group("b2"))
        found.append(Pair(match.start(), match.end(), a, b, "rate"))
    return found


def chase(text: str, start: int, end: int) -> Pair | None:
    """A cricket chase in a paragraph: the target and the score made ("chasing 241, ... all out for 237")."""
    target = TARGET.search(text, start, end)
    made = MADE.search(text, start, end)
    if target is None or made is None:
        return None
    return Pair(min(target.start(), made.start()), max(target.end(), made.end()), float(target.group("t")) - 1, float(made.group("m")), "run")
