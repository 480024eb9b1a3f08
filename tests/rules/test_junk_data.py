"""The junk family's phrase data is tested as data: well-formed rows, no duplicates, every template usable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules.junk import phrases
from rules.junk.media_credit import credit_words

DATA = Path(phrases.__file__).parent / "data"
TEMPLATE_SYNTAX = re.compile(r"[\[\]{}]|\([^()]*\|")


def rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


PHRASE_ROWS = rows("phrases.tsv")


def test_phrase_rows_have_four_fields_and_known_kinds() -> None:
    kinds = {kind for kind, _label in rows("kinds.tsv")}
    for row in PHRASE_ROWS:
        assert len(row) == 4, row
        text, kind, _language, position = row
        assert text == text.strip() and kind in kinds and position in phrases.POSITIONS, row


def test_no_phrase_is_listed_twice() -> None:
    seen: dict[str, str] = {}
    for text, *_ in PHRASE_ROWS:
        key = " ".join(phrases.normalise_word(text).split())
        assert key not in seen, f"{text!r} repeats {seen[key]!r}"
        seen[key] = text


def test_every_first_word_alternation_compiles() -> None:
    table = phrases.phrase_table()
    for word in table.sources:
        assert table.pattern_for(word) is not None


@pytest.mark.parametrize("text", [row[0] for row in PHRASE_ROWS if not TEMPLATE_SYNTAX.search(row[0])])
def test_literal_phrase_matches_itself(text: str) -> None:
    table = phrases.phrase_table()
    match = table.match_at(text, 0, len(text))
    assert match is not None and match.end() == len(text), text


def test_slots_have_no_capturing_groups() -> None:
    for name, pattern in phrases.slots().items():
        assert re.compile(pattern).groups == 0, name


def test_agencies_and_credit_words_are_unique() -> None:
    for name in ("photo_agencies.txt", "credit_words.txt", "image_libraries.txt"):
        entries = [line.strip().casefold() for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#")]
        repeated = {e for e in entries if entries.count(e) > 1}
        assert not repeated, f"{name}: {sorted(repeated)}"
    assert "reuters" in credit_words().agencies
