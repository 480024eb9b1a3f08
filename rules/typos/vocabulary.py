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
from typing import Iterable, Iterator, Mapping

import regex

from linter.cache import compiled
from rules.typos import lexicon

HERE = Path(__file__).parent
"""The family's code and data: what the compiled tables are made from."""
DATA = HERE / "data"
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
    return compiled("english-words", _english_words, inputs=[HERE], packages=["codespell"])


def _english_words() -> frozenset[str]:
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
def misspellings() -> Mapping[str, Misspelling]:
    """codespell's main dictionary, less entries that are real words or names in news, and less variants
    that the dictionary knows and writers use ("despatch", "useable", "combatting", "racoon")."""
    return _Entries(_misspelling_table())


@cache
def _misspelling_table() -> dict[str, tuple[tuple[str, ...], bool]]:
    """The entries as plain tuples: read from the cache ten times faster than as objects."""
    return compiled("codespell-misspellings", _build_misspellings, inputs=[HERE], packages=["codespell", "wordfreq", "pyspellchecker"])


class _Entries(Mapping[str, Misspelling]):
    """The table's entries, made into ``Misspelling``s only when looked up."""

    def __init__(self, table: dict[str, tuple[tuple[str, ...], bool]]) -> None:
        self.table = table

    def __getitem__(self, word: str) -> Misspelling:
        return Misspelling(*self.table[word])

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


def _build_misspellings() -> dict[str, tuple[tuple[str, ...], bool]]:
    real_words = english_words()
    dropped = dropped_misspellings()
    table: dict[str, tuple[tuple[str, ...], bool]] = {}
    for key, value in codespell_entries("dictionary.txt"):
        if not key.islower() or key in real_words or key in dropped or not WORD.fullmatch(key):
            continue
        candidates = tuple(v.strip() for v in value.split(",") if v.strip())
        if _variant_in_use(key, candidates[0]):
            continue
        table[key] = (candidates, "," not in value)
    return table


@cache
def misspelled_words() -> frozenset[str]:
    """The keys of ``misspellings()``, for fast set operations."""
    return frozenset(_misspelling_table())


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
