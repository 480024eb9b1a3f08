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
from functools import cache
from pathlib import Path

import regex

from linter.cache import compiled
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


@cache
def _other_zipf() -> dict[str, float]:
    """Each word of the other languages' lists, with its highest Zipf frequency among them."""
    return compiled("wordfreq-other-languages", _build_other_zipf, inputs=[Path(__file__), LANGUAGES], packages=["wordfreq"])


def _build_other_zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    table: dict[str, float] = {}
    for language in read_list(LANGUAGES):
        for word, frequency in get_frequency_dict(language, wordlist="small").items():
            zipf = math.log10(frequency) + 9.0
            if zipf > table.get(word, 0.0):
                table[word] = zipf
    return table


def is_foreign(line: str) -> bool:
    """Whether ``line`` is written in another language than English, on the evidence of its lower-case words."""
    other = _other_zipf()
    foreign = english = 0
    for match in LETTERS.finditer(line):
        start = match.start()
        if start > 0 and line[start - 1].isalpha() and not line[start - 1].islower():
            continue  # the tail of a capitalised word: a name, or a sentence's first word
        word = match.group()
        lean = other.get(word, 0.0) - lexicon.zipf(word)
        if lean >= FOREIGN_MARGIN:
            foreign += 1
        elif lean <= -ENGLISH_MARGIN:
            english += 1
    return foreign >= MIN_FOREIGN_WORDS and foreign > ENGLISH_RATIO * english
