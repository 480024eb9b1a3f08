"""Known page-furniture phrases, matched at line starts in one compiled alternation per first word.

The phrases are data (``data/phrases.tsv``: phrase, kind, language,
position).  A phrase is literal words or a small template that stands for a
family of wordings (``sign up (for|to) [our|the] {words} newsletter``):
``(a|b)`` is one of several wordings, ``[a|b]`` an optional one, ``{slot}``
a slot defined in ``data/slots.tsv`` (a few words, a number, a social
network).  The phrases are grouped by their first word and tried only where
a line starts with that word, so prose pays one dictionary lookup per line.
A phrase is evidence about a line only together with what else is on the
line: "Leave a Reply" alone is a comment form; "The committee left a reply"
is prose and never reaches the matcher, which is anchored at the line start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Literal

import regex

from linter import Document
from rules.junk.lines import trimmed

DATA = Path(__file__).parent / "data"
SPACE = "[ \t\u00a0\u2009\u202f]"
BULLET = re.compile(rf"{SPACE}*(?:[-*•·▪►▸–—>]{SPACE}+|[↑↓←→▲▼⬆⇧^]{SPACE}*)?")
DECORATION = re.compile(rf"(?:{SPACE}|[:;.,!?…»›<>→←↑↓▲▼▾▸►⬆⇧^|/·•*+\-–—()\[\]{{}}0-9])*")
"""What may surround furniture phrases on their line: separators, arrows, counts."""
SOFT_LEAD_KINDS = frozenset({"read-more", "related-links", "navigation", "social-follow", "timestamp", "author-box"})
"""Lead kinds whose rest must look like a headline or a link, not a paragraph."""
PHRASE_SPACE = r"\s"
"""Spacing inside a phrase; phrases are matched within one line, so it never crosses a newline."""
TEASER_SEPARATOR = re.compile(rf"(?:{SPACE}|[:\-–—|»›>])*")
MAX_TEASER_WORDS = 30
TEMPLATE_TOKEN = re.compile(r"\([^()]*\|[^()]*\)|\[[^\[\]]*\]|\{[\w-]+\}|\S+")
"""A template's tokens: (one|of these), [optional|words], {slot}, or a literal word."""

Position = Literal["line", "lead", "part"]
POSITIONS = ("line", "lead", "part")


@dataclass(frozen=True)
class Phrase:
    """One row of phrases.tsv.

    ``position`` says when the phrase makes its line junk: ``line`` when the
    line holds nothing else but furniture, ``lead`` whatever follows it, and
    ``part`` only beside another phrase ("X" and "No" in "Share: Facebook ·
    X", "Was this helpful? Yes No", never alone).
    """

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


def normalise_word(word: str) -> str:
    return word.casefold().replace("’", "'")


def _words_pattern(words: str) -> str:
    return f"{PHRASE_SPACE}+".join(re.escape(word).replace("'", "['’]") for word in words.split())


def _alternatives(token: str) -> list[str]:
    return [alternative.strip() for alternative in token[1:-1].split("|")]


def _wording_pattern(wording: str, slots: dict[str, str], template: str) -> str:
    """One wording: literal words, or a slot."""
    if not (wording.startswith("{") and wording.endswith("}")):
        return _words_pattern(wording)
    name = wording[1:-1]
    if name not in slots:
        raise ValueError(f"{DATA / 'phrases.tsv'}: {template!r} uses {wording}, not defined in slots.tsv")
    return f"(?:{slots[name]})"


def _template_pattern(template: str, slots: dict[str, str], first_word: str) -> str:
    """The regular expression of a phrase for lines opened by ``first_word``.

    Tokens are joined by spaces, optional tokens with their space; of the
    first token's wordings only those opened by ``first_word`` are kept, so
    each first word's alternation stays small.
    """
    parts = []
    for index, token in enumerate(TEMPLATE_TOKEN.findall(template)):
        optional = token.startswith("[")
        if token.startswith(("(", "[")) and (optional or "|" in token):
            wordings = _alternatives(token)
            if index == 0:
                wordings = [w for w in wordings if _first_word_of(w) == first_word]
            body = "(?:" + "|".join(_wording_pattern(w, slots, template) for w in wordings) + ")"
        else:
            body = _wording_pattern(token, slots, template)
        if index == 0:
            if optional:
                raise ValueError(f"{DATA / 'phrases.tsv'}: {template!r} starts with an optional token")
            parts.append(body)
        else:
            parts.append(f"(?:{PHRASE_SPACE}+{body})?" if optional else f"{PHRASE_SPACE}+{body}")
    return "".join(parts)


def _first_word_of(wording: str) -> str | None:
    if wording.startswith("{"):
        return None
    word = FIRST_WORD.match(normalise_word(wording.strip()))
    return word.group() if word is not None else None


def _first_words(template: str) -> list[str]:
    """The words a line must start with for the phrase to be tried there (none: the phrase is unusable)."""
    token = TEMPLATE_TOKEN.match(template.strip())
    if token is None:
        return []
    first = token.group()
    wordings = _alternatives(first) if first.startswith("(") and "|" in first else [template]
    words: list[str] = []
    for wording in wordings:
        word = _first_word_of(wording.strip())
        if word is None:
            return []
        if word not in words:
            words.append(word)
    return words


