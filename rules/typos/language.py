"""Whether a line is English: the spelling rules leave a line in another language alone.

A scraped English page holds lines of other languages (a Spanish site's newsletter prompt,
French reader comments); their words are no English misspellings. A whole text is judged by
its English function words (``Analysis.english``); a single line is judged here by its
lower-case words, each compared in wordfreq's lists: a word that other languages use far
more often than English ("que", "aussi", "nuestro") counts against English, a word English
uses far more often ("the", "said", "former") counts for it. Capitalised words (names) say
nothing about a line's language and are not counted.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, NamedTuple

import regex

from linter.cache import CompiledParts
from rules.typos import lexicon
from rules.typos.vocabulary import DATA, read_list

LANGUAGES = DATA / "other_languages.txt"
FOREIGN_MARGIN = 1.0
"""A word leans to other languages when one of them uses it ten times as often as English (1 on the Zipf scale)."""
ENGLISH_MARGIN = 0.5
"""A word leans to English when English uses it three times as often as any of them: English shares many
words with Dutch and the Scandinavian languages ("was", "for", "former"), so the bar is lower."""
MIN_FOREIGN_WORDS = 3
"""Fewer words leaning to other languages prove nothing ("net", "sue" and "to" are Dutch, French and Polish too)."""
ENGLISH_RATIO = 2
"""A line is foreign when more than this many of its words lean to other languages for each that leans to English."""
LETTERS = regex.compile(r"\p{Ll}+")
"""Runs of lower-case letters: "l'accord" gives "l" and "accord", and capitalised words only their tails, which are dropped."""


class Leanings(NamedTuple):
    """The words of the other languages' lists, sorted by where they lean; any other word English knows leans to English."""

    foreign: frozenset[str]
    """Words one of the other languages uses at least ten times as often as English ("que", "aussi")."""
    neither: frozenset[str]
    """Words of those lists that lean neither way ("bank", "film", "per")."""


LEANING_PARTS = 64
"""The leanings are stored in this many pickled parts: a run that judges a few lines unpickles
only their words' parts, not 360,000 words. Sets, not frequencies: they load in a third of the time."""


def _leaning_parts(part_of: Callable[[str], int]) -> list[Leanings]:
    leanings = _build_leanings()
    foreign: list[set[str]] = [set() for _ in range(LEANING_PARTS)]
    neither: list[set[str]] = [set() for _ in range(LEANING_PARTS)]
    for words, parts in ((leanings.foreign, foreign), (leanings.neither, neither)):
        for word in words:
            parts[part_of(word)].add(word)
    return [Leanings(frozenset(foreign[index]), frozenset(neither[index])) for index in range(LEANING_PARTS)]


LEANINGS = CompiledParts(
    "language-leanings-parts",
    _leaning_parts,
    count=LEANING_PARTS,
    inputs=[Path(__file__), LANGUAGES, Path(lexicon.__file__)],
    packages=["wordfreq"],
)


def _build_leanings() -> Leanings:
    from wordfreq import get_frequency_dict

    other: dict[str, float] = {}
    for language in read_list(LANGUAGES):
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            other[word] = max(other.get(word, 0.0), math.log10(frequency) + 9.0)
    lean = {word: zipf - lexicon.zipf(word) for word, zipf in other.items()}
    return Leanings(
        foreign=frozenset(word for word, by in lean.items() if by >= FOREIGN_MARGIN),
        neither=frozenset(word for word, by in lean.items() if -ENGLISH_MARGIN < by < FOREIGN_MARGIN),
    )


def is_foreign(line: str) -> bool:
    """Whether ``line`` is written in another language than English, on the evidence of its lower-case words."""
    foreign = english = 0
    for match in LETTERS.finditer(line):
        start = match.start()
        if start > 0 and line[start - 1].isalpha() and not line[start - 1].islower():
            continue  # the tail of a capitalised word: a name, or a sentence's first word
        word = match.group()
        leanings = LEANINGS.part_for(word)
        if word in leanings.foreign:
            foreign += 1
        elif word not in leanings.neither and lexicon.zipf(word) >= ENGLISH_MARGIN:
            english += 1  # known to English, and to the other languages far less or not at all
    return foreign >= MIN_FOREIGN_WORDS and foreign > ENGLISH_RATIO * english
