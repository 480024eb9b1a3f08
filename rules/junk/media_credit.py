"""JNK005: an image or media credit left in the text ("(Image: AP)")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule
from rules.junk.confidence import MIN_CONFIDENCE, Calibrated
from rules.junk.context import context
from rules.junk.lines import delete_line, trimmed

DATA = Path(__file__).parent / "data"


def _entries(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _alternation(entries: list[str]) -> str:
    escaped = (r"\s+".join(re.escape(word) for word in entry.split()) for entry in entries)
    return "|".join(sorted(escaped, key=len, reverse=True))


@cache
def credit_pattern() -> re.Pattern[str]:
    """Credits in brackets, anywhere: "(Image: AP)", "(Photo credit: Jane Doe/Reuters)", "(AP Photo/Emrah Gurel)", "(Getty Images)".

    Every form opens with a bracket, so the bracket is searched for first
    and the forms are tried only there.
    """
    words = _alternation(_entries("credit_words.txt"))
    libraries = _alternation(_entries("image_libraries.txt"))
    bracketed = rf"\s*(?:{words})(?:\s+(?:credit|credits|courtesy))?\s*(?:[:/]|\s(?:by|von|par|de|di|por)\s)\s*[^()\n]{{1,80}}\)"
    agency_photo = r"(?:[A-Z][\w.&'-]*\s){1,3}(?:Photo|Foto|Image)s?\s*/\s*[^()\n]{1,80}\)"
    library = rf"[^()\n]{{0,40}}\b(?:{libraries})\)"
    return re.compile(rf"\((?:{bracketed}|{agency_photo}|{library})", re.IGNORECASE)


@cache
def credit_line_pattern() -> re.Pattern[str]:
    """A credit line of its own: "Photo: Reuters"."""
    words = _alternation(_entries("credit_words.txt"))
    return re.compile(rf"(?:{words})(?:\s+(?:credit|credits|courtesy))?[ \t]*:[ \t]*[^\n.!?]{{1,80}}", re.IGNORECASE)


MAX_LINE_CREDIT_WORDS = 10
TAIL_SEARCH = 160
"""How far back from a line's end a trailing credit may start."""
CREDIT_START = re.compile(r"[.!?…\"”»)][ \t\u00a0]+|[ \t\u00a0][|–—-][ \t\u00a0]+|[ \t\u00a0]{2,}")
"""Where a credit glued after a caption may start: after a sentence, a separator or a wide gap."""
CLOSING = frozenset('.!?…"”»)')
CREDIT_MARK = re.compile("[:/©]")
"""Every trailing credit holds a colon (after its label), a slash or the copyright sign."""
SPACES = "[ \t\u00a0]"
NAME_TOKEN = r"(?:\p{L}[\p{L}\p{M}'’.-]*|&)"
NAMES = rf"{NAME_TOKEN}(?:(?:{SPACES}*[/,;]{SPACES}*|{SPACES}+){NAME_TOKEN}){{0,9}}"
CREDIT_FORMS = regex.compile(
    rf"(?P<label>\p{{L}}+(?:{SPACES}+\p{{L}}+)?){SPACES}*:{SPACES}*(?P<names>{NAMES})\.?"
    rf"|(?P<by_label>\p{{L}}+){SPACES}+(?i:by|von|par|de|di|por){SPACES}+(?P<by_names>{NAMES})\.?"
    rf"|©{SPACES}*(?P<owner>{NAMES})\.?"
    rf"|(?P<slashed>{NAMES})\.?"
)
"""A credit's shapes: "Label: names", "Label by names", "© names", "names/names"; the words are checked after."""
NAME_SEPARATOR = regex.compile(rf"{SPACES}*[/,;]{SPACES}*|{SPACES}+")
CONNECTORS = frozenset("via for and de del der van von da di du le la y e el bin al &".split())
PICTURE_WORDS = frozenset("photo photos foto fotos image images picture pictures".split())


