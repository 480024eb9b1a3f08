"""ENC004: zero-width and other invisible characters inside running text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Fix, Rule

DATA = Path(__file__).parent / "data"
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


@dataclass(frozen=True)
class Invisibles:
    names: dict[str, str]
    where: dict[str, str]
    pattern: re.Pattern[str]


@cache
def invisibles() -> Invisibles:
    names: dict[str, str] = {}
    where: dict[str, str] = {}
    for raw in (DATA / "invisible.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        code, name, scope = raw.split("\t")
        character = chr(int(code, 16))
        names[character] = name
        where[character] = scope
    pattern = re.compile("[" + "".join(re.escape(c) for c in names) + "]")
    return Invisibles(names, where, pattern)


def _latin_or_digit(character: str) -> bool:
    return character.isascii() and character.isalnum() or "\u00c0" <= character <= "\u024f"


class InvisibleCharacter(Rule):
    """Zero-width and other invisible characters that break words without showing.

    ## What it flags
    Zero-width spaces, word joiners, soft hyphens, stray byte-order marks
    and invisible operators anywhere; zero-width joiners and non-joiners
    only between Latin letters or digits; direction marks and overrides only
    on lines without right-to-left letters. The list is data:
    `rules/encoding/data/invisible.tsv`.

    ## Why
    They come from HTML (&shy;, &#8203;), word processors and copy-paste.
    Invisible to a reader, they split "cease\u200bfire" into two tokens, defeat
    search and deduplication, and can hide text direction tricks.

    ## What it leaves alone
    Joiners where they shape Arabic, Indic or emoji text, and direction
    marks in lines that mix right-to-left and left-to-right script.
    Pure-ASCII documents are skipped at once.

    ## Example
    "cease\u200bfire" (U+200B inside the word).

    ## Fix
    Deletes the character. Safe.
    """

    code = "ENC004"
    name = "invisible-character"
    category = "encoding"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if text.isascii():
            return
        table = invisibles()
        for match in table.pattern.finditer(text):
            start = match.start()
            character = match.group()
            scope = table.where[character]
            if scope == "between-latin":
                before = text[start - 1] if start > 0 else ""
                after = text[start + 1] if start + 1 < len(text) else ""
                if not (before and after and _latin_or_digit(before) and _latin_or_digit(after)):
                    continue
            elif scope == "outside-rtl":
                line_start, line_end = document.line_span(document.position(start)[0])
                if RIGHT_TO_LEFT.search(text, line_start, line_end):
                    continue
            name = table.names[character]
            fix = Fix.delete(start, start + 1, description=f"delete the {name}")
            yield self.finding(document, start, start + 1, f"invisible {name} (U+{ord(character):04X})", fix=fix)
