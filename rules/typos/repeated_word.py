"""TYP: a word printed twice in a row."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Iterator

import regex

from linter import Document, Finding, Fix, Option, Rule
from rules.typos import lexicon

DATA = Path(__file__).parent / "data"
# The first word is taken whole (an atomic group): a shorter part of it is never followed by a space.
# Spaces or one line break between the copies; neither copy part of a compound ("in in-fighting", "a break-in in").
DOUBLED = regex.compile(r"\b(?<![-‐]\p{L}*)(?>(\p{L}+(?:['’]\p{L}+)?))([ \t]+|[ \t]*\n[ \t]*)(\1)\b(?![-‐]\p{L})", regex.IGNORECASE)
FUNCTION_WORD = 6.0
"""Words at least this common (Zipf: "the", "of", "a", "to", "in", "for") are doubled by slips across a line break
too; other words repeated there are a headline and the line after it, or a wrapped list."""


@cache
def grammatical_doubles() -> frozenset[str]:
    lines = (DATA / "grammatical_doubles.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@cache
def grammatical_double_phrases() -> tuple[str, ...]:
    lines = (DATA / "grammatical_double_phrases.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def _starts_set_phrase(text: str, start: int) -> bool:
    """The second copy starts a set phrase ("at at least"), so the double is correct."""
    following = " ".join(text[start : start + 40].lower().split())
    return any(following.startswith(phrase) and not following[len(phrase) : len(phrase) + 1].isalpha() for phrase in grammatical_double_phrases())


def _glued(word: str) -> bool:
    """A capital inside a word ("ArrowAnimated") marks words glued by a scraper: junk, not a typo."""
    return any(c.isupper() for c in word[1:]) and not word.isupper()


class RepeatedWord(Rule):
    """A word printed twice in a row ("mounting mounting", "the the").

    ## What it flags
    The same word twice in a row, separated only by spaces or tabs, and the
    commonest words ("the", "of", "a", "to") also across a line break. "The
    the" at a sentence start is flagged too.

    ## Why
    A doubled word is the commonest slip of hurried editing and of spun or
    badly merged text; readers notice it at once.

    ## What it leaves alone
    Grammatical doubles such as "that that", "had had", "is is" and
    "very very" (the list is data: `rules/typos/data/grammatical_doubles.txt`,
    extended with the `allowed` option), doubles whose second copy starts a
    set phrase ("the dead at at least 90": `grammatical_double_phrases.txt`),
    words split by punctuation, other words split by a line break, names
    (a capitalised second copy: "Duran Duran", "Bafana Bafana", "Spend Spend
    Spend", "law lord Lord Bingham"), the first half of a compound ("in
    in-fighting"), doubles whose two halves differ in case beyond the first
    letter ("Will WILL"), and words glued together by a scraper
    ("ArrowAnimated ArrowAnimated"), which the junk rules report.

    ## Example
    "After mounting mounting hostility" becomes "After mounting hostility".

    ## Fix
    Deletes the second word and the space before it; safe.
    """

    code = "TYP003"
    name = "repeated-word"
    category = "typo"
    fixable = True
    default_options = {"allowed": Option([], items=str)}

    def check(self, document: Document) -> Iterator[Finding]:
        # Nearly every text has no word twice in a row: a test on the shared word list says so
        # without the costlier search for a word and its back-reference at every word.
        if not document.analysis.may_repeat_a_word:
            return
        allowed = grammatical_doubles() | {w.lower() for w in self.options["allowed"]}
        for match in DOUBLED.finditer(document.text):
            first, second = match.group(1), match.group(3)
            if (
                first.lower() in allowed
                or first[1:] != second[1:]
                or second[0].isupper()  # a name ("Duran Duran", "Bafana Bafana"), or one after a title ("law lord Lord Bingham")
                or ("\n" in match.group(2) and lexicon.zipf(first) < FUNCTION_WORD)
                or _glued(first)
                or _starts_set_phrase(document.text, match.start())
            ):
                continue
            start, end = match.span()
            fix = Fix.delete(match.start(2), match.end(3), description=f"remove the second {second!r}")
            yield self.finding(document, start, end, f"repeated word: {first!r} twice in a row", fix=fix)
