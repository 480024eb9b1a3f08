"""ENC001: mojibake, text decoded with the wrong encoding ("Zelenskyyâ€™s")."""

from __future__ import annotations

import re
from typing import Iterator

from linter import Document, Finding, Fix, Rule

CP1252_HIGH = "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
SUSPECT = re.compile(
    "[\xc2-\xf4][\x80-\xbf" + CP1252_HIGH + "]"  # a UTF-8 lead byte read as Latin-1 or Windows-1252
    "|[\u2500-\u259f]"  # box drawing: UTF-8 read as code page 437
    "|[\u0420\u0421][\u0401-\u040f\u0451-\u045f\u0490\u0491\u00a0-\u00bf\u2116\u2018-\u203a\u20ac\u2122]"  # UTF-8 read as Windows-1251
)
"""Cheap evidence that a line may hold mojibake; only such lines meet ftfy's (costly) badness test."""
SUSPECT_START = re.compile("[\xc2-\xf4\u2500-\u259f\u0420\u0421]")
"""The first characters of SUSPECT: one character class is searched much faster than the alternation."""


def changed_region(old: str, new: str) -> tuple[int, int, str]:
    """The differing middle of two strings: (start, end in ``old``, replacement)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix : len(new) - suffix]


class Mojibake(Rule):
    """Mojibake: UTF-8 text decoded as Latin-1 or Windows-1252 ("â€™" for "’", "Ã©" for "é").

    ## What it flags
    Sequences that ftfy's badness heuristic (`ftfy.badness`) finds, on lines
    where ftfy's `fix_encoding` then restores different text. To stay fast,
    only lines with a cheap sign of mojibake meet ftfy: a UTF-8 lead byte
    read as Latin-1 or Windows-1252 ("Ã©", "â€"), box drawing (code page
    437) or Cyrillic pairs typical of Windows-1251 ("Рѕ"). The span is
    the part of the line that the repair changes.

    ## Why
    Mojibake is the commonest encoding damage in scraped text: a page
    served as UTF-8 but read as Windows-1252, often twice. Each damaged
    character becomes two or three junk characters that tokenizers learn.

    ## What it leaves alone
    Pure-ASCII documents (skipped at once) and clean non-ASCII text:
    Dolmabahçe, Erdoğan, Zürich, São Paulo, naïve, €, £, ©, curly quotes,
    dashes, Cyrillic and Greek. ftfy is designed to leave correct text as it is.

    ## Example
    "President Zelenskyyâ€™s office" becomes "President Zelenskyy’s office".

    ## Fix
    Replaces the span with ftfy's repair of its line. Safe: ftfy only
    repairs what decodes back to valid text.
    """

    code = "ENC001"
    name = "mojibake"
    category = "encoding"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if text.isascii():
            return
        lines_done: set[int] = set()
        for candidate in SUSPECT_START.finditer(text):
            if SUSPECT.match(text, candidate.start()) is None:
                continue
            line, _column = document.position(candidate.start())
            if line in lines_done:
                continue
            lines_done.add(line)
            line_start, line_end = document.line_span(line)
            original = text[line_start:line_end]
            import ftfy  # here, not at the top: most runs never meet a suspect line, and ftfy takes 70 ms to import
            from ftfy.badness import BADNESS_RE

            if BADNESS_RE.search(original) is None:
                continue
            repaired = ftfy.fix_encoding(original)
            if repaired == original:
                continue
            start, end, replacement = changed_region(original, repaired)
            start, end = line_start + start, line_start + end
            fix = Fix.replace(start, end, replacement, description=f"repair to {replacement!r}")
            yield self.finding(document, start, end, f"mojibake: {text[start:end]!r} should read {replacement!r}", fix=fix)
