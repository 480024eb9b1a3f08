"""TYP: a sentence or paragraph that starts in lower case."""

from __future__ import annotations

from functools import cache
from operator import itemgetter, methodcaller
from typing import Iterator

import regex

from linter import Document, Finding, Fix, Rule
from rules.typos.text import DATA, WORD, Analysis, analyse, glued_to_damage, read_list, sentence_words, title_case

# A full stop, "?" or "!" right after a word or number, then spaces, then a lower-case letter.
# A closing quote or bracket in between ('"Why?" he asked') means the sentence goes on.
SENTENCE_END = regex.compile(r"(?<=[\p{L}\p{N}])[.?!][ \t]+(?=\p{Ll})")
WORD_BEFORE_MARK = regex.compile(r"[\p{L}\p{N}.'’]+$")
FOLLOWING_WORD = regex.compile(r"[ \t]+(\p{L}+)")
FIRST_WORD = regex.compile(r"\p{L}[\p{L}\p{N}'’.-]*")
LIST_ITEM = regex.compile(r"[ \t]*(?:[-*•·–—>+▪►]|\(?\w{1,3}[.)](?=\s)|\(\w{1,3}\))")
LEADING_CHARACTERS = " \t\"“‘'«(["
LEADING = regex.compile(f"[{regex.escape(LEADING_CHARACTERS)}]*")
FIRST_CHARACTER = itemgetter(slice(0, 1))
TERMINAL = ".?!…\"”’»)]"
TITLE_WORDS = 5
"""Words before a "?" or "!" looked at for a title ("Who Wants to be a Millionaire?")."""
CONJUNCTIONS = frozenset({"and", "or", "but", "nor"})
MIN_WORDS = 3
"""Fewer words than this is a label or a fragment ("mirror."), not a sentence."""
LABEL_WORDS = 10
"""A paragraph of at most this many words that does not end as a sentence is a label or byline."""


@cache
def abbreviations() -> frozenset[str]:
    return frozenset(read_list(DATA / "abbreviations.txt"))


@cache
def name_particles() -> frozenset[str]:
    return frozenset(read_list(DATA / "name_particles.txt"))


