"""Typos injected into clean wire copy are found, each by its own rule, and nothing else is."""

from __future__ import annotations

from linter.testing import assert_finds, assert_fixes
from rules.typos.corpus_name_variant import NameSpelledDifferentlyInCorpus, transliteration_key
from rules.typos.lowercase_proper_noun import LowercaseProperNoun
from rules.typos.lowercase_sentence_start import LowercaseSentenceStart
from rules.typos.misspelling import Misspelling
from rules.typos.missing_space import MissingSpaceAfterPunctuation
from rules.typos.name_variant import NameSpelledTwoWays
from rules.typos.thousands_separator import BrokenThousandsSeparator
from tests.rules.test_typos_clean import WIRE_DIPLOMACY, WIRE_POLITICS


def inject(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_misspelling_in_wire_copy() -> None:
    text = inject(WIRE_POLITICS, "a day after the leaders", "a day after teh leaders")
    text = inject(text, "would spend", "would recieve and spend")
    assert_finds(Misspelling, text, ["teh", "recieve"])
    assert_fixes(Misspelling, "a day after teh leaders", "a day after the leaders")


def test_lowercase_country_and_people() -> None:
    text = inject(WIRE_POLITICS, "including Canada, Australia", "including canada, australia")
    text = inject(text, "Portugal's Luís", "portugal's Luís")
    assert_finds(LowercaseProperNoun, text, ["canada", "australia", "portugal"])


def test_lowercase_sentence_start_in_wire_copy() -> None:
    text = inject(WIRE_POLITICS, "Tusk told reporters", "tusk told reporters")
    text = inject(text, "Earlier, Italian", "earlier, Italian")
    assert_finds(LowercaseSentenceStart, text, ["tusk", "earlier"])


def test_missing_space_in_wire_copy() -> None:
    text = inject(WIRE_DIPLOMACY, "Kremlin spokesman Dmitry Peskov told", "Kremlin spokesman Dmitry Peskov,told")
    assert_finds(MissingSpaceAfterPunctuation, text, ["Peskov,told"])


def test_thousands_in_wire_copy() -> None:
    text = inject(WIRE_DIPLOMACY, "swap 1,200 prisoners", "swap 1, 200 prisoners")
    text = inject(text, "17th package", "17th package worth 2, 000 million euros")
    assert_finds(BrokenThousandsSeparator, text, ["1, 200", "2, 000"])


def test_name_variant_in_wire_copy() -> None:
    text = inject(WIRE_POLITICS, "Tusk told reporters the coalition", "Tsuk told reporters the coalition")
    text = inject(text, "Starmer said. Macron", "Starmer said. Macron")
    assert_finds(NameSpelledTwoWays, text, [])
    text = inject(WIRE_POLITICS, "Starmer said. Macron", "Starmr said. Macron")
    text = text + "\nStarmer is due in Brussels next week.\n"
    findings = assert_finds(NameSpelledTwoWays, text, ["Starmr"])
    assert findings[0].related and findings[0].fix is not None


def test_corpus_variant_reports_the_minority() -> None:
    documents = [
        "Vladimir Medinsky, the head of the Russian delegation, spoke in Istanbul on Monday.",
        "The Russian side, led by Vladimir Medinsky, handed over a memorandum in Istanbul.",
        "Vladimir Medinski said the two sides would meet again, officials said.",
        "Vladimir Medinsky said Russia was ready to continue contacts with Kyiv.",
    ]
    findings = assert_finds(NameSpelledDifferentlyInCorpus, documents, ["Medinski"])
    assert findings[0].severity.value == "info"
    assert findings[0].path == "doc2.txt" and findings[0].related[0].path == "doc0.txt"


def test_transliteration_key_joins_transliterations_only() -> None:
    for a, b in [("Medinsky", "Medinski"), ("Zelenskyy", "Zelenski"), ("Volodymyr", "Volodimir"), ("Kyslytsya", "Kyslytsia"), ("Heorhii", "Heorhiy")]:
        assert transliteration_key(a) == transliteration_key(b), (a, b)
    for a, b in [("Rabin", "Robin"), ("Schulz", "Scholz"), ("Francis", "François"), ("Austria", "Australia")]:
        assert transliteration_key(a) != transliteration_key(b), (a, b)
