"""What every planter shares: articles, edits that keep track of labels, slips of a writer's hand.

A planter never searches the final text for what it planted: it edits an ``Article`` through
``replace`` and ``insert``, which move the labels it has already placed, so each label keeps its
exact place and its occurrence number is counted only when the gold file is written.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

SPLITS = ("dev", "held")

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


@dataclass
class Label:
    start: int
    end: int
    level: str
    why: str


@dataclass
class Article:
    """A document being planted: its text, metadata and the labels placed so far."""

    id: str
    text: str
    date: str
    source: str
    kind: str = "untouched"
    """The planted kind, "trap" for a planted statement that is right, or "untouched"."""
    labels: list[Label] = field(default_factory=list)

    def replace(self, start: int, end: int, new: str) -> int:
        """Replace text[start:end]; labels after it move. Returns the new end."""
        shift = len(new) - (end - start)
        self.text = self.text[:start] + new + self.text[end:]
        for label in self.labels:
            if label.start >= end:
                label.start += shift
                label.end += shift
        return start + len(new)

    def insert(self, position: int, new: str) -> int:
        return self.replace(position, position, new)

    def label(self, start: int, end: int, why: str, level: str = "must") -> None:
        self.labels.append(Label(start, end, level, why))

    @classmethod
    def from_marked(cls, id: str, marked: str, date: str, source: str, kind: str, why: str) -> "Article":
        """An article from text whose planted span is marked «like this» and its counterpart ‹like this›."""
        article = cls(id=id, text="", date=date, source=source, kind=kind)
        pieces = re.split("([«»‹›])", marked)
        text, opened = [], {}
        length = 0
        for piece in pieces:
            if piece in ("«", "‹"):
                opened[piece] = length
            elif piece in ("»", "›"):
                start = opened.pop("«" if piece == "»" else "‹")
                if piece == "»":
                    article.labels.append(Label(start, length, "must", why))
                else:
                    article.labels.append(Label(start, length, "may", "the statement it contradicts"))
            else:
                text.append(piece)
                length += len(piece)
        article.text = "".join(text)
        return article

    def record(self) -> dict:
        return {"id": self.id, "text": self.text, "date": self.date, "source": self.source}

    def gold(self) -> list[dict]:
        lines = []
        for label in self.labels:
            needle = self.text[label.start : label.end]
            occurrence = _occurrence(self.text, needle, label.start)
            lines.append(
                {
                    "doc": self.id,
                    "category": "numeric",
                    "text": needle,
                    "occurrence": occurrence,
                    "level": label.level,
                    "why": label.why,
                    "kind": self.kind,
                }
            )
        return lines


def _occurrence(text: str, needle: str, start: int) -> int:
    """Which occurrence of ``needle`` (as ``str.find`` steps through them) starts at ``start``."""
    count, position = 0, -1
    while True:
        position = text.find(needle, position + 1)
        if position < 0:
            raise ValueError(f"label {needle!r} not found at {start}")
        count += 1
        if position == start:
            return count
        if position > start:
            raise ValueError(f"label {needle!r} overlaps itself at {start}")


# -- paragraphs and sentences ------------------------------------------------------------

PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\"'])[.!?](?=\s+[\"A-Z]|\s*$)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (lines separated by a blank line); the headline is the first."""
    return [m.span() for m in PARAGRAPH.finditer(text)]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end], each ending after its full stop."""
    spans, position = [], start
    for match in SENTENCE_END.finditer(text, start, end):
        spans.append((position, match.end()))
        position = match.end()
        while position < end and text[position] == " ":
            position += 1
    if position < end and text[position:end].strip():
        spans.append((position, end))
    return spans


def sentence_around(text: str, position: int) -> tuple[int, int]:
    for start, end in paragraphs(text):
        if start <= position < end:
            for s, e in sentences(text, start, end):
                if s <= position < e:
                    return s, e
            return start, end
    return position, position


def append_to_paragraph(article: Article, paragraph: int, sentence: str) -> int:
    """Add a sentence at the end of a paragraph; returns where the sentence starts."""
    _start, end = paragraphs(article.text)[paragraph]
    article.insert(end, " " + sentence)
    return end + 1


def add_paragraph(article: Article, after: int, sentence: str) -> int:
    """Add a paragraph after paragraph ``after``; returns where it starts."""
    _start, end = paragraphs(article.text)[after]
    article.insert(end, "\n\n" + sentence)
    return end + 2


# -- slips of the hand -----------------------------------------------------------------------

DIGITS = re.compile(r"\d")


def transpose(token: str, rng: random.Random) -> str | None:
    """The token with two adjacent, different significant digits swapped (3,412 -> 3,142)."""
    places = [m.start() for m in DIGITS.finditer(token)]
    significant = _significant(token, places)
    pairs = [(a, b) for a, b in zip(significant, significant[1:]) if token[a] != token[b]]
    pairs = [(a, b) for a, b in pairs if not (a == places[0] and token[b] == "0")]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    chars = list(token)
    chars[a], chars[b] = chars[b], chars[a]
    return "".join(chars)


def change_digit(token: str, rng: random.Random) -> str | None:
    """The token with one significant digit changed by a key or two (3,412 -> 3,512)."""
    places = [m.start() for m in DIGITS.finditer(token)]
    significant = _significant(token, places)
    if not significant:
        return None
    place = rng.choice(significant)
    digit = int(token[place])
    options = [d for d in (digit - 2, digit - 1, digit + 1, digit + 2) if 0 <= d <= 9]
    if place == places[0]:
        options = [d for d in options if d > 0]
    if not options:
        return None
    return token[:place] + str(rng.choice(options)) + token[place + 1 :]


def _significant(token: str, places: list[int]) -> list[int]:
    """Digit places up to the last non-zero digit (trailing zeros of 45,000 are not slipped)."""
    last = max((p for p in places if token[p] != "0"), default=None)
    return [p for p in places if last is not None and p <= last]


def slip(token: str, rng: random.Random) -> str | None:
    """A writer's slip of a figure: digits swapped or one digit changed."""
    first, second = (transpose, change_digit) if rng.random() < 0.55 else (change_digit, transpose)
    return first(token, rng) or second(token, rng)


