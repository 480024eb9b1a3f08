"""ENC006: HTML entities and tags left in text ("&amp;", "<br>")."""

from __future__ import annotations

import html
import re
from functools import cache
from html.entities import html5
from pathlib import Path
from typing import Iterator

from linter import Document, Finding, Fix, Rule

DATA = Path(__file__).parent / "data"
ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
LINE_BREAK_TAGS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
SPACE_ENTITIES = frozenset({"&nbsp;", "&#160;", "&#xa0;", "&#xA0;"})


@cache
def residue_pattern() -> re.Pattern[str]:
    names = [
        line.strip()
        for line in (DATA / "html_tags.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    tags = "|".join(sorted(names, key=len, reverse=True))
    tag = rf"</?(?P<tag>{tags})(?:\s[^<>\n]{{0,300}})?/?>"
    comment = r"<!--[^\n]{0,300}?-->"
    return re.compile(rf"(?P<entity>{ENTITY})|{tag}|{comment}", re.IGNORECASE)


def _entity_replacement(entity: str) -> str | None:
    if entity.lower() in SPACE_ENTITIES:
        return " "
    if entity[1] != "#" and entity[1:] not in html5:
        return None
    decoded = html.unescape(entity)
    return decoded if decoded != entity else None


class HtmlResidue(Rule):
    """HTML entities, tags and comments left in text that should be plain.

    ## What it flags
    Character references ("&amp;", "&nbsp;", "&#8217;", "&quot;"), tags of
    known HTML elements ("<br>", "</p>", "<a href=…>", "<img …>"; the list
    is data: `rules/encoding/data/html_tags.txt`) and HTML comments.

    ## Why
    An extractor that stops half-way leaves markup behind; a text escaped
    twice shows "&amp;amp;". Readers see noise and models learn it as text.

    ## What it leaves alone
    Ampersands and angle brackets of prose: "AT&T", "R&D", "Q&A",
    "x < y", "a <-> b", and unknown names in brackets ("<Putin>").

    ## Example
    "Ukraine &amp; Russia agreed<br>to swap prisoners" becomes "Ukraine & Russia
    agreed\\nto swap prisoners".

    ## Fix
    An entity is replaced by its character ("&nbsp;" by a plain space);
    safe. A tag is deleted, or replaced by a line break for line-level
    elements (br, p, div, li, headings); unsafe, since a tag may wrap
    content such as a script.
    """

    code = "ENC006"
    name = "html-residue"
    category = "encoding"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if "&" not in text and "<" not in text:
            return
        for match in residue_pattern().finditer(text):
            start, end = match.span()
            found = match.group()
            if match.group("entity"):
                replacement = _entity_replacement(found)
                if replacement is None:
                    continue
                fix = Fix.replace(start, end, replacement, description=f"replace with {replacement!r}")
                yield self.finding(document, start, end, f"HTML entity {found!r} left in text", fix=fix)
                continue
            tag = (match.group("tag") or "").lower()
            replacement = "\n" if tag in LINE_BREAK_TAGS else ""
            kind = "comment" if found.startswith("<!--") else "tag"
            fix = Fix.replace(start, end, replacement, safe=False, description=f"remove the HTML {kind}")
            yield self.finding(document, start, end, f"HTML {kind} {found[:40]!r} left in text", fix=fix)
