"""EXA001: template filler that was published instead of text."""

from __future__ import annotations

import functools
import re
from typing import Iterable

from linter import Document, Finding, Rule


@functools.cache
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of the phrases, whole words only (compiled once per option value)."""
    alternatives = [r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases if phrase.split()]
    if not alternatives:
        return None
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


class PlaceholderText(Rule):
    """Flags placeholder text such as "lorem ipsum" left in a published article.

    ## What it flags
    Any phrase from the `phrases` option, in any case and with any spacing
    between its words: by default "lorem ipsum" and "dolor sit amet", the
    filler of page templates.

    ## Why
    A scraped page that still carries template filler was published before its
    text was written, or the scraper picked up a layout placeholder instead of
    the article.  Either way the record is not the article it claims to be.

    ## Example
    `Lorem ipsum dolor sit amet, consectetur adipiscing elit.` is flagged twice
    ("Lorem ipsum" and "dolor sit amet"); `The minister spoke in Latin.` is not.

    ## What it leaves alone
    Words of the phrases on their own ("ipsum", "amet"), and phrases inside
    longer words.

    ## Options
    `phrases`: the list of placeholder phrases (matched case-insensitively).
    """

    code = "EXA001"
    name = "placeholder-text"
    category = "example"
    default_options = {"phrases": ["lorem ipsum", "dolor sit amet"]}

    def check(self, document: Document) -> Iterable[Finding]:
        pattern = phrase_pattern(tuple(str(p) for p in self.options["phrases"]))
        if pattern is None:
            return
        for match in pattern.finditer(document.text):
            yield self.finding(document, match.start(), match.end(), f"placeholder text: {match.group()!r}")

