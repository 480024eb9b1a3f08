"""JNK005: an image or media credit left in the text ("(Image: AP)")."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Fix, Rule

DATA = Path(__file__).parent / "data"


def _entries(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _alternation(entries: list[str]) -> str:
    escaped = (r"\s+".join(re.escape(word) for word in entry.split()) for entry in entries)
    return "|".join(sorted(escaped, key=len, reverse=True))


@cache
def credit_pattern() -> re.Pattern[str]:
    """Credits in brackets anywhere, or a credit line of its own.

    "(Image: AP)", "(Photo credit: Jane Doe/Reuters)", "(AP Photo/Emrah
    Gurel)", "(Getty Images)", and "Photo: Reuters" as a whole line.
    """
    words = _alternation(_entries("credit_words.txt"))
    libraries = _alternation(_entries("image_libraries.txt"))
    bracketed = rf"\(\s*(?:{words})(?:\s+(?:credit|credits|courtesy))?\s*[:/]\s*[^()\n]{{1,80}}\)"
    agency_photo = r"\((?:[A-Z][\w.&'-]*\s){1,3}(?:Photo|Foto|Image)s?\s*/\s*[^()\n]{1,80}\)"
    library = rf"\([^()\n]{{0,40}}\b(?:{libraries})\)"
    own_line = rf"(?m:^[ \t]*(?:{words})(?:\s+(?:credit|credits|courtesy))?[ \t]*:[ \t]*[^\n.!?]{{1,80}}$)"
    return re.compile(rf"{bracketed}|{agency_photo}|{library}|{own_line}", re.IGNORECASE)


MAX_LINE_CREDIT_WORDS = 10


class MediaCredit(Rule):
    """An image, photo or video credit left in the article text.

    ## What it flags
    Credits in brackets, glued to a caption or standing alone: "(Image:
    AP)", "(Photo: Reuters/Jane Doe)", "(AP Photo/Emrah Gurel)", "(Foto:
    dpa)", "(AFP via Getty Images)"; and a line that is only a credit,
    "Photo: Reuters" (at most 10 words). The credit words and picture
    libraries are data (`rules/junk/data/credit_words.txt`,
    `rules/junk/data/image_libraries.txt`).

    ## Why
    Credits belong to a page's images, which the scraper dropped; left in
    the text they interrupt sentences and tell a model that "(Image: AP)"
    is part of prose.

    ## What it leaves alone
    Datelines ("ISTANBUL (Reuters) -"), since a news agency in brackets is
    a dateline, not a credit; and sentences about photos ("The photo:
    a crowd at dawn" is a line of more than a credit only if it ends a
    sentence).

    ## Example
    "Both sides agreed to provide detailed ceasefire proposals(Image: AP)"

    ## Fix
    Deletes the credit (a whole credit line with its newline, or the
    bracketed credit with the space before it). Safe.
    """

    code = "JNK005"
    name = "media-credit"
    category = "junk"
    fixable = True

    def prepare(self) -> None:
        credit_pattern()

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if "(" not in text and ":" not in text:
            return
        for match in credit_pattern().finditer(text):
            start, end = match.span()
            while text[start] in " \t":
                start += 1
            if text[start] != "(":
                if len(text[start:end].split()) > MAX_LINE_CREDIT_WORDS:
                    continue
                cut_start, cut_end = start, min(end + 1, len(text))
            else:
                cut_start = start - 1 if start > 0 and text[start - 1] == " " else start
                cut_end = end
            fix = Fix.delete(cut_start, cut_end, description="delete the credit")
            yield self.finding(document, start, end, f"media credit: {text[start:end]!r}", fix=fix)
