"""Margins and the figures they are the difference of, read from a text.

A margin ("a majority of 63", "a 4.4-point lead", "by three runs", "by 50 basis points") may be
stated anywhere in an article; the pair it is the difference of is found by what it measures:
votes or seats against a tally ("by 336 votes to 212"), points against two shares ("40.3% ...
36.9%", or the shares of the parties the margin names), goals against the one final score,
runs against a chase, a rate change against the rates it moved between.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from rules.numeric.mentions import Mention
from rules.numeric.numbers import parse_number


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


UNIT = r"(?:percentage[\s-]+)?(?P<unit>points?|votes?|seats?|goals?|runs?)"
PREFIXES = [
    regex.compile(
        r"\b(?P<overall>overall\s+|working\s+)?(?:slim\s+|narrow\s+|comfortable\s+|clear\s+)?(?:majority|lead|margin|gap|advantage)\s+of\s+"
        r"(?:just\s+|only\s+|some\s+)?$",
        regex.IGNORECASE | regex.REVERSE,
    ),
    regex.compile(
        r"\b(?:winning|won|lost|losing|beaten|beat\s+\p{Lu}\p{L}+|ahead|victory|win|defeat|majority)\s+by\s+(?:just\s+|only\s+)?$",
        regex.IGNORECASE | regex.REVERSE,
    ),
    regex.compile(
        r"\b(?:raised|cut|lowered|increased|reduced|lifted|trimmed|hiked|raising|cutting|lowering)\s+(?:its\s+|their\s+|the\s+)?"
        r"(?:\p{L}+\s+){0,3}?by\s+$",
        regex.IGNORECASE | regex.REVERSE,
    ),
]
"""What comes before a margin's figure: "a majority of", "winning by", "raised its rate by"; each ends
where the figure starts, so it is searched in reverse from there (one place tried, not every one)."""
SUFFIXES = [
    (0, regex.compile(rf"(?![\d.,%])(?:\s+{UNIT})?", regex.IGNORECASE)),
    (1, regex.compile(rf"\s+{UNIT}", regex.IGNORECASE)),
    (2, regex.compile(r"\s+(?P<rate>basis\s+points?|percentage\s+points?|points?)\b", regex.IGNORECASE)),
]
"""What must follow the figure after each prefix (by index)."""
AFTER_ONLY = [
    regex.compile(
        rf"[\s-]{UNIT}[\s-](?:majority|lead|margin|gap|win|victory|advantage|defeat|jump|rise|fall|drop|increase|decrease)\b",
        regex.IGNORECASE,
    ),
    regex.compile(rf"\s+{UNIT}\s+(?:ahead|clear)\b", regex.IGNORECASE),
]
"""Margins written after their figure alone: "a 37-point margin", "eight points ahead"."""


def margins(text: str, mentions: list[Mention]) -> list[Margin]:
    """The margins stated in a text, each read at one of its figures (so the text is never scanned)."""
    found = []
    for mention in mentions:
        if mention.unit not in ("count", "points", "money") or mention.is_range:
            continue
        start, end = mention.start, mention.end
        margin = _before_and_after(text, mention, start, end) or _after(text, mention, end)
        if margin is not None:
            found.append(margin)
    return found


PREFIX_ENDINGS = frozenset({"of", "by", "just", "only", "some"})
"""The last words every pattern of ``PREFIXES`` can end with: where none stands, none can match."""
UNIT_STARTS = ("point", "vote", "seat", "goal", "run", "percentage")
"""The words ``AFTER_ONLY`` patterns start with (after spaces or a hyphen)."""


def _before_and_after(text: str, mention: Mention, start: int, end: int) -> Margin | None:
    words = text[max(0, start - 10) : start].lower().split()
    if not words or words[-1] not in PREFIX_ENDINGS:
        return None
    for index, prefix in enumerate(PREFIXES):
        before = prefix.search(text, max(0, start - 60), start)
        if before is None:
            continue
        after = SUFFIXES[index][1].match(text, end)
        if after is None:
            continue
        value = _written_value(mention)
        groups = after.groupdict()
        if groups.get("rate"):
            unit = "rate"
            value = value / 100 if groups["rate"].lower().startswith("basis") else value
        else:
            unit = UNIT_WORDS.get((groups.get("unit") or "").lower(), "")
        return Margin(start, after.end(), value, unit, bool(before.groupdict().get("overall")))
    return None


def _after(text: str, mention: Mention, end: int) -> Margin | None:
    if not text[end : end + 24].lstrip().lstrip("-").lower().startswith(UNIT_STARTS):
        return None
    for pattern in AFTER_ONLY:
        after = pattern.match(text, end)
        if after is not None:
            return Margin(mention.start, after.end(), _written_value(mention), UNIT_WORDS[after.group("unit").lower()])
    return None


def _written_value(mention: Mention) -> float:
    """The figure as written: "50 basis points" is 50 here, not the 0.5 points the mention holds."""
    parsed = parse_number(mention.written)
    return parsed[0] if parsed else mention.value


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
