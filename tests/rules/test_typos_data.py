"""The typo rules' data, tested as data (codespell-style)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from linter.testing import assert_clean, assert_finds
from rules.typos.lowercase_proper_noun import LowercaseProperNoun
from rules.typos.text import DATA, fold, read_list
from rules.typos.vocabulary import english_words, misspellings

DATA_FILES = sorted(DATA.glob("*.txt"))


def test_no_fix_is_itself_a_listed_typo() -> None:
    table = misspellings()
    bad = {key: entry.candidates[0] for key, entry in table.items() if entry.automatic and entry.candidates[0] in table}
    assert not bad, f"corrections that are themselves listed as typos: {sorted(bad.items())[:20]}"


def test_dropped_entries_are_not_reported() -> None:
    table = misspellings()
    for word in read_list(DATA / "codespell_drop.txt"):
        assert word not in table, word


def test_real_words_are_not_misspellings() -> None:
    table = misspellings()
    leaked = sorted(word for word in english_words() if word in table)
    assert not leaked, leaked[:20]


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.name for p in DATA_FILES])
def test_no_duplicates_in_our_data(path: Path) -> None:
    entries = [fold(line) for line in read_list(path)]
    duplicates = [entry for entry, count in Counter(entries).items() if count > 1]
    assert not duplicates, f"{path.name}: duplicates {duplicates}"


@pytest.mark.parametrize("path", [DATA / "codespell_drop.txt", DATA / "ambiguous.txt", DATA / "common_words.txt"])
def test_lower_case_lists_are_lower_case(path: Path) -> None:
    assert all(line == line.lower() for line in read_list(path))


def test_ambiguous_words_stay_silent_even_when_named() -> None:
    names = [word.title() for word in read_list(DATA / "ambiguous.txt")]
    text = "They said " + ", ".join(word.lower() for word in names) + " and more, officials said."
    assert_clean(LowercaseProperNoun, text, options={"extra-names": names})


def test_extra_gazetteer_file_is_resolved_against_the_config_root(tmp_path: Path) -> None:
    (tmp_path / "names.txt").write_text("# local places\nKropyvnytskyi\n", encoding="utf-8")

    class Configured(LowercaseProperNoun):
        config_root = tmp_path

    assert_finds(Configured, "The minister visited kropyvnytskyi on Monday.", ["kropyvnytskyi"], options={"extra-gazetteer-files": ["names.txt"]})
