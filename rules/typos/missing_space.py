"""TYP: no space after punctuation between two words ("agreed upon,negotiations")."""

from __future__ import annotations

from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule
from rules.typos.text import analyse

# A letter, a punctuation mark, a letter: the candidates; context decides.
JOINT = regex.compile(r"(?<=\p{L})[,;:?!.](?=\p{L})")
LEFT_WORD = regex.compile(r"(?:\p{L}\.)*\p{L}+", regex.REVERSE)
"""Matched backwards from a joint: the word before it, with any abbreviation chain ("U.S")."""
LEFT_WORD_REACH = 60
SPACE = regex.compile(r"\s")
SPACE_BEFORE = regex.compile(r"\s", regex.REVERSE)
RIGHT_WORD = regex.compile(r"\p{L}+")
ABBREVIATION_CHAIN = regex.compile(r"(?:\p{L}\.)+\p{L}$")
TITLE_WORD = regex.compile(r"\p{Lu}\p{Ll}+$")
CODE_MARKS = frozenset("/\\=_&<>{}[]|~^*+$%@#")
MAX_JOINTS_IN_CHUNK = 2
"""A chunk with more joints than this is a tag list, identifier or path, not a typo."""


class MissingSpaceAfterPunctuation(Rule):
    """No space after a comma, full stop, semicolon, colon, "?" or "!" between two words.

    ## What it flags
    Two words joined by punctuation with no space after it:
    "agreed upon,negotiations", "sentiment,calling", "U.S.President",
    "the talks ended.The delegation", "several goals;none met".

    ## Why
    Scrapers that drop line breaks and careless editing glue words together;
    the result reads badly and breaks tokenisation for anything downstream.

    ## What it leaves alone
    Numbers and decimals (3.5, 10.30, 1,000), abbreviations (U.S., e.g.,
    a.m.), URLs, e-mail addresses, file and domain names (report.pdf,
    Amazon.com), handles and hashtags, code-like chunks (paths, identifiers
    with `=` or `_`, "std::vector"), tag lists with many joints
    ("news,world,politics"). After a full stop, "?" or "!" the next word
    must be capitalised (a new sentence), so "node.js" style names pass.

    ## Example
    "agreed upon,negotiations" becomes "agreed upon, negotiations".

    ## Fix
    Inserts a space after the punctuation; safe.
    """

    code = "TYP002"
    name = "missing-space-after-punctuation"
    category = "typo"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        analysis = analyse(document)
        chunk_start = chunk_end = 0
        code_like = False
        for match in JOINT.finditer(text):
            mark, position = match.group(), match.start()
            if position >= chunk_end:
                # Joints come in order: each run of non-space characters is delimited and judged once.
                chunk_start, chunk_end = _chunk(text, chunk_end, position)
                code_like = _is_code_like(text[chunk_start:chunk_end])
            if code_like:
                continue
            left = LEFT_WORD.match(text, max(chunk_start, position - LEFT_WORD_REACH), position)
            right = RIGHT_WORD.match(text, position + 1)
            if left is None or right is None:
                continue
            start, end = left.start(), right.end()
            if analysis.is_protected(start, end):
                continue
            if not self._is_prose_joint(text, mark, left.group(), right.group(), start, end, text[chunk_start:chunk_end]):
                continue
            fix = Fix.replace(position, position + 1, mark + " ", description=f"add a space after {mark!r}")
            yield self.finding(document, start, end, f"missing space after {mark!r}", fix=fix)

    @staticmethod
    def _is_prose_joint(text: str, mark: str, left: str, right: str, start: int, end: int, chunk: str) -> bool:
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before.isalnum() or before in "._-'’" or after.isdigit() or after in "_-":
            return False
        if len(right) < 2:
            return False
        abbreviation = ABBREVIATION_CHAIN.search(left) is not None
        if mark in ".?!":
            if TITLE_WORD.match(right) is None:
                return False
            return abbreviation or (len(left) >= 2 and chunk.count(".") <= 2)
        if abbreviation or len(left) < 2:
            return False
        if mark == ":":
            return len(left) >= 3 and len(right) >= 3
        return True


def _is_code_like(chunk: str) -> bool:
    """Paths, identifiers, markup and tag lists: joints there are not typos."""
    return any(c in CODE_MARKS for c in chunk) or "::" in chunk or len(JOINT.findall(chunk)) > MAX_JOINTS_IN_CHUNK


def _chunk(text: str, floor: int, position: int) -> tuple[int, int]:
    """Bounds of the run of non-space characters around ``position``, which starts at or after ``floor``."""
    space_before = SPACE_BEFORE.search(text, floor, position)
    space_after = SPACE.search(text, position)
    return (space_before.end() if space_before else floor), (space_after.start() if space_after else len(text))
