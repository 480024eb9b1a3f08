"""TYP: no space after punctuation between two words ("agreed upon,negotiations")."""

from __future__ import annotations

from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule
from rules.typos.text import analyse

# A letter, a punctuation mark, a letter: the candidates; context decides.
JOINT = regex.compile(r"(?<=\p{L})[,;:?!.](?=\p{L})")
LEFT_WORD = regex.compile(r"(?:\p{L}\.)*\p{L}+$")
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
        code_like: dict[tuple[int, int], bool] = {}
        for match in JOINT.finditer(text):
            mark, position = match.group(), match.start()
            left = LEFT_WORD.search(text, max(0, position - 60), position)
            right = RIGHT_WORD.match(text, position + 1)
            if left is None or right is None:
                continue
            start, end = left.start(), right.end()
            bounds = _chunk(text, start, end)
            if bounds not in code_like:
                code_like[bounds] = _is_code_like(text[bounds[0] : bounds[1]])
            if code_like[bounds] or analysis.is_protected(start, end):
                continue
            if not self._is_prose_joint(text, mark, left.group(), right.group(), start, end, text[bounds[0] : bounds[1]]):
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


def _chunk(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the run of non-space characters around [start, end) (at most 200 more each side)."""
    left = start
    while left > 0 and not text[left - 1].isspace() and start - left < 200:
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace() and right - end < 200:
        right += 1
    return left, right
