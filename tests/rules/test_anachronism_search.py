"""The multi-pattern search behind the ANA matcher: Hyperscan and pyahocorasick find the same occurrences."""

from __future__ import annotations

import pytest

from rules.anachronism import search
from rules.anachronism.search import KeySearch

KEYS = {"President": "title", "president": "title", "Erdoğan": "name", "Recep Tayyip Erdoğan": "name", "Lula": "name", "é": "letter"}
TEXTS = [
    "President Recep Tayyip Erdoğan met President Lula.",
    "Le président Erdoğan 🇹🇷 a rencontré Lula — président, président.",
    "plain ascii president text with no names",
    "lone surrogate \ud800 then President Lula",
    "",
]


def occurrences(keys: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    return sorted(KeySearch(keys).find(text))


@pytest.mark.parametrize("text", TEXTS)
def test_character_offsets_and_overlaps(text: str) -> None:
    found = occurrences(KEYS, text)
    assert all(text[start:end] in KEYS and KEYS[text[start:end]] == value for start, end, value in found)
    expected = sorted((i, i + len(k), v) for k, v in KEYS.items() for i in range(len(text)) if text.startswith(k, i))
    assert found == expected


@pytest.mark.skipif(search.hyperscan is None, reason="Hyperscan is not installed on this platform")
@pytest.mark.parametrize("text", TEXTS)
def test_both_backends_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_hyperscan = occurrences(KEYS, text)
    monkeypatch.setattr(search, "hyperscan", None)
    assert occurrences(KEYS, text) == with_hyperscan


def test_no_keys_find_nothing() -> None:
    assert list(KeySearch({}).find("President Lula")) == []
