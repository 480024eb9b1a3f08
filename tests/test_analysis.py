"""The shared tokenisation (``document.analysis``): its shortcuts give the answers of the plain definitions."""

from __future__ import annotations

import random
import sys

import pytest
import regex

from linter import Document
from linter.analysis import WORD, TextAnalysis, _fold
from rules.typos.repeated_word import DOUBLED
from rules.typos.text import LOWER_WORD

TEXTS = [
    "The the report came out. It's it's late, and l'eau eau is wet.",
    "She said that that was fine; £5m-£10m went to the post-war fund.",
    "McDonald's menu. Don't stop! O'Neill's don't's. iPhone iPhone.",
    "ΣΑΣ σας, straße STRASSE, ſtill still, Ⅻ ⅻ, 中国 中国, µ μ.",
    "for\nfor the record, the\n\nthe end ½the the km² km²",
    "",
    "a",
    "rock'n'roll rock'n'roll, ’tis ’tis, dogs’ dogs’ bowls",
    "Ilık ılık su. İstanbul istanbul.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_are_the_word_pattern_matches(text: str) -> None:
    assert TextAnalysis(text).words == WORD.findall(text)


@pytest.mark.parametrize("text", TEXTS)
def test_lower_words_hold_every_lower_case_word(text: str) -> None:
    lower_words = TextAnalysis(text).lower_words
    assert set(LOWER_WORD.findall(text)) <= lower_words
    assert all(word.islower() for word in lower_words)


@pytest.mark.parametrize("text", TEXTS)
def test_a_doubled_word_is_never_missed(text: str) -> None:
    if DOUBLED.search(text):
        assert TextAnalysis(text).may_repeat_a_word


def test_texts_without_a_doubled_word_are_told_apart() -> None:
    assert not TextAnalysis("The report came out late, and the fund grew.").may_repeat_a_word
    # Runs side by side with figures between ("m", "m") are no double.
    assert not TextAnalysis("Between £5m-£10m and $3bn-$4bn.").may_repeat_a_word
    assert TextAnalysis("The the report.").may_repeat_a_word
    assert TextAnalysis("It said it's it's late.").may_repeat_a_word
    assert TextAnalysis("Ilık ılık su.").may_repeat_a_word  # ignoring case, "I" is also "ı"


PIECES = ["the", "The", "THE", "it's", "It's", "l'eau", "eau", "a", "A", "don't", "ſtill", "still", "σας", "ΣΑΣ", "İstanbul", "istanbul"]
SEPARATORS = [" ", "  ", "\t", "\n", " \n ", ", ", ". ", "-", "'", "’", "5", "½", "(", ") ", "\u00a0"]


def test_a_doubled_word_is_never_missed_in_random_texts() -> None:
    """Random texts of words and separators: wherever the search finds a double, the cheap test says there may be one."""
    rng = random.Random(15)
    for _ in range(3000):
        parts = [rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 8))]
        text = "".join(parts)
        if DOUBLED.search(text):
            assert TextAnalysis(text).may_repeat_a_word, text


def test_letters_equal_ignoring_case_fold_alike() -> None:
    """The cheap test compares folded letters where the search compares letters ignoring case.

    Every pair of letters that ``regex`` matches ignoring case (looked for among the letters that
    case mappings connect) must fold alike, the Turkish i's ("ı"/"I", "İ"/"i") included.
    """
    letters = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isalpha()]
    parent: dict[str, str] = {}

    def root(letter: str) -> str:
        while parent.get(letter, letter) != letter:
            letter = parent[letter]
        return letter

    for letter in letters:
        for mapping in (str.lower, str.upper, str.title, str.casefold):
            mapped = mapping(letter)
            if mapped and mapped != letter:
                parent[root(letter)] = root(mapped[0])
    groups: dict[str, list[str]] = {}
    for letter in letters:
        groups.setdefault(root(letter), []).append(letter)
    compared = 0
    for group in (group for group in groups.values() if len(group) > 1):
        for letter in group:
            pattern = regex.compile(regex.escape(letter), regex.IGNORECASE)
            for other in group:
                if other != letter and pattern.fullmatch(other):
                    compared += 1
                    assert _fold(letter) == _fold(other), (letter, other)
    assert compared > 2000


def test_document_keeps_one_analysis_until_its_cache_is_cleared() -> None:
    document = Document(text="One text.", path="<text>")
    analysis = document.analysis
    assert document.analysis is analysis
    document.cache.clear()
    assert document.analysis is not analysis
    assert document.analysis.words == ["One", "text"]
