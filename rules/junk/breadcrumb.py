"""JNK003: a breadcrumb trail ("Home » World » Europe")."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.lines import delete_line, trimmed

DATA = Path(__file__).parent / "data"
ARROWS = "»›→"
SEPARATOR = re.compile(r"[ \t\u00a0]*([»›→]|(?<=\s)[>/|](?=\s))[ \t\u00a0]*")
MAX_LINE = 300
MAX_CRUMB_WORDS = 8
MAX_LAST_CRUMB_WORDS = 20


@cache
def breadcrumb_roots() -> frozenset[str]:
    lines = (DATA / "breadcrumb_roots.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def is_breadcrumb(line: str) -> bool:
    """Crumbs joined by one separator: two arrows, or one separator after a root ("Home")."""
    parts = SEPARATOR.split(line.strip())
    crumbs, separators = parts[::2], set(parts[1::2])
    if len(separators) != 1 or not all(crumb.strip() for crumb in crumbs):
        return False
    if any(len(crumb.split()) > MAX_CRUMB_WORDS or crumb.rstrip().endswith(".") for crumb in crumbs[:-1]):
        return False
    if len(crumbs[-1].split()) > MAX_LAST_CRUMB_WORDS:
        return False
    if crumbs[0].strip().casefold() in breadcrumb_roots():
        return True
    return separators <= set(ARROWS) and len(crumbs) >= 3


class Breadcrumb(Calibrated, Rule):
    """A breadcrumb trail left at the top of a scraped article.

    ## What it flags
    A line of short crumbs joined by one kind of separator: "Home » World »
    Russia-Ukraine Prisoner Exchange", "Startseite > Politik > Ausland",
    "Accueil / International". Arrows (» › →) need three crumbs; other
    separators (> / |) count only after a root crumb such as "Home",
    "News", "Startseite", "Accueil" or "Inicio" (the list is data:
    `rules/junk/data/breadcrumb_roots.txt`).

    ## Why
    A breadcrumb is site navigation; it repeats the section names and the
    title, and is not part of the story.

    ## What it leaves alone
    Sentences with a slash or a "greater than" sign ("a 2/3 majority",
    "x > y"), crumbs long enough to be sentences, and lists joined by "|"
    that do not start at a root.

    ## Example
    "Home » World » Russia-Ukraine Prisoner Exchange: Peace Talks Breakthrough"

    ## Fix
    Deletes the line. Unsafe: the title in the last crumb may be the only
    copy of the title.

    ## Options
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK003"
    name = "breadcrumb"
    category = "junk"
    fixable = True
    default_options = {"min_confidence": MIN_CONFIDENCE}

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        text = document.text
        for start, end, line in document.lines():
            if end - start > MAX_LINE or not any(c in line for c in "»›→>/|") or not is_breadcrumb(line):
                continue
            start, end = trimmed(text, start, end)
            fix = delete_line(document, start, safe=False, description="delete the breadcrumb")
            rooted = SEPARATOR.split(line.strip())[0].strip().casefold() in breadcrumb_roots()
            why = "opens with a root crumb" if rooted else "three or more crumbs joined by arrows"
            yield self.finding(document, start, end, f"breadcrumb trail ({why})", fix=fix), "root" if rooted else "arrows"
