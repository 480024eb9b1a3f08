"""ENC007: no-break and other special spaces where a plain space belongs (info)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Fix, Rule, Severity

DATA = Path(__file__).parent / "data"
FRENCH_BEFORE = frozenset(":;!?»%€›")
"""Characters a no-break space rightly precedes in French typography."""
FRENCH_AFTER = frozenset("«‹—–")


@cache
def odd_spaces() -> dict[str, str]:
    names: dict[str, str] = {}
    for raw in (DATA / "odd_spaces.tsv").read_text(encoding="utf-8").splitlines():
        if raw.strip() and not raw.startswith("#"):
            code, name = raw.split("\t")
            names[chr(int(code, 16))] = name
    return names


@cache
def odd_space_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(odd_spaces()) + "]+")


def typographic(text: str, start: int, end: int) -> bool:
    """A special space where typography wants one: French punctuation, digit groups, units, CJK."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if text[start:end] == "\u3000":
        return True
    if after in FRENCH_BEFORE or before in FRENCH_AFTER:
        return True
    if before.isdigit() and (after.isdigit() or after.isalpha() or after in "%€$£°"):
        return True  # "10 000", "5 km", "20 %"
    return False


class OddSpace(Rule):
    """A no-break or other special space where a plain space belongs.

    ## What it flags
    No-break, thin, hair, em, en and other special spaces (the list is data:
    `rules/encoding/data/odd_spaces.tsv`) between words, and such spaces
    doubled with a plain one ("See also\u00a0 Saudi").

    ## Why
    Web pages use "&nbsp;" for layout; scraped, these spaces stay in the
    text, where they split tokens differently from plain spaces and defeat
    exact-match search and deduplication.

    ## What it leaves alone
    Spaces that typography wants: before French ":;!?»" and after "«", in
    digit groups and before units ("10 000", "5 km"), and ideographic spaces.
    Off by default and of info severity: many corpora keep no-break spaces
    on purpose. Pure-ASCII documents are skipped at once.

    ## Example
    "See also\u00a0 Saudi's Manara" (a no-break space, then a plain space).

    ## Fix
    Replaces the run with one plain space. Safe.
    """

    code = "ENC007"
    name = "odd-space"
    category = "encoding"
    severity = Severity.INFO
    enabled_by_default = False
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if text.isascii():
            return
        names = odd_spaces()
        for match in odd_space_pattern().finditer(text):
            start, end = match.span()
            doubled = end < len(text) and text[end] == " " or start > 0 and text[start - 1] == " "
            if not doubled and typographic(text, start, end):
                continue
            cut_start = start - 1 if start > 0 and text[start - 1] == " " else start
            cut_end = end + 1 if end < len(text) and text[end] == " " else end
            name = names[text[start]]
            fix = Fix.replace(cut_start, cut_end, " ", description="use one plain space")
            yield self.finding(document, start, end, f"{name} (U+{ord(text[start]):04X}) where a plain space belongs", fix=fix)
