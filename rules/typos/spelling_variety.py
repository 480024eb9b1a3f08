"""TYP: one American spelling in a British text, or the reverse ("color" among "colour", "organise")."""

from __future__ import annotations

import os
from collections import Counter
from functools import cache
from typing import Iterator


from linter import Document, Finding, Fix, Rule, Severity
from rules.typos import lexicon
from rules.typos.text import analyse
from rules.typos.vocabulary import codespell_entries

ALTERNATIONS = (("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"), ("isation", "ization"),
                ("isations", "izations"), ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"))
"""British and American endings of the same word, checked against the lexicon: both forms must be in use."""
IN_USE = 2.5
"""Both spellings of a pair must be at least this common (Zipf), so that rare words and slips make no pairs."""
MIN_CONSISTENT = 3
"""Occurrences of one variety a document needs before one of the other counts as a slip."""


SYSTEMATIC_PAIRS = ({"s", "z"}, {"u", ""}, {"re", "er"}, {"l", ""})
"""What the British and American spellings of a pair may differ in: the systematic alternations only. Other
pairs in codespell's list are words British English also uses ("story"/"storey", "practice"/"practise",
"program"/"programme", "license"/"licence", "focused"/"focussed")."""


@cache
def codespell_pairs() -> dict[str, str]:
    """codespell's British -> American spellings that differ systematically ("colour" -> "color", "organise" -> "organize")."""
    pairs = {}
    for british, american in codespell_entries("dictionary_en-GB_to_en-US.txt"):
        prefix = len(os.path.commonprefix([british, american]))
        suffix = len(os.path.commonprefix([british[prefix:][::-1], american[prefix:][::-1]]))
        british_part, american_part = british[prefix : len(british) - suffix], american[prefix : len(american) - suffix]
        if {british_part, american_part} in SYSTEMATIC_PAIRS:
            pairs[british] = american
    return pairs


@cache
def _variety(word: str) -> tuple[str, str] | None:
    """("british", the American spelling) for a British spelling, else None. Endings are read one way only:
    "-ored" may be American for "-oured", or another word ("scored", "scoured")."""
    pairs = codespell_pairs()
    if word in pairs:
        return "british", pairs[word]
    for british, american in ALTERNATIONS:
        if word.endswith(british):
            other = word[: -len(british)] + american
            if len(other) > 4 and lexicon.zipf(word) >= IN_USE and lexicon.zipf(other) >= IN_USE and lexicon.in_dictionary(other):
                return "british", other
    return None


@cache
def _american_pairs() -> dict[str, str]:
    return {american: british for british, american in codespell_pairs().items()}


def variety_of(word: str) -> tuple[str, str] | None:
    """Which variety of English spells ``word`` so, with the other variety's spelling."""
    american = _american_pairs().get(word)
    return ("american", american) if american is not None else _variety(word)


class SpellingVarietySlip(Rule):
    """An American spelling in a text written in British spelling, or the reverse ("color" among "colour", "organise").

    ## What it flags
    A lower-case word spelled the American way in a document that uses British
    spellings at least three times and the American way only this once, or the
    reverse: "the color of the flag" in an article that writes "organise",
    "centre" and "favourite". The pairs are codespell's British-to-American
    list where the two differ systematically (-ise/-ize, -our/-or, -tre/-ter,
    -lled/-led), and British -ise and -our endings whose American form the
    dictionary knows, both in use by wordfreq's frequencies.

    ## Why
    Both spellings are right, but an edited text keeps to one; a single
    slip is a sign of copy pasted from elsewhere or of an editor's oversight.

    ## What it leaves alone
    Documents that mix the two freely or use too few such words to tell,
    capitalised words (names and institutions: "US Defense Department",
    "World Health Organization"), and words in URLs and quotations.
    Info severity, and off by default: select it by its code.

    ## Example
    "They organise the centre's favourite event ... the color of the flag":
    "color" is reported, fix "colour".

    ## Fix
    Writes the document's usual variety; unsafe.
    """

    code = "TYP010"
    name = "spelling-variety-slip"
    category = "typo"
    severity = Severity.INFO
    enabled_by_default = False
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        words = [word for word in analysis.lower_words if variety_of(word) is not None]
        if not words:
            return
        occurrences = {word: analysis.lower_word_starts(word) for word in words}
        counts: Counter[str] = Counter()
        for word, starts in occurrences.items():
            counts[variety_of(word)[0]] += len(starts)
        for usual, odd in (("british", "american"), ("american", "british")):
            if counts[usual] < MIN_CONSISTENT or counts[odd] != 1:
                continue
            word = next(word for word in words if variety_of(word)[0] == odd and occurrences[word])
            start = occurrences[word][0]
            end = start + len(word)
            if analysis.is_kept(start, end) or not analysis.english:
                continue
            other = variety_of(word)[1]
            fix = Fix.replace(start, end, other, safe=False, description=f"write {other!r}")
            yield self.finding(
                document, start, end,
                f"{odd} spelling {word!r} in a text that uses {usual} spelling {counts[usual]} times: {other!r}",
                fix=fix,
            )