@dataclass(frozen=True)
class PhraseTable:
    """The phrases, indexed by their first word: a line is tried only against phrases its first word opens.

    Each phrase is a named group (``p<number>``) of its first word's
    alternation, so a match names its phrase.  The alternations match
    leftmost-longest (POSIX), so "Accept all" is one phrase, not "Accept"
    followed by a stray "all", whatever the order of the data.
    """

    phrases: tuple[Phrase, ...]
    sources: dict[str, str]
    """First word to the source of its alternation, compiled on first use (most words never open a line)."""
    kinds: dict[str, str]
    compiled: dict[str, regex.Pattern[str]] = field(default_factory=dict)

    def pattern_for(self, word: str) -> regex.Pattern[str] | None:
        """The alternation of the phrases a line's first word (case-folded) opens, if any."""
        pattern = self.compiled.get(word)
        if pattern is None:
            source = self.sources.get(word)
            if source is None:
                return None
            pattern = self.compiled[word] = regex.compile(source, regex.IGNORECASE | regex.POSIX)
        return pattern

    def phrase_of(self, match: regex.Match[str]) -> Phrase:
        return self.phrases[int(match.lastgroup[1:])]  # type: ignore[index]

    def match_at(self, text: str, pos: int, end: int) -> regex.Match[str] | None:
        """The longest phrase starting exactly at ``pos``, if any."""
        word = FIRST_WORD.match(text, pos, end)
        if word is None:
            return None
        pattern = self.pattern_for(normalise_word(word.group()))
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
def slots() -> dict[str, str]:
    """Slot name to regular expression (without capturing groups), from slots.tsv."""
    found = {}
    for name, pattern in _read_tsv(DATA / "slots.tsv"):
        if re.compile(pattern).groups:
            raise ValueError(f"{DATA / 'slots.tsv'}: slot {name} has a capturing group; use (?:...)")
        found[name] = pattern
    return found


@cache
def phrase_table() -> PhraseTable:
    rows: dict[str, Phrase] = {}
    for text, kind, language, position in _read_tsv(DATA / "phrases.tsv"):
        if position not in POSITIONS:
            raise ValueError(f"{DATA / 'phrases.tsv'}: {text!r} has position {position!r}, not one of {POSITIONS}")
        rows[" ".join(normalise_word(text).split())] = Phrase(text, kind, language, position)  # type: ignore[arg-type]
    phrases = tuple(rows.values())
    kinds = {kind: label for kind, label in _read_tsv(DATA / "kinds.tsv")}
    unknown = {p.kind for p in phrases} - set(kinds)
    if unknown:
        raise ValueError(f"{DATA / 'phrases.tsv'}: kinds not described in kinds.tsv: {sorted(unknown)}")
    slot_patterns = slots()
    grouped: dict[str, list[tuple[int, str]]] = {}
    # A tie between phrases of one length goes to the first alternative: a phrase that is furniture on its own
    # ("Font" as a widget label) must come before a part-only one of the same words, or the line is left alone.
    by_standing = sorted(enumerate(phrases), key=lambda numbered: numbered[1].position == "part")
    for number, phrase in by_standing:
        words = _first_words(phrase.text)
        if not words:
            raise ValueError(f"{DATA / 'phrases.tsv'}: {phrase.text!r} does not start with a word")
        for word in words:
            grouped.setdefault(word, []).append((number, _template_pattern(phrase.text, slot_patterns, word)))
    sources = {
        word: "|".join(f"(?P<p{number}>{pattern})" for number, pattern in group) for word, group in grouped.items()
    }
    return PhraseTable(phrases=phrases, sources=sources, kinds=kinds)


def _ends_cleanly(text: str, end: int, limit: int) -> bool:
    """A phrase ends at a word boundary, or is glued to the next label ("ArrowAnimated")."""
    if end >= limit or not text[end].isalnum() or not text[end - 1].isalnum():
        return True
    return text[end - 1].islower() and text[end].isupper()


def _only_furniture(text: str, pos: int, end: int, table: PhraseTable, standing: bool) -> bool:
    """Whether text[pos:end] holds nothing but decoration and further furniture phrases.

    ``standing`` says the line already holds a phrase that is furniture on
    its own; a line of ``part`` phrases only ("Yes No", "X") is not junk.
    """
    while True:
        pos = DECORATION.match(text, pos, end).end()  # type: ignore[union-attr]
        if pos >= end:
            return standing
        match = table.match_at(text, pos, end)
        if match is None or not _ends_cleanly(text, match.end(), end):
            return False
        standing = standing or table.phrase_of(match).position != "part"
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
        pattern = table.pattern_for(normalise_word(first.group(1)))
        if pattern is None:
            continue
        line_start = first.start(1)
        end = text.find("\n", line_start)
        end = len(text) if end < 0 else end
        match = pattern.match(text, line_start, end)
        if match is None or not _ends_cleanly(text, match.end(), end):
            continue
        phrase = table.phrase_of(match)
        if _only_furniture(text, match.end(), end, table, phrase.position != "part"):
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

