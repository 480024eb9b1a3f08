"""ENC005: a lone letter from another script or out of case glued to a word ("minesĀ")."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from typing import Iterator

from linter import Document, Finding, Fix, Rule

NON_ASCII = re.compile(r"[^\x00-\x7f]")
MIN_WORD = 3


@functools.lru_cache(maxsize=4096)
def script_of(character: str) -> str:
    """The script a letter belongs to, from its Unicode name ("LATIN", "CYRILLIC", ...)."""
    try:
        return unicodedata.name(character).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def word_around(text: str, index: int) -> tuple[int, int]:
    start = index
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    end = index + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def stray_in_word(word: str) -> tuple[int, str] | None:
    """(index in word, why) of a letter that does not belong to the word, or None."""
    scripts = [script_of(c) for c in word]
    counts = Counter(scripts)
    if len(counts) == 2:
        (major, major_count), (minor, minor_count) = counts.most_common()
        if minor_count == 1 and major_count >= MIN_WORD - 1:
            index = scripts.index(minor)
            if not (index == 0 and minor == "GREEK"):  # units and symbols: "μg", "βeta"
                return index, f"a {minor.title()} letter in a {major.title()} word"
    for index in range(2, len(word)):
        character = word[index]
        if not character.isascii() and character.isupper() and word[index - 1].islower() and word[index - 2].islower():
            return index, "a capital letter glued after lower-case ones"
    return None


class StrayLetter(Rule):
    """A single letter from another script, or a capital out of place, glued to a word.

    ## What it flags
    A word with exactly one letter from a second script ("Mоscow" with a
    Cyrillic "о", "Kyivд"), and a non-ASCII capital right after two
    lower-case letters ("minesĀ", "talksÃ"). Both are debris of broken
    decoding or of homoglyph spam, which ftfy's mojibake detection does not
    catch when the character stands alone.

    ## Why
    A lone foreign letter makes an otherwise ordinary word a new, unique
    token; homoglyphs also defeat search and deduplication.

    ## What it leaves alone
    Clean accented and foreign words: Dolmabahçe, Erdoğan, Zürich, São
    Paulo, naïve, Élysée, "na hÉireann", words wholly in Cyrillic or Greek
    (Москва, Αθήνα), and a Greek letter opening a unit ("μg").
    Pure-ASCII documents are skipped at once.

    ## Example
    "stake in First Quantum's Zambian minesĀ"

    ## Fix
    Deletes the letter. Unsafe: a homoglyph should rather be replaced by
    its look-alike, which needs a reader's judgement.
    """

    code = "ENC005"
    name = "stray-letter"
    category = "encoding"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        if text.isascii():
            return
        word_end = 0  # each word is looked at once, however many non-ASCII letters it has: linear in its length
        for match in NON_ASCII.finditer(text):
            if match.start() < word_end or not match.group().isalpha():
                continue
            word_start, word_end = word_around(text, match.start())
            if word_end - word_start < MIN_WORD:
                continue
            stray = stray_in_word(text[word_start:word_end])
            if stray is None:
                continue
            index, why = stray
            start = word_start + index
            letter = text[start]
            fix = Fix.delete(start, start + 1, safe=False, description=f"delete {letter!r}")
            yield self.finding(document, start, start + 1, f"stray letter {letter!r} (U+{ord(letter):04X}): {why}", fix=fix)