@dataclass(frozen=True)
class CreditWords:
    labels: frozenset[str]
    agencies: frozenset[str]
    lower_case: frozenset[str]
    """Lower-case words a credit may hold: connectors and the words of agencies ("dpa", "picture alliance")."""


@cache
def credit_words() -> CreditWords:
    agencies = frozenset(entry.casefold() for entry in _entries("photo_agencies.txt") + _entries("image_libraries.txt"))
    lower_case = CONNECTORS | {word for agency in agencies for word in agency.split()}
    return CreditWords(frozenset(e.casefold() for e in _entries("credit_words.txt")), agencies, lower_case)


def _only_names(names: str, words: CreditWords) -> bool:
    """Capitalised words, initials and agencies; lower-case words only if connectors or agency words."""
    return all(
        token[0].isupper() or token.casefold().rstrip(".") in words.lower_case
        for token in NAME_SEPARATOR.split(names)
    )


def _is_agency(segment: str, words: CreditWords) -> bool:
    """An agency, possibly with a picture word ("AP Photo", "Getty Images")."""
    tokens = segment.casefold().rstrip(".").split()
    while tokens and tokens[-1] in PICTURE_WORDS and " ".join(tokens) not in words.agencies:
        tokens.pop()
    return " ".join(tokens) in words.agencies


