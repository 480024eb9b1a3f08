"""ENC002: U+FFFD replacement characters, where a decoder gave up."""

from __future__ import annotations

import re
from typing import Iterator

from linter import Document, Finding, Rule

REPLACEMENTS = re.compile("\ufffd+")


class ReplacementCharacter(Rule):
    """The replacement character "\ufffd" (U+FFFD): text lost when bytes could not be decoded.

    ## What it flags
    Each run of U+FFFD characters. A decoder writes one for every byte
    sequence it could not read, so the original characters are gone.

    ## Why
    The damage cannot be undone from the text: "S\ufffdo Paulo" could be
    "São" or "Sao". A corpus should be decoded again from its source, or the
    document dropped; ftfy cannot repair it.

    ## What it leaves alone
    Every other character. Pure-ASCII documents are skipped at once.

    ## Example
    "The talks in Dolmabah\ufffde Palace" (a "ç" lost by a decoder).
    """

    code = "ENC002"
    name = "replacement-character"
    category = "encoding"

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if text.isascii() or "\ufffd" not in text:
            return
        for match in REPLACEMENTS.finditer(text):
            count = match.end() - match.start()
            plural = "s" if count > 1 else ""
            message = f"{count} replacement character{plural} (U+FFFD): the original text was lost in decoding"
            yield self.finding(document, match.start(), match.end(), message)