class LowercaseSentenceStart(Rule):
    """A sentence that starts with a lower-case letter ("at this time, we would like...").

    ## What it flags
    A lower-case first word after a full stop, question mark or exclamation
    mark, or at the start of a paragraph
    (a line after a blank line or after a line that ends a sentence). A
    paragraph that starts in lower case after a line that stops mid-sentence
    ("Promising 60m hurdler" / "clocked a new UK record") has lost words, often
    a linked name that a scraper dropped: it is reported as such, without a fix.

    ## Why
    A sentence in lower case is a sign of spun, transcribed or badly joined
    text; it also breaks sentence splitters.

    ## What it leaves alone
    Words after abbreviations ("e.g. the", "U.S. officials", "Mr. smith",
    `rules/typos/data/abbreviations.txt`) and initials; list items and lines
    that continue a hard-wrapped paragraph or follow a colon; text after an
    ellipsis or a closing quote ('"Why?" he asked'); URLs, e-mail addresses
    and code; text after a title ending in "?" or "!" ("Shall We Dance? at
    number three") and questions joined by a conjunction ("basketball? and
    what..."); words that are lower case by design (iPhone, eBay) and name
    particles (de Gaulle, von der Leyen, bin Salman:
    `rules/typos/data/name_particles.txt`); fragments of fewer than three
    words; lines with no capital letter at all; paragraphs of at most ten
    words that do not end as a sentence (bylines and labels such as "by sam
    on March 3, 2012"), unless the line before stops mid-sentence; texts
    that are not English or are lower case throughout.

    ## Example
    "at this time, we would like to reiterate that Ukraine wants peace."
    becomes "At this time, we would like to reiterate that Ukraine wants peace."

    ## Fix
    Capitalises the first letter; unsafe (the line may be a fragment). None
    where words are missing: they must be restored from the source.
    """

    code = "TYP005"
    name = "lowercase-sentence-start"
    category = "typo"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        findings = list(self._findings(document, analysis))
        # Tested last: the language and casing tests cost passes over the text, and most documents have no finding.
        if findings and analysis.english and analysis.cased:
            yield from findings

    def _findings(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        text = document.text
        # Most texts have no line that starts in lower case: a test in C spares the walk over lines.
        if _some_line_starts_in_lower_case(text):
            yield from self._paragraph_findings(document, analysis)
        for match in SENTENCE_END.finditer(text):
            if self._ends_sentence(text, match.start()):
                line_start = text.rfind("\n", 0, match.start()) + 1
                line_end = text.find("\n", match.end())
                line = text[line_start : line_end if line_end >= 0 else len(text)]
                finding = self._check_word(document, analysis, match.end(), line, False)
                if finding is not None:
                    yield finding

    def _paragraph_findings(self, document: Document, analysis: Analysis) -> Iterator[Finding]:
        """Paragraphs (and lines after a sentence) that start in lower case."""
        previous = ""
        last_line = ""
        for start, end, line in document.lines():
            if line.strip():
                # After a line that stops mid-sentence, a lower-case paragraph lost its first words.
                broken = not previous and last_line != "" and not _ends_sentence_line(last_line)
                if _starts_paragraph(previous) and not LIST_ITEM.match(line) and (broken or not _label_line(line)):
                    first = start + LEADING.match(line).end()
                    finding = self._check_word(document, analysis, first, line, broken)
                    if finding is not None:
                        yield finding
                previous = last_line = line
            else:
                previous = ""

    def _check_word(self, document: Document, analysis: Analysis, start: int, line: str, broken: bool) -> Finding | None:
        text = document.text
        if start >= len(text) or not text[start].islower():
            return None
        match = FIRST_WORD.match(text, start)
        if match is None:
            return None
        word = match.group()
        end = match.end()
        if (
            any(c.isupper() or c.isdigit() for c in word)
            or word.endswith((".", "-"))
            or "." in word
            or (end < len(text) and text[end] in "(_=:/@")
            or word.lower() in name_particles()
            or not any(c.isupper() for c in line)
            or sentence_words(text, start) < MIN_WORDS
            or analysis.is_protected(start, end)
            or glued_to_damage(text, start, end)
        ):
            return None
        if broken:
            message = f"paragraph starts in lower case ({word!r}) after a line that stops mid-sentence: words are missing"
            return self.finding(document, start, end, message)
        fix = Fix.replace(start, start + 1, title_case(text[start]), safe=False, description="capitalise the first letter")
        return self.finding(document, start, end, f"sentence starts in lower case: {word!r}", fix=fix)

    @staticmethod
    def _ends_sentence(text: str, mark_at: int) -> bool:
        """Whether the mark at ``mark_at`` ends a sentence (not an abbreviation, initial or ellipsis)."""
        mark = text[mark_at]
        word_match = WORD_BEFORE_MARK.search(text[max(0, mark_at - 40) : mark_at])
        word = word_match.group() if word_match else ""
        if mark == ".":
            bare = word.strip(".")
            if "." in bare or len(bare) == 1 or bare.lower() in abbreviations() or word.endswith("."):
                return False
        if mark == "!" and word[:1].isupper():
            return False
        if mark in "?!":
            # A title ends here ("Shall We Dance? at number three"), or a list of questions goes on
            # ("how do you say basketball? and what is...").
            before = WORD.findall(text, max(0, mark_at - 60), mark_at)[-TITLE_WORDS:]
            following = FOLLOWING_WORD.match(text, mark_at + 1)
            if (before and before[-1][:1].isupper() and sum(w[:1].isupper() for w in before) >= 2) or (
                following is not None and following.group(1) in CONJUNCTIONS
            ):
                return False
        return True


def _some_line_starts_in_lower_case(text: str) -> bool:
    """Whether the first character after ``LEADING`` on some line is lower case (where ``_check_word`` can fire)."""
    firsts = map(FIRST_CHARACTER, map(methodcaller("lstrip", LEADING_CHARACTERS), text.split("\n")))
    return any(map(str.islower, firsts))


def _label_line(line: str) -> bool:
    """A short line that does not end as a sentence is a label, a byline or a heading
    ("by sam on March 3, 2012", "posted in news"), not a sentence that lost its capital
    (unless the line before stops mid-sentence: then words are missing)."""
    return len(line.split()) <= LABEL_WORDS and not _ends_sentence_line(line)


def _ends_sentence_line(line: str) -> bool:
    """The line ends as a sentence or heading may: with end punctuation, a closing quote, a colon."""
    line = line.rstrip()
    return not line or line[-1] in TERMINAL + ":"


def _starts_paragraph(previous: str) -> bool:
    """A line starts a paragraph after a blank line or after a line that ends a sentence."""
    previous = previous.rstrip()
    return not previous or previous[-1] in TERMINAL