def is_credit(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only a photo credit: a label and names, the copyright sign, or an agency's slash.

    "Photo: J. Martin / AFP", "Foto: dpa", "Photograph: Umit Bektas/Reuters",
    "REUTERS/Thomas Mukoya", "AP Photo/Efrem Lukatsky", "© Lena Hart /
    Northwind Press", "Photo by Sean Gallup/Reuters".
    """
    match = CREDIT_FORMS.fullmatch(text, start, end)
    if match is None:
        return False
    words = credit_words()
    if match.group("label") is not None:
        label = " ".join(match.group("label").casefold().split())
        label = label.removesuffix(" credits").removesuffix(" credit")
        return label in words.labels and _only_names(match.group("names"), words)
    if match.group("by_label") is not None:
        return match.group("by_label").casefold() in words.labels and _only_names(match.group("by_names"), words)
    if match.group("owner") is not None:
        return _only_names(match.group("owner"), words)
    slashed = match.group("slashed")
    if "/" not in slashed or not _only_names(slashed, words):
        return False
    segments = slashed.split("/")
    return _is_agency(segments[0], words) or _is_agency(segments[-1], words)


def trailing_credit(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the credit that ends the line text[start:end] starts, and where its deletion starts.

    The credit is tried at the line's start and after each sentence end,
    separator or wide gap in the line's last characters; the earliest place
    from which the rest of the line is only a credit wins.
    """
    if is_credit(text, start, end):
        return start, start
    for boundary in CREDIT_START.finditer(text, max(start, end - TAIL_SEARCH), end):
        if is_credit(text, boundary.end(), end):
            cut = boundary.start() + 1 if text[boundary.start()] in CLOSING else boundary.start()
            return boundary.end(), cut
    return None


def credit_lines(text: str) -> Iterator[tuple[int, int]]:
    """Lines (trimmed start and end) with a credit mark near their end: the only lines worth trying.

    Each line's end is found once, however many marks it holds, so a huge
    single line costs one scan.
    """
    line_end = -1
    tried_line_end = -1
    for mark in CREDIT_MARK.finditer(text):
        position = mark.start()
        if position > line_end:
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
        if line_end == tried_line_end or line_end - position > TAIL_SEARCH:
            continue
        tried_line_end = line_end
        yield trimmed(text, text.rfind("\n", 0, position) + 1, line_end)


class MediaCredit(Calibrated, Rule):
    """An image, photo or video credit left in the article text.

    ## What it flags
    Credits in brackets, glued to a caption or standing alone: "(Image:
    AP)", "(Photo: Reuters/Jane Doe)", "(AP Photo/Emrah Gurel)", "(Foto:
    dpa)", "(Photo by Sean Gallup/Getty Images)", "(AFP via Getty Images)";
    a line that is only a credit, "Photo: Reuters" (at most 10 words); and
    a credit that ends a caption line after its last sentence (or after a
    separator): "... at the San José mine. REUTERS/Staff", "... Monday
    evening. Photo: J. Martin / AFP", "... im Bundestag. Foto: Kay
    Nietfeld/dpa", "... on Saturday. © Lena Hart / Northwind Press". Such a
    trailing credit is a credit label and its colon ("Photo:", "Foto:",
    "Photograph:", "Credit:"), the copyright sign, or a slash with a
    photo agency at one end, followed by names only (capitalised words,
    initials, agencies, "via", "de", "van"). The credit words, picture
    libraries and agencies are data (`rules/junk/data/credit_words.txt`,
    `rules/junk/data/image_libraries.txt`,
    `rules/junk/data/photo_agencies.txt`).

    ## Why
    Credits belong to a page's images, which the scraper dropped; left in
    the text they interrupt sentences and tell a model that "(Image: AP)"
    is part of prose. A credit at the end of a line also marks the line as
    a photo caption, not a paragraph of the story.

    ## What it leaves alone
    Datelines ("ISTANBUL (Reuters) -"), since a news agency in brackets is
    a dateline, not a credit; sentences about photos and agencies ("The
    photo was taken by Reuters photographer Ana Lima", "Credit Suisse
    shareholders lost almost everything", "Credit: the rescue was a joint
    effort, the mayor said"), since a trailing credit holds names only; and
    slashes between places or words ("Kyiv/Lviv", "Yes/No") with no agency.

    ## Example
    "Both sides agreed to provide detailed ceasefire proposals(Image: AP)"

    ## Fix
    Deletes the credit: a whole credit line with its newline, a bracketed
    credit with the space before it (safe), or a trailing credit with the
    space before it (unsafe: it is recognised by its shape, and the caption
    before it is left for you to judge).

    ## Options
    `min_confidence` (default 0.5): report only findings whose signal measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK005"
    name = "media-credit"
    category = "junk"
    fixable = True
    default_options = {"min_confidence": MIN_CONFIDENCE}

    prepare_only_loads = True

    def prepare(self) -> None:
        credit_pattern()
        credit_line_pattern()
        credit_words()

    def candidates(self, document: Document) -> Iterator[tuple[Finding, str]]:
        text = document.text
        if not any(mark in text for mark in "(:/©"):
            return
        found: list[tuple[int, int]] = []
        spans = [match.span() for match in credit_pattern().finditer(text)]
        if ":" in text:
            own_line = credit_line_pattern()
            spans += [(line.start, line.end) for line in context(document).lines if own_line.fullmatch(text, line.start, line.end)]
            spans.sort()
        for start, end in spans:
            if text[start] != "(":
                if len(text[start:end].split()) > MAX_LINE_CREDIT_WORDS:
                    continue
                cut_start, cut_end = start, min(end + 1, len(text))
            else:
                cut_start = start - 1 if start > 0 and text[start - 1] == " " else start
                cut_end = end
            found.append((start, end))
            fix = Fix.delete(cut_start, cut_end, description="delete the credit")
            signal = "bracketed" if text[start] == "(" else "own-line"
            yield self.finding(document, start, end, f"media credit: {text[start:end]!r}", fix=fix), signal
        yield from self._trailing(document, found)

    def _trailing(self, document: Document, found: list[tuple[int, int]]) -> Iterator[tuple[Finding, str]]:
        """Credits that end a caption line ("... on Monday. REUTERS/Jane Doe"), unless already reported."""
        text = document.text
        for start, end in credit_lines(text):
            credit = trailing_credit(text, start, end)
            if credit is None or any(s < end and e > credit[0] for s, e in found):
                continue
            credit_start, cut_start = credit
            if cut_start == start:
                fix = delete_line(document, start, safe=False, description="delete the credit line")
            else:
                fix = Fix.delete(cut_start, end, safe=False, description="delete the credit")
            message = f"photo credit ending a caption: {text[credit_start:end]!r}"
            yield self.finding(document, credit_start, end, message, fix=fix), "trailing"
