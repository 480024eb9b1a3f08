"""The knowledge base as data: every file in ``rules/anachronism/data/kb`` loads and is consistent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rules.anachronism.kb import builtin_files, consistency_problems, load

FILES = builtin_files()


def test_there_are_files() -> None:
    names = {path.stem for path in FILES}
    assert {"us", "gb", "un", "nato", "eu", "ecb", "fed", "holy-see"} <= names


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_file_is_consistent(path: Path) -> None:
    """No overlapping terms in a single-holder office, start before end, every person used exists, every term sourced."""
    problems = consistency_problems(load([path]))
    assert not problems, "\n".join(problems)


def test_all_files_together_are_consistent() -> None:
    """People shared by files (same id) carry the same name; office ids are unique across files."""
    problems = consistency_problems(load(FILES))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_file_name_matches_jurisdiction(path: Path) -> None:
    kb = load([path])
    assert len(kb.jurisdictions) == 1
    key = next(iter(kb.jurisdictions))
    assert key == key.upper()
    for office in kb.offices.values():
        assert office.titles, office.id


def test_checker_catches_bad_data(tmp_path: Path) -> None:
    bad = tmp_path / "xx.yaml"
    bad.write_text(
        """
jurisdiction: XX
as_of: 2025-01-01
names: [Xland]
people:
  - {id: a, name: Ann}
  - {id: b, name: Bob}
offices:
  - id: xx-president
    titles: [President]
    single_holder: true
    terms:
      - {person: a, start: 2010-01-01, end: 2015-01-01, source: s}
      - {person: b, start: 2014-06-01, end: 2014-01-01, source: s}
      - {person: c, start: 2016-01-01, end: null}
      - {person: b, start: nonsense, end: null, source: s}
""",
        encoding="utf-8",
    )
    problems = "\n".join(consistency_problems(load([bad])))
    assert "terms overlap" in problems
    assert "ends (2014-01-01) before it starts" in problems
    assert "unknown person c" in problems
    assert "has no 'source'" in problems
    assert "an ISO 'start'" in problems


def test_people_merge_by_id(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("jurisdiction: A\nas_of: 2025-01-01\npeople: [{id: p, name: Pat, aliases: [P1]}]\n", encoding="utf-8")
    second.write_text("jurisdiction: B\nas_of: 2025-01-01\npeople: [{id: p, name: Pat, aliases: [P2]}]\n", encoding="utf-8")
    kb = load([first, second])
    assert kb.people["p"].aliases == ("P1", "P2")
    assert not consistency_problems(kb)


def test_known_facts() -> None:
    """Spot checks of the core files against well-known dates."""
    kb = load(FILES)

    def holder(office: str, day: str) -> list[str]:
        date = dt.date.fromisoformat(day)
        return [kb.people[t.person].name for t in kb.offices[office].tenures if t.held_on(date)]

    assert holder("gb-prime-minister", "2025-06-02") == ["Keir Starmer"]
    assert holder("gb-prime-minister", "2022-09-05") == ["Boris Johnson"]
    assert holder("us-president", "2025-06-02") == ["Donald Trump"]
    assert holder("us-president", "2025-01-19") == ["Joe Biden"]
    assert holder("va-pope", "2025-04-30") == []
    assert holder("va-pope", "2025-05-08") == ["Leo XIV"]
    assert holder("nato-secretary-general", "2024-10-01") == ["Mark Rutte"]
    assert holder("un-secretary-general", "2006-12-31") == ["Kofi Annan"]
