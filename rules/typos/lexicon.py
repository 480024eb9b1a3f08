"""The English lexicon behind every "is this an ordinary word" decision of the typo rules.

Two maintained libraries, read from the installed packages on first use (no network):

- wordfreq's large English list (321,000 words from news, Wikipedia, books, subtitles, the web,
  lower case): how common a word is, on the Zipf scale (log10 of occurrences per billion
  words: "the" 7.7, "bank" 5.2, "despatch" 2.7, "goverments" 1.5, unknown 0). Frequency is
  what tells a slip ("goverments") from a rare word; presence alone does not, since the list
  also holds common misspellings and every name.
- pyspellchecker's English dictionary (160,000 words, American spellings): that a spelling is
  a dictionary word. British spellings count too when their American form is in it
  ("organise", "colour", "centre", "travelled", "defence").

Loading both takes about a second and 60 MB; ``Rule.prepare`` loads them before workers fork.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Callable

from linter.cache import CompiledParts, compiled

BRITISH_TO_AMERICAN = (
    ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("ises", "izes"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"), ("ours", "ors"),
    ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"), ("ourable", "orable"), ("tre", "ter"),
    ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
    ("ence", "ense"), ("ogue", "og"), ("ogues", "ogs"), ("mme", "m"), ("mmes", "ms"),
)
"""Endings in which British and American spellings differ, longest alternatives tried first."""
INNER_BRITISH = (("our", "or"), ("ae", "e"), ("oe", "e"))
"""British spellings inside a word ("colourful", "paediatric", "manoeuvre")."""
BRITISH_IN_USE = 2.0
"""A British form must be in real use (Zipf): the endings alone would pass slips ("quartre", "trilllion")."""


ZIPF_PARTS = 64
"""The Zipf table is stored in this many pickled parts (a short run unpickles a few, not 321,000 words)."""


def _zipf_parts(part_of: Callable[[str], int]) -> list[dict[str, float]]:
    parts: list[dict[str, float]] = [{} for _ in range(ZIPF_PARTS)]
    for word, zipf in _build_zipf_table().items():
        parts[part_of(word)][word] = zipf
    return parts


ZIPF = CompiledParts("wordfreq-en-large-parts", _zipf_parts, count=ZIPF_PARTS, inputs=[Path(__file__)], packages=["wordfreq"])


@cache
def _zipf_table() -> dict[str, float]:
    """The whole table, for building the word sets (once, into the compiled cache)."""
    table: dict[str, float] = {}
    for index in range(ZIPF_PARTS):
        table.update(ZIPF.part(index))
    return table


def _build_zipf_table() -> dict[str, float]:
    """Word -> Zipf frequency, straight from wordfreq's centibel lists (index i holds words at -i cB)."""
    from wordfreq import get_frequency_list

    table: dict[str, float] = {}
    for centibels, words in enumerate(get_frequency_list("en", wordlist="large")):
        zipf = 9.0 - centibels / 100
        for word in words:
            table.setdefault(word, zipf)
    return table


@cache
def _dictionary() -> frozenset[str]:
    return compiled("pyspellchecker-en", _build_dictionary, inputs=[Path(__file__)], packages=["pyspellchecker"])


def _build_dictionary() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en").word_frequency.dictionary)


def load() -> None:
    """Load both lists now (before worker processes fork)."""
    for index in range(ZIPF_PARTS):
        ZIPF.part(index)
    _dictionary()


@cache
def words_at_least(minimum: float) -> frozenset[str]:
    """Every word wordfreq rates at least ``minimum`` (Zipf): set operations on them are fast.

    Kept in the compiled cache: reading the set is quicker than sifting the whole table again.
    """
    return compiled(
        f"wordfreq-en-at-least-{minimum}",
        lambda: frozenset(word for word, frequency in _zipf_table().items() if frequency >= minimum),
        inputs=[Path(__file__)],
        packages=["wordfreq"],
    )


@cache
def dictionary_words_at_least(minimum: float) -> frozenset[str]:
    """The dictionary words (American spellings) that wordfreq rates at least ``minimum`` (compiled once)."""
    return compiled(
        f"dictionary-at-least-{minimum}",
        lambda: _dictionary() & words_at_least(minimum),
        inputs=[Path(__file__)],
        packages=["wordfreq", "pyspellchecker"],
    )


@cache
def dictionary() -> frozenset[str]:
    """pyspellchecker's English words (American spellings; see ``in_dictionary`` for British ones)."""
    return _dictionary()


def zipf(word: str) -> float:
    """How common a word is (lower-cased first), on the Zipf scale; 0 for a word wordfreq does not know."""
    word = word.lower()
    return ZIPF.part_for(word).get(word, 0.0)


@lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """A dictionary spelling, American or British in real use ("organise", "colourful", "travelled")."""
    word = word.lower()
    dictionary = _dictionary()
    if word in dictionary:
        return True
    if zipf(word) < BRITISH_IN_USE:
        return False
    for british, american in BRITISH_TO_AMERICAN:
        if word.endswith(british) and word[: -len(british)] + american in dictionary:
            return True
    for british, american in INNER_BRITISH:
        at = word.find(british, 1)
        if at > 0 and word[:at] + american + word[at + len(british) :] in dictionary:
            return True
    return False


ORDINARY = 3.0
"""From this Zipf frequency on (one in a million words), a word is common in English whatever the dictionary says."""
ESTABLISHED = 2.0
"""From this Zipf frequency on, a spelling is in real use (a name, a variant, jargon): not a slip by itself."""


@lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """A common English word: frequent, or in the dictionary and in real use ("bank", "duchy", "despatch")."""
    frequency = zipf(word)
    return frequency >= ORDINARY or (frequency >= ESTABLISHED and in_dictionary(word))


def is_established(word: str) -> bool:
    """A spelling in real use (a word, a name, a variant), not a slip on the evidence of frequency alone."""
    return zipf(word) >= ESTABLISHED
