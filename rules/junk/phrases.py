"""Known page-furniture phrases, matched at line starts in one compiled alternation.

The phrases are data (``data/phrases.tsv``: phrase, kind, language,
position).  All of them go into one case-insensitive alternation that is
tried only where a line starts, so prose pays one failed match per line.
A phrase is evidence about a line only together with what else is on the
line: "Leave a Reply" alone is a comment form; "The committee left a reply"
is prose and never reaches the matcher, which is anchored at the line start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from linter import Document
from rules.junk.lines import trimmed

DATA = Path(__file__).parent / "data"
SPACE = "[ \t\u00a0\u2009\u202f]"
BULLET = re.compile(rf"{SPACE}*(?:[-*•·▪►▸–—>]{SPACE}+)?")
DECORATION = re.compile(rf"(?:{SPACE}|[:;.,!?…»›<>→←↑↓▲▼▾▸►|/·•*+\-–—()\[\]{{}}0-9])*")
"""What may surround furniture phrases on their line: separators, arrows, counts."""
SOFT_LEAD_KINDS = frozenset({"read-more", "related-links", "navigation", "social-follow"})
"""Lead kinds whose rest must look like a headline or a link, not a paragraph."""
TEASER_SEPARATOR = re.compile(rf"(?:{SPACE}|[:\-–—|»›>])*")
MAX_TEASER_WORDS = 30

Position = Literal["line", "lead"]


@dataclass(frozen=True)
class Phrase:
    text: str
    kind: str
    language: str
    position: Position


@dataclass(frozen=True)
class PhraseLine:
    """A line that starts with a known phrase.

    ``whole`` says the line holds only furniture; otherwise the phrase leads
    the line and ``rest_start`` is where the teaser's own text begins.
    """

    start: int
    end: int
    phrase: Phrase
    whole: bool
    rest_start: int


def normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


def normalise_word(word: str) -> str:
    return word.casefold().replace("’", "'")


def _phrase_pattern(text: str) -> str:
    words = [re.escape(word).replace("'", "['’]") for word in text.split()]
    return f"{SPACE}+".join(words)


@dataclass(frozen=True)
class PhraseTable:
    """The phrases, indexed by their first word: a line is tried only against phrases its first word opens."""

    phrases: dict[str, Phrase]
    by_first_word: dict[str, re.Pattern[str]]
    kinds: dict[str, str]

    def lookup(self, matched: str) -> Phrase | None:
        return self.phrases.get(normalise(matched))

    def match_at(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        """The longest phrase starting exactly at ``pos``, if any."""
        word = FIRST_WORD.match(text, pos, end)
        if word is None:
            return None
        pattern = self.by_first_word.get(normalise_word(word.group()))
        return pattern.match(text, pos, end) if pattern is not None else None


FIRST_WORD = re.compile(r"\(c\)|[^\s:;,.!?|()»›→<>]+", re.IGNORECASE)
LINE_FIRST_WORD = re.compile(rf"^{BULLET.pattern}({FIRST_WORD.pattern})", re.IGNORECASE | re.MULTILINE)
"""The first word of every line, found in one scan of the text."""


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            rows.append(raw.split("\t"))
    return rows


@cache
def phrase_table() -> PhraseTable:
    phrases: dict[str, Phrase] = {}
    for text, kind, language, position in _read_tsv(DATA / "phrases.tsv"):
        if position not in ("line", "lead"):
            raise ValueError(f"{DATA / 'phrases.tsv'}: {text!r} has position {position!r}, not line or lead")
        phrases[normalise(text)] = Phrase(text, kind, language, position)  # type: ignore[arg-type]
    kinds = {kind: label for kind, label in _read_tsv(DATA / "kinds.tsv")}
    unknown = {p.kind for p in phrases.values()} - set(kinds)
    if unknown:
        raise ValueError(f"{DATA / 'phrases.tsv'}: kinds not described in kinds.tsv: {sorted(unknown)}")
    grouped: dict[str, list[str]] = {}
    for phrase in phrases:
        first = FIRST_WORD.match(phrase)
        if first is None:
            raise ValueError(f"{DATA / 'phrases.tsv'}: {phrase!r} does not start with a word")
        grouped.setdefault(normalise_word(first.group()), []).append(phrase)
    by_first_word = {
        word: re.compile("|".join(_phrase_pattern(p) for p in sorted(group, key=len, reverse=True)), re.IGNORECASE)
        for word, group in grouped.items()
    }
    return PhraseTable(phrases=phrases, by_first_word=by_first_word, kinds=kinds)


def _ends_cleanly(text: str, end: int, limit: int) -> bool:
    """A phrase ends at a word boundary, or is glued to the next label ("ArrowAnimated")."""
    if end >= limit or not text[end].isalnum() or not text[end - 1].isalnum():
        return True
    return text[end - 1].islower() and text[end].isupper()


def _only_furniture(text: str, pos: int, end: int, table: PhraseTable) -> bool:
    """Whether text[pos:end] holds nothing but decoration and further furniture phrases."""
    while True:
        pos = DECORATION.match(text, pos, end).end()  # type: ignore[union-attr]
        if pos >= end:
            return True
        match = table.match_at(text, pos, end)
        if match is None or not _ends_cleanly(text, match.end(), end):
            return False
        pos = match.end()


def _headline_like(phrase: Phrase, rest: str) -> bool:
    """A teaser's rest is headline-sized; without a colon after the lead, it is not a sentence either."""
    words = rest.split()
    if not 0 < len(words) <= MAX_TEASER_WORDS:
        return False
    return phrase.text[-1] in ":»-" or not rest.rstrip().endswith(".")


def phrase_lines(document: Document) -> list[PhraseLine]:
    """Every line of the document that starts with a known phrase and is junk by its position rule."""
    cached = document.cache.get("junk.phrase_lines")
    if cached is not None:
        return cached
    table = phrase_table()
    text = document.text
    found: list[PhraseLine] = []
    for first in LINE_FIRST_WORD.finditer(text):
        pattern = table.by_first_word.get(normalise_word(first.group(1)))
        if pattern is None:
            continue
        line_start = first.start(1)
        end = text.find("\n", line_start)
        end = len(text) if end < 0 else end
        match = pattern.match(text, line_start, end)
        if match is None or not _ends_cleanly(text, match.end(), end):
            continue
        phrase = table.lookup(match.group())
        if phrase is None:
            continue
        if _only_furniture(text, match.end(), end, table):
            found.append(PhraseLine(*trimmed(text, line_start, end), phrase, True, end))
            continue
        if phrase.position != "lead":
            continue
        rest_start = TEASER_SEPARATOR.match(text, match.end(), end).end()  # type: ignore[union-attr]
        if phrase.kind in SOFT_LEAD_KINDS and not _headline_like(phrase, text[rest_start:end]):
            continue
        found.append(PhraseLine(*trimmed(text, line_start, end), phrase, False, rest_start))
    document.cache["junk.phrase_lines"] = found
    return found

