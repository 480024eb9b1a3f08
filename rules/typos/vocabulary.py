"""codespell's dictionaries as the typo rules read them: its misspellings, and its corrections as a
vocabulary of correctly spelled English words (lower case, so no names).

Read from the installed codespell package at run time (codespell is GPL-2.0; nothing is copied
into this repository).
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Iterable

import regex

from rules.typos import lexicon

DATA = Path(__file__).parent / "data"
WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("ers", ""))


def read_list(path: Path) -> list[str]:
    """Non-empty lines of a data file, without comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


# -- codespell's dictionaries ----------------------------------------------------


def _codespell_file(name: str) -> str:
    return (importlib.resources.files("codespell_lib") / "data" / name).read_text(encoding="utf-8")


def codespell_entries(name: str) -> Iterable[tuple[str, str]]:
    for line in _codespell_file(name).splitlines():
        if "->" in line:
            key, _, value = line.partition("->")
            yield key.strip(), value.strip()


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words: codespell's corrections, British spellings, and our additions."""
    words: set[str] = set()
    for name in ("dictionary.txt", "dictionary_rare.txt", "dictionary_usage.txt", "dictionary_en-GB_to_en-US.txt"):
        for key, value in codespell_entries(name):
            if name == "dictionary_en-GB_to_en-US.txt":
                words.add(key)
            words.update(w.strip() for w in value.split(",") if w.strip().islower() and " " not in w.strip())
    words.update(w.lower() for w in read_list(DATA / "common_words.txt"))
    return frozenset(words)


@cache
def dropped_misspellings() -> frozenset[str]:
    return frozenset(w.lower() for w in read_list(DATA / "codespell_drop.txt"))


@dataclass(frozen=True)
class Misspelling:
    """One codespell entry: its candidate corrections, and whether fixing is automatic.

    codespell's convention: a value with a comma (several candidates, or a
    reason) is never fixed blindly.
    """

    candidates: tuple[str, ...]
    automatic: bool


VARIANT_GAP = 1.5
"""A dictionary spelling at most this much rarer (Zipf) than its codespell correction is a variant in use, not a slip."""


@cache
def misspellings() -> dict[str, Misspelling]:
    """codespell's main dictionary, less entries that are real words or names in news, and less variants
    that the dictionary knows and writers use ("despatch", "useable", "combatting", "racoon")."""
    real_words = english_words()
    dropped = dropped_misspellings()
    table: dict[str, Misspelling] = {}
    for key, value in codespell_entries("dictionary.txt"):
        if not key.islower() or key in real_words or key in dropped or not WORD.fullmatch(key):
            continue
        candidates = tuple(v.strip() for v in value.split(",") if v.strip())
        if _variant_in_use(key, candidates[0]):
            continue
        table[key] = Misspelling(candidates, automatic="," not in value)
    return table


@cache
def misspelled_words() -> frozenset[str]:
    """The keys of ``misspellings()``, for fast set operations."""
    return frozenset(misspellings())


def _variant_in_use(word: str, correction: str) -> bool:
    frequency = lexicon.zipf(word)
    return frequency >= lexicon.ESTABLISHED and frequency >= lexicon.zipf(correction) - VARIANT_GAP and lexicon.in_dictionary(word)


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """In the lexicon, directly or after removing a common inflection ("talks", "prisoners")."""
    lexicon = english_words()
    word = word.lower()
    if word in lexicon:
        return True
    for suffix, replacement in INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] + replacement in lexicon:
            return True
    return False
