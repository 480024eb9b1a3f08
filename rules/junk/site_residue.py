"""JNK006: a line that is only a site's name or domain ("mirror.", "reuters.com")."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.context import context
from rules.junk.lines import delete_line

DATA = Path(__file__).parent / "data"
SITE_NAME = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.(?:[a-z]{2,}(?:\.[a-z]{2,})?/?)?"
)
MAX_LINE = 80


@cache
def not_site_names() -> frozenset[str]:
    lines = (DATA / "not_site_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_site_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is one lower-case token with a dot that names a site."""
    if start == end or "." not in text[start:end]:
        return False
    return SITE_NAME.fullmatch(text, start, end) is not None and text[start:end] not in not_site_names()


class SiteNameResidue(Calibrated, Rule):
    """A line holding nothing but a site's name or domain, left from a logo or footer.

    ## What it flags
    A line that is one lower-case token with a dot: a domain
    ("theguardian.com", "www.bbc.co.uk") or a site name cut from its
    domain ("mirror.").

    ## Why
    Logos, footers and share cards leave the site's name as alt text. It is
    not a sentence and not part of the article.

    ## What it leaves alone
    Names in sentences ("according to reuters.com"), a word and a full stop
    inside the article ("slaves." ending a line of a poem), capitalised words
    ("Reuters."), abbreviations listed in
    `rules/junk/data/not_site_names.txt` ("etc."), and links with a path,
    which may be references.

    ## Example
    "mirror." alone on a line between the last paragraph and "Similar News".

    ## Fix
    Deletes the line. Unsafe.

    ## Options
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK006"
    name = "site-name-residue"
    category = "junk"
    fixable = True
    default_options = {"min_confidence": MIN_CONFIDENCE}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        text = document.text
        model = context(document)
        for line in model.lines:
            if line.characters > MAX_LINE or not is_site_name(text, line.start, line.end):
                continue
            domain = "." in text[line.start : line.end - 1]
            if not domain and model.in_core(line):
                continue  # "slaves." ending a line of a poem; a site's name stands outside the article
            fix = delete_line(document, line.start, safe=False, description="delete the site name")
            message = f"site name left as a line: {text[line.start : line.end]!r}"
            yield self.finding(document, line.start, line.end, message, fix=fix), "domain" if domain else "name"