LOWER_BOUNDS = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than")
UPPER_BOUNDS = ("up to", "nearly", "almost", "fewer than", "less than", "under", "as many as", "no more than")
APPROXIMATE = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated")


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before a figure ("at least", "about"), if any."""
    before = text[max(0, start - 20) : start].lower().rstrip()
    for qualifier in (*LOWER_BOUNDS, *UPPER_BOUNDS, *APPROXIMATE):
        if before.endswith(qualifier) and (len(before) == len(qualifier) or not before[-len(qualifier) - 1].isalpha()):
            return qualifier
    return None


def slip_against(token: str, qualifier: str | None, rng: random.Random) -> str | None:
    """A slip of ``token`` that the qualified figure cannot allow: lower for "at least 3,412",
    higher for "nearly 400", well away for "about 5,000"."""
    old = value_of(token)
    for _ in range(12):
        new = slip(token, rng)
        value = value_of(new) if new else None
        if value is None or old is None:
            continue
        if qualifier in LOWER_BOUNDS and value >= old:
            continue
        if qualifier in UPPER_BOUNDS and value <= old:
            continue
        if qualifier in APPROXIMATE and abs(value - old) <= 0.3 * old:
            continue
        return new
    return None


def value_of(token: str) -> float | None:
    """The value of a figure as the planters write them (digits, commas, bn/m/k, words)."""
    text = token.lower().replace(",", "").strip()
    text = text.lstrip("£$€")
    scale = 1.0
    for suffix, factor in ((" billion", 1e9), ("bn", 1e9), (" million", 1e6), ("m", 1e6), ("%", 1.0)):
        if text.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    try:
        return float(text) * scale
    except ValueError:
        words = spelled_values()
        return float(words[text]) if text in words else None


def spelled_values() -> dict[str, int]:
    values = {word: index for index, word in enumerate(NUMBER_WORDS)}
    for tens, word in TENS.items():
        values[word] = tens
        for unit in range(1, 10):
            values[f"{word}-{NUMBER_WORDS[unit]}"] = tens + unit
    return values


def spell(value: int) -> str:
    """A number under 100 in words."""
    if value <= 20:
        return NUMBER_WORDS[value]
    tens, unit = divmod(value, 10)
    return TENS[tens * 10] + (f"-{NUMBER_WORDS[unit]}" if unit else "")


def with_commas(value: int) -> str:
    return f"{value:,}"


def pick(rng: random.Random, variants: list, split: str):
    """One phrasing for this split: every third variant is kept for the held-out split only."""
    own = [v for index, v in enumerate(variants) if (index % 3 == 2) == (split == "held")]
    return rng.choice(own or variants)
